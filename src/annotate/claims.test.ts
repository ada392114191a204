import assert from 'node:assert/strict';
import test from 'node:test';
import type { Doc, Mention } from '../core/index.ts';
import { createContext } from '../core/index.ts';
import { prepareArticle } from '../ingest/prepare.ts';
import { defaultPipeline } from '../pipeline.ts';
import { articleCountry, buildClaims } from './claims.ts';

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

/** The claim whose span starts with the given words. */
const at = (d: Doc, words: string) => d.claims.findIndex((c) => d.text.slice(c.span.start, c.span.end).startsWith(words));

test('partitives point back to the figure they divide, in the sentence or the ones before', () => {
  // A pronoun partitive with a victim noun, and one with its own predicate in the next sentence.
  const a = run('Shelling killed nine villagers, six of them children. Gunmen abducted 14 passengers on the highway on Friday. Five of them are still missing, the transport union said.');
  const fam = at(a, 'nine villagers');
  const kids = at(a, 'six of them');
  assert.deepEqual([a.claims[kids]!.kind, a.claims[kids]!.low, a.claims[kids]!.victims.category, a.claims[kids]!.part_of], ['killed', 6, 'children', fam]);
  const miss = at(a, 'Five of them');
  assert.deepEqual([a.claims[miss]!.kind, a.claims[miss]!.part_of], ['missing', at(a, '14 passengers')]);
  // "of the wounded" names the kind; "two of them" divides the partitive itself.
  const b = run('The raid left one person dead and 20 others wounded, the district chief said. Nine of the wounded were flown to the capital, three of them in a critical state.');
  const nine = at(b, 'Nine of the wounded');
  assert.deepEqual([b.claims[nine]!.kind, b.claims[nine]!.part_of], ['injured', at(b, '20 others')]);
  assert.equal(b.claims[at(b, 'three of them')]!.part_of, nine);
  // "the remaining" is a sibling of the previous part.
  const c = run('Police detained 20 suspects after the bombing. Six of the suspects were held at the port, and the remaining fourteen were detained in the suburbs.');
  assert.equal(c.claims[at(c, 'the remaining fourteen')]!.part_of, at(c, '20 suspects'));
  assert.equal(c.claims[at(c, 'Six of the suspects')]!.part_of, at(c, '20 suspects'));
});

test('"killed three of them" counts people never counted before; "three of its fighters" is no part', () => {
  const a = run('Armed men attacked the checkpoint at dawn and soldiers killed three of them, the army said.');
  assert.equal(a.claims.length, 1);
  assert.equal(a.claims[0]!.part_of, null);
  const b = run('A strike on the depot killed 11 people on Monday. The militia said four of its fighters died in the attack.');
  assert.equal(b.claims[at(b, 'four of its fighters')]!.part_of, null);
});

test('back-references and coordinated parts share the total', () => {
  const a = run('Air strikes on the camp killed at least 25 people, rescuers said. The health office said the dead included nine children and four women.');
  const total = at(a, 'at least 25');
  assert.deepEqual([a.claims[at(a, 'nine children')]!.part_of, a.claims[at(a, 'four women')]!.part_of], [total, total]);
  const b = run('A car bomb killed at least 14 people near the port, officials said. Two customs officers were among those killed.');
  assert.equal(b.claims[at(b, 'Two customs officers')]!.part_of, at(b, 'at least 14'));
  // The date is not the parent of "including".
  const c = run('Strikes have killed 90 people in the province since March 3, including 12 paramedics.');
  assert.equal(c.claims[at(c, '12 paramedics')]!.part_of, at(c, '90 people'));
});

test('shares: percentages, the previous sentence, peoples, places and the noun before', () => {
  const a = run('The agency said 4,000 people had fled the valley. About a third of them are children, it said.');
  const s = a.claims[at(a, 'About a third')]!;
  assert.deepEqual([s.kind, s.share?.of, s.victims.category, s.low, s.best, s.high], ['displaced', at(a, '4,000'), 'children', 1333, 1333, 1333]);
  const b = run('More than 600 people were wounded in the week, nearly 30 per cent of them women.');
  const p = b.claims[at(b, 'nearly 30 per cent')]!;
  assert.deepEqual([p.share?.fraction, p.low, p.hedge], [0.3, 180, 'nearly']);
  const c = run('Some 90,000 people have crossed the border since the offensive, a quarter of them Afghans. About half of them are in Tak province, officials said.');
  assert.equal(c.claims[at(c, 'a quarter')]!.victims.category, 'civilians');
  const d = run('The ministry says 2,000 people have been killed, and that women and children make up more than half of the dead.');
  assert.deepEqual([d.claims[at(d, 'more than half')]!.victims.category, d.claims[at(d, 'more than half')]!.low], ['civilians', 1000]);
});

