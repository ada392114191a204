import assert from 'node:assert/strict';
import test from 'node:test';
import type { Doc, Mention } from '../core/index.ts';
import { createContext } from '../core/index.ts';
import { prepareArticle } from '../ingest/prepare.ts';
import { defaultPipeline } from '../pipeline.ts';
import { buildClaims } from './claims.ts';

/** Run the pipeline on a wire-style fixture written for these tests. */
function run(text: string, outlet = 'Wire Daily', extra: (d: Doc) => Mention[] = () => []): Doc {
  const doc = defaultPipeline().run(prepareArticle({ text, meta: { input: 'fixture', outlet } }, { published: '2024-05-02' }), createContext());
  const mentions = [...doc.mentions.filter((m) => m.type !== 'source' && m.type !== 'attribution' && m.type !== 'quantity'), ...extra(doc)];
  return { ...doc, ...buildClaims({ ...doc, mentions }) };
}
const surf = (d: Doc, i: number) => d.text.slice(d.claims[i]!.span.start, d.claims[i]!.span.end);

test('predicate before the figure, "according to", hedge and victims', () => {
  const d = run('Air raids hit the market town on Monday, killing at least 12 civilians, according to the Syrian Observatory for Human Rights.');
  assert.equal(d.claims.length, 1);
  const c = d.claims[0]!;
  assert.equal(surf(d, 0), 'at least 12 civilians');
  assert.deepEqual([c.kind, c.low, c.best, c.high, c.hedge, c.victims.category], ['killed', 12, null, null, 'at least', 'civilians']);
  assert.equal(c.source.name, 'Syrian Observatory for Human Rights');
  assert.deepEqual(c.source.chain, ['Wire Daily', 'Syrian Observatory for Human Rights']);
});

test('predicate after the figure, "X said", alias canonicalised', () => {
  const d = run('Eight people were wounded in the shelling, OCHA said.');
  assert.deepEqual([d.claims[0]!.kind, d.claims[0]!.low, d.claims[0]!.victims.category], ['injured', 8, 'total']);
  assert.equal(d.claims[0]!.source.name, 'United Nations Office for the Coordination of Humanitarian Affairs');
});

test('displacement, detention (abducted), missing kinds and noun predicates', () => {
  const d = run('Some 3,000 residents fled the villages. Gunmen abducted 15 farmers near the river. Four fishermen remain missing. The death toll rose to 40.');
  assert.deepEqual(d.claims.map((c) => c.kind), ['displaced', 'detained', 'missing', 'killed']);
  assert.equal(d.claims[1]!.abducted, true);
  assert.deepEqual([d.claims[3]!.low, d.claims[3]!.victims.category], [40, 'unknown']);
});

test('"X told AFP" adds the agency to the chain; "said X" inversion; "citing X"', () => {
  const a = run('Two soldiers were killed at a checkpoint, a security source told AFP.');
  assert.deepEqual(a.claims[0]!.source.chain, ['Wire Daily', 'Agence France-Presse', 'a security source']);
  const b = run('Six people died in the blast, said the regional governor of Donetsk.');
  assert.equal(b.claims[0]!.source.rule, 'attribution.said-inverted');
  const c = run('State broadcaster MRTV reported that 30 insurgents were killed, citing the military council.', 'Wire Daily');
  assert.deepEqual(c.claims[0]!.source.chain.slice(0, 2), ['Wire Daily', 'MRTV']);
});

test('discourse carry-over: "the monitor" and "the same source" point back to the earlier source', () => {
  const d = run('The Syrian Observatory for Human Rights said shelling hit the town. The monitor said 16 people were wounded. Nine fighters were killed, according to the same source.');
  assert.equal(d.claims[0]!.source.name, 'Syrian Observatory for Human Rights');
  assert.equal(d.claims[1]!.source.name, 'Syrian Observatory for Human Rights');
});

test('unknown speakers keep their words; unsourced figures are the outlet own', () => {
  const d = run('Residents said 14 people were killed. Thousands of people have fled the district.');
  assert.equal(d.claims[0]!.source.name, 'residents');
  assert.deepEqual([d.claims[1]!.source.name, d.claims[1]!.source.chain], [null, ['Wire Daily']]);
});

test('breakdowns, shares and repeated figures', () => {
  const d = run('Strikes killed at least nine civilians, including four children, the monitor said. More than 9,000 people fled, a third of them women. At least nine civilians were buried on Tuesday.');
  assert.equal(surf(d, 1), 'four children');
  assert.equal(d.claims[1]!.part_of, 0);
  const share = d.claims.find((c) => c.share)!;
  assert.deepEqual([share.share!.of, share.low, share.victims.category, share.kind], [2, 3000, 'women', 'displaced']);
  assert.equal(d.claims[0]!.also.length, 0, 'a burial is not a repeat of the toll');
});

