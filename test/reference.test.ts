import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { createContext } from '../src/core/index.ts';
import { prepareArticle } from '../src/ingest/prepare.ts';
import { defaultPipeline } from '../src/pipeline.ts';
import { assertSpan } from './helpers/spans.ts';

// The figure-bearing sentences of the project's reference example (Aleppo, 2024-11-28), re-typed into a fixture.
// Expected values are the ones issue 4 names for this example.
const text = readFileSync(new URL('./fixtures/claims/reference-figures.txt', import.meta.url), 'utf8');
const doc = defaultPipeline().run(prepareArticle({ text, meta: { input: 'reference-figures.txt' } }, { published: '2024-11-28' }), createContext());
const find = (surface: string) => {
  const c = doc.claims.find((x) => text.slice(x.span.start, x.span.end).startsWith(surface));
  assert.ok(c, `no claim "${surface}"`);
  return c;
};
const SKAI_AFP_SOHR = ['Skai', 'Agence France-Presse', 'Syrian Observatory for Human Rights'];

test('reference: outlet from the "Source :Skai" line, AFP credit from the correspondent', () => {
  for (const c of doc.claims) for (const s of [c.span, ...c.also]) assertSpan(text, s, text.slice(s.start, s.end));
  assert.deepEqual(find('at least 19 civilians').source.chain, SKAI_AFP_SOHR);
});

test('reference: 19 civilians, the total of more than 200 (one claim, two spans) and its breakdown', () => {
  const c19 = find('at least 19 civilians');
  assert.deepEqual([c19.kind, c19.low, c19.best, c19.high, c19.victims.category], ['killed', 19, null, null, 'civilians']);
  const total = find('more than 200');
  assert.deepEqual([total.kind, total.low, total.high, total.also.length], ['killed', 201, null, 1]);
  assert.deepEqual(total.source.chain, SKAI_AFP_SOHR);
  const ti = doc.claims.indexOf(total);
  const f182 = find('182 anti-regime fighters');
  const f102 = find('102 jihadists');
  const f62 = find('62 members of the regime forces');
  const f20 = find('about 20 civilians');
  assert.deepEqual([f182.part_of, f62.part_of, f20.part_of], [ti, ti, ti]);
  assert.equal(f102.part_of, doc.claims.indexOf(f182));
  assert.deepEqual([f182.victims.category, f102.victims.category, f62.victims.category, f20.victims.category], ['fighters', 'fighters', 'soldiers', 'civilians']);
  assert.deepEqual([f20.low, f20.best, f20.high, f20.hedge], [null, 20, null, 'about']);
  assert.deepEqual(f20.source.chain, SKAI_AFP_SOHR, '"this NGO" refers back to the Observatory');
});

test('reference: more than 14,000 displaced (nearly half children) from OCHA', () => {
  const d = find('more than 14,000 people');
  assert.deepEqual([d.kind, d.low, d.best, d.high], ['displaced', 14001, null, null]);
  assert.equal(d.source.name, 'United Nations Office for the Coordination of Humanitarian Affairs');
  const half = find('nearly half');
  assert.deepEqual([half.kind, half.victims.category, half.share, half.low], ['displaced', 'children', { of: doc.claims.indexOf(d), fraction: 0.5 }, 7001]);
});

test('reference: the Iranian general and the background half-million', () => {
  const g = find('A general');
  assert.deepEqual([g.kind, g.low, g.best, g.high, g.source.name], ['killed', 1, 1, 1, 'an Iranian news agency']);
  const bg = find('at least half a million people');
  // Unsourced text of agency copy is the agency's own: chain [outlet, agency], name null (eval/GOLD.md convention 5).
  assert.deepEqual([bg.kind, bg.low, bg.background, bg.source.name, bg.source.chain], ['killed', 500000, true, null, ['Skai', 'Agence France-Presse']]);
  assert.ok(doc.claims.filter((c) => !c.background).every((c) => c.low !== 500000));
});
