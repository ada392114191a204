import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCorpus } from '../corpus.ts';
import { institutionReason, noiseLineKind } from './harmonise-2.ts';

// Hand-written wire-style lines; each expectation is the convention in eval/GOLD.md, not the script's output.
const at = (text: string, word: string) => {
  const start = text.indexOf(word);
  return [text, start, start + word.length] as const;
};

test('possessive institutions and organisation names are not places', () => {
  assert.ok(institutionReason(...at("A drone strike by Mali's army killed 12 people.", 'Mali')));
  assert.ok(institutionReason(...at("Fighters opposed to Myanmar's military government seized the town.", 'Myanmar')));
  assert.ok(institutionReason(...at("Clashes between Syria's new security forces and gunmen.", 'Syria')));
  assert.ok(institutionReason(...at("Yemen's Houthi rebels detained 20 aid workers.", 'Yemen')));
  assert.ok(institutionReason(...at('the U.N. Integrated Office in Haiti said on Monday.', 'Haiti')));
  assert.ok(institutionReason(...at('the Social Council of Zawiya announced a truce.', 'Zawiya')));
});

test('possessives that are not institutions stay places', () => {
  assert.equal(institutionReason(...at("In Tripoli, Lebanon's second city, officials said.", 'Lebanon')), null);
  assert.equal(institutionReason(...at("Sudan's war has displaced 11 million people.", 'Sudan')), null);
  assert.equal(institutionReason(...at("In Russia's Belgorod region, three people were hurt.", 'Russia')), null);
  assert.equal(institutionReason(...at("A doctor at Hama's main hospital said 4 died.", 'Hama')), null);
});

test('read more, contact, credit, bio and byline lines are noise; captions and body text are not', () => {
  const body = [
    'KHARTOUM (Reuters) - Shelling killed 9 people in Omdurman on Monday, a medical source said.',
    'West Darfur was the scene of heavy fighting earlier this year.',
    'Photo: Smoke rises over Omdurman on Monday. / AFP',
    'Read more: Aid convoys stuck at the Chad border',
    'For more information, please contact: OCHA Sudan, ochasudan@un.org',
    '(Reporting by Jane Doe in Cairo; Editing by John Roe)',
    'Associated Press writer Ali Musa in Port Sudan contributed to this report.',
    'Amal Idris is a freelance journalist based in Nairobi.',
    'Omar Saleh, Kassala',
  ].join('\n');
  const kind = (w: string) => noiseLineKind(body, body.indexOf(w));
  assert.equal(kind('Omdurman'), null);
  assert.equal(kind('West Darfur'), null);
  assert.equal(kind('Smoke'), null);
  assert.equal(kind('Chad'), 'read more');
  assert.equal(kind('OCHA Sudan'), 'contact');
  assert.equal(kind('Cairo'), 'credit');
  assert.equal(kind('Port Sudan'), 'credit');
  assert.equal(kind('Nairobi'), 'author bio');
  assert.equal(kind('Kassala'), 'byline');
});

test('no gold place lies on a noise line or names an institution', () => {
  for (const item of loadCorpus()) {
    const body = item.raw.text;
    for (const p of item.gold.places as { span: { start: number; end: number; text: string } }[]) {
      const why = noiseLineKind(body, p.span.start) ?? institutionReason(body, p.span.start, p.span.end);
      assert.equal(why, null, `${item.split}/${item.id} "${p.span.text}" @${p.span.start}`);
    }
  }
});