test('background, forecasts, denials and objects are not today\'s claims', () => {
  const d = run('The war has killed more than 500,000 people since 2011. An analyst estimated that thousands could flee. The ministry denied that any civilians were killed. Troops fired 200 shells and 30 drones hit 15 houses.');
  assert.equal(d.claims.length, 1);
  assert.equal(d.claims[0]!.background, true);
});

test('bad input yields no claims', () => {
  const d = run('In 2020, a girl aged 12 walked 10 km along the M5 highway, citing Resolution 2254, and paid $200 at 10:30 for a 12-year-old dog.');
  assert.deepEqual(d.claims, []);
});

test('perpetrator and victim actors come from actor mentions in their roles', () => {
  const text = 'At least 19 civilians were killed in airstrikes by the Russian air force, the monitor said.';
  const d = run(text, 'Wire Daily', (doc) => {
    const start = doc.text.indexOf('Russian air force');
    return [{ span: { start, end: start + 17 }, type: 'actor', text: 'Russian air force', rule: 'test', sentence: 0, value: 'Military Forces of Russia (2000-)' }];
  });
  assert.equal(d.claims[0]!.perpetrator, 'Military Forces of Russia (2000-)');
  assert.equal(d.claims[0]!.victims.actor, null);
});

test('an age does not block the singular reading; suspects are people', () => {
  const d = run('A 12-year-old boy was killed in the strike, residents said. Police said 14 suspects were arrested.');
  assert.deepEqual(d.claims.map((c) => [c.kind, c.low, c.victims.category]), [['killed', 1, 'children'], ['detained', 14, 'total']]);
});

test('a dateline month is not the modal "may"', () => {
  const d = defaultPipeline().run(prepareArticle({ text: 'Niamey, 1 May (ANP) – Twelve soldiers were killed in an ambush near Ayorou in Niger on Saturday, the ministry said.', meta: { input: 'fixture' } }, { published: '2024-05-02' }), createContext());
  assert.deepEqual(d.claims.map((c) => [c.kind, c.low]), [['killed', 12]]);
});

test('recall: demonym totals, adverbs before the predicate, a predicate around the figure, crossings and prisoners', () => {
  const run = (text: string) => defaultPipeline().run(prepareArticle({ text, meta: { input: 'fixture' } }, { published: '2024-05-02' }), createContext());
  const kinds = (text: string) => run(text).claims.map((c) => [c.kind, c.low, c.best, c.high]);
  assert.deepEqual(kinds('The ministry says more than 20,000 Palestinians have been killed since the war began.'), [['killed', 20001, null, null]]);
  assert.deepEqual(kinds('Nearly 4,000 people have been newly displaced in the district.'), [['displaced', null, 4000, 4000]]);
  assert.deepEqual(kinds('The fighting has forced about 60,000 people from their homes.'), [['displaced', null, 60000, null]]);
  assert.deepEqual(kinds('The agency said 2,500 people had crossed into Chad over the past week.'), [['displaced', 2500, 2500, 2500]]);
  assert.deepEqual(kinds('Russian units took 9 servicemen prisoner near the village, the ministry said.'), [['detained', 9, 9, 9]]);
  assert.ok(run('The ministry says more than 20,000 Palestinians have been killed since the war began.').claims[0]!.background);
});

test('a toll noun governs its number through a long subject', () => {
  const d = run('The death toll from Russian shelling on a bus station in the eastern Ukrainian town of Kostiantynivka on Monday has risen to 11 civilians, regional officials said.');
  assert.equal(d.claims.length, 1);
  assert.deepEqual([d.claims[0]!.kind, d.claims[0]!.low, surf(d, 0)], ['killed', 11, '11 civilians']);
});

// Predicates that tell the kind without a classic verb; sentences written for this test.
test('kinds from "among the dead", "on the move", "caught" and "trapped under the rubble"', () => {
  const kinds = (t: string) => run(t).claims.map((c) => c.kind);
  assert.deepEqual(kinds('The brigade said one of its officers was among the dead.'), ['killed']);
  assert.deepEqual(kinds('Aid workers said tens of thousands of people were on the move again.'), ['displaced']);
  assert.deepEqual(kinds('Police said four of the gunmen were caught near the market.'), ['detained']);
  assert.deepEqual(kinds('Rescuers were searching for up to 12 people believed trapped under the rubble.'), ['missing']);
});