test('the article country comes from resolved places, towns over country names, the dateline aside', () => {
  // A Gaza story names Israel three times but its towns are Palestinian.
  const a = run('CAIRO (Wire) — Israel said its jets struck Rafah and Khan Younis overnight. Israel has vowed to press on, and Israel denied hitting a school. The health ministry said 20 people were killed in Rafah.');
  assert.equal(articleCountry(a), 'PS');
  assert.equal(a.claims[0]!.source.name, 'Gaza Health Ministry');
  // With no place at all there is no country from places.
  assert.equal(articleCountry(run('Officials said 20 people were killed.')), null);
});

test("a counting organisation's own figures name it; a newspaper's unsourced figures stay the outlet's", () => {
  const ocha = run('Fighting in the area has displaced more than 12,000 people since Monday.', 'OCHA');
  assert.equal(ocha.claims[0]!.source.name, 'United Nations Office for the Coordination of Humanitarian Affairs');
  assert.deepEqual(ocha.claims[0]!.source.chain, ['OCHA']);
  const paper = run('Fighting in the area has displaced more than 12,000 people since Monday.', 'Wire Daily');
  assert.equal(paper.claims[0]!.source.name, null);
});

test('a vague amount takes its noun through "of" and the verb after it, not a later one', () => {
  const d = run('Insurgents killed dozens of soldiers and seized two armoured trucks near the river crossing.');
  assert.equal(d.claims.length, 1);
  assert.equal(surf(d, 0), 'dozens of soldiers');
  assert.deepEqual([d.claims[0]!.kind, d.claims[0]!.low, d.claims[0]!.victims.category], ['killed', 24, 'soldiers']);
});

test('coordinated figures share the predicate after the second; a clause after a comma does not', () => {
  const d = run('Local monitors said nine militants and four farmers had been killed in the fighting.');
  assert.deepEqual(d.claims.map((c) => [surf(d, d.claims.indexOf(c)), c.kind]), [['nine militants', 'killed'], ['four farmers', 'killed']]);
  const e = run('"We buried more than 30 men, and several are still missing," a village elder said.');
  assert.ok(!e.claims.some((c) => c.kind === 'missing' && c.low === 30));
});

test('manner adverbs, a relative clause and an origin phrase between the figure and its predicate', () => {
  const d = run('One guard was slightly wounded. Two nurses who were working in the clinic were also killed. Up to 12 people from the same street are missing.');
  assert.deepEqual(d.claims.map((c, i) => [c.kind, surf(d, i)]), [['injured', 'One guard'], ['killed', 'Two nurses'], ['missing', 'Up to 12 people']]);
});

test('possessive relatives are counted as one each and are parts of the count they name', () => {
  const d = run('Shelling killed three civilians, among them a woman and her son, the mayor said.');
  assert.deepEqual(d.claims.map((c) => [c.low, c.victims.category, c.part_of]), [[3, 'civilians', null], [1, 'women', 0], [1, 'children', 0]]);
  const e = run('A rocket killed two civilians, a grandfather and his granddaughter, on Sunday.');
  assert.deepEqual(e.claims.map((c) => [c.low, c.part_of]), [[2, null], [1, 0], [1, 0]]);
});

test('take prisoner / hostage, surrender, force to flee and a modal that ends at "because"', () => {
  const d = run('Raiders took at least 40 villagers hostage. The army said 15 rebels had surrendered. The fire forced hundreds of families from the eastern suburbs to flee. The toll could rise because several people remain missing.');
  assert.deepEqual(d.claims.map((c) => [c.kind, c.low, !!c.abducted]), [['detained', 40, true], ['detained', 15, false], ['displaced', 200, false], ['missing', 3, false]]);
});

test('a total broken down in a later sentence: parts that add up to it point to it, others do not', () => {
  const d = run('Drone attacks killed three people in the district on Tuesday, the governor said. One farmer was killed in his field and two women died at a bus stop.');
  assert.deepEqual(d.claims.map((c) => [c.best, c.part_of]), [[3, null], [1, 0], [2, 0]]);
  const e = run('Drone attacks killed five people in the district on Tuesday, the governor said. One farmer was killed in his field and two women died at a bus stop.');
  assert.deepEqual(e.claims.map((c) => c.part_of), [null, null, null]);
});

test('an apposition of named people before the verb is not counted again; after the verb its members are parts', () => {
  const d = run('Two civilians, a farmer and his wife, were killed when a shell hit their house.');
  assert.deepEqual(d.claims.map((c) => c.best), [2]);
});
