import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createContext, createDoc } from '../core/index.ts';
import { cleanStage } from './clean.ts';
import { sentenceStage } from './sentences.ts';

const clean = (text: string, outlet: string | null = null) => cleanStage.run(sentenceStage.run(createDoc({ text, meta: { input: 't', outlet } }), createContext()), createContext());

test('a "Source: X" line is removed and sets the outlet, or the credit when the outlet is known', () => {
  const d = clean('Shelling killed 4 people in Gaza City, medics said.\nSource :Skai');
  assert.equal(d.meta.outlet, 'Skai');
  assert.deepEqual(d.removed.map((r) => [r.reason, d.text.slice(r.span.start, r.span.end)]), [['source-line', 'Source :Skai']]);
  const e = clean('Shelling killed 4 people in Gaza City, medics said.\nSource: Reuters', 'Daily Star');
  assert.equal(e.meta.outlet, 'Daily Star');
  assert.equal(e.meta.credit, 'Reuters');
});

test('author bios, prompts and captions are removed with their reasons', () => {
  const d = clean(
    'Shelling killed 4 people in Gaza City, medics said.\nPhoto: Smoke rises over Khan Younis / AFP\nRead more: Truce talks stall\nShare this article\nJane Roe is a freelance journalist based in Beirut.',
  );
  assert.deepEqual(d.removed.map((r) => r.reason), ['caption', 'prompt', 'prompt', 'bio']);
});

test('a paraphrased repeat is a duplicate of the first; different figures are not', () => {
  const d = clean(
    'The ministry of defence has announced that it is dealing with a massive attack by terrorist organisations in the province of Aleppo.\nOther news followed here today about something else entirely.\nThe ministry of defence made it known that a massive attack by terrorist organisations is being faced in the province of Aleppo.\nAir strikes killed 12 people in Idlib province on Monday, rescuers said in a statement.\nAir strikes killed 19 people in Idlib province on Monday, rescuers said in a statement.',
  );
  const dups = d.removed.filter((r) => r.reason === 'duplicate');
  assert.equal(dups.length, 1);
  assert.equal(dups[0]!.duplicate_of, 0);
  assert.match(d.text.slice(dups[0]!.span.start, dups[0]!.span.end), /made it known/);
});
