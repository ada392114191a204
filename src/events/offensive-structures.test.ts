import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createContext } from '../core/index.ts';
import { prepareArticle } from '../ingest/prepare.ts';
import { defaultPipeline } from '../pipeline.ts';
import { areAllies } from './alliances.ts';
import { reportedReasons } from './build-events.ts';

// A fixture written for these tests: an offensive with a justification inside a quote, an allied officer killed in
// combat, a road named by its two ends, a background truce sentence and a toll restated with "since yesterday" and a
// relative place. Expected values are read from its text (published Tuesday 2024-12-03).
const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const text = readFileSync(path.join(root, 'test/fixtures/events/hama-push.txt'), 'utf8');
const doc = defaultPipeline().run(prepareArticle({ text, meta: { input: 'hama-push.txt' } }, { published: '2024-12-03' }), createContext());
const HTS = 'Hayat Tahrir al-Sham';
const SYRIA = 'Military Forces of Syria (2000-2024)';

test('the offensive is a clash carrying the toll, placed by the restated toll near Hama', () => {
  const clashes = doc.events.filter((e) => e.sub_event_type === 'Armed clash');
  assert.equal(clashes.length, 1, JSON.stringify(clashes));
  const c = clashes[0]!;
  assert.deepEqual([c.actor1, c.actor2], [HTS, SYRIA]);
  assert.equal(c.fatalities, 91); // "more than 90 deaths"
  assert.equal(c.event_date, '2024-12-02'); // "on Monday", "since yesterday"
  assert.equal(c.admin1, 'Hama');
  assert.equal(c.geo_precision, 2); // "less than 8 kilometres from … Hama"
  assert.equal(doc.events[0], c, 'the deadliest event comes first');
});

test("an ally's officer killed in combat joins the battle, never a clash between allies", () => {
  const c = doc.events.find((e) => e.sub_event_type === 'Armed clash')!;
  assert.equal(c.assoc_actor_2, 'Military Forces of Iran (1989-)');
  assert.ok(!doc.events.some((e) => e.actor1 === 'Military Forces of Iran (1989-)' || e.actor2 === 'Military Forces of Iran (1989-)'));
});

test('territory taken is its own event, without the dead; the road between two cities is its location', () => {
  const taken = doc.events.filter((e) => e.sub_event_type === 'Non-state actor overtakes territory');
  assert.ok(taken.length >= 1);
  assert.ok(taken.every((e) => e.fatalities === 0 && e.actor1 === HTS));
  const road = taken.find((e) => e.geo_precision === 2 && /Homs|Hama/.test(e.location ?? '') && /highway|road/.test(e.location ?? ''));
  assert.ok(road, JSON.stringify(taken));
  assert.equal(road.event_date, '2024-12-02'); // "yesterday"
});

test('air strikes keep the toll their perpetrator clause gives', () => {
  const air = doc.events.filter((e) => e.sub_event_type === 'Air/drone strike');
  assert.equal(air.length, 1);
  assert.equal(air[0]!.actor1, 'Military Forces of Russia (2000-)');
  assert.equal(air[0]!.fatalities, 12); // "At least 12 civilians … by the Russian air force"
});

test("a speaker's reasons and a background truce yield no event", () => {
  for (const sub of ['Shelling/artillery/missile attack', 'Displacement', 'Agreement']) assert.ok(!doc.events.some((e) => e.sub_event_type === sub), sub);
  assert.ok(!doc.events.some((e) => e.event_date?.startsWith('2020')));
});

test('the road linking two cities is a road place of precision 2', () => {
  const road = doc.places.find((p) => p.feature === 'road');
  assert.ok(road);
  assert.equal(text.slice(road.span.start, road.span.end), 'road linking Homs and Hama');
  assert.equal(road.precision, 2);
  assert.equal(road.country, 'SY');
});

test('reportedReasons: a violent reason in speech is set aside, a routine one is not', () => {
  const s = 'The commander said the raid came "because the army had shelled the town for days", residents said.';
  const [r] = reportedReasons(s, { start: 0, end: s.length });
  assert.ok(r);
  assert.equal(s.slice(r.start, r.end), 'because the army had shelled the town for days');
  const t = 'A source told Reuters, asking not to be named because he was not authorised to speak.';
  assert.deepEqual(reportedReasons(t, { start: 0, end: t.length }), []);
  const u = 'Troops shelled the town because rebels had moved in.';
  assert.deepEqual(reportedReasons(u, { start: 0, end: u.length }), [], 'no speaker, no reported reason');
});

test('areAllies: members of one alliance within its period', () => {
  assert.ok(areAllies('Military Forces of Iran (1989-)', SYRIA, '2024-11-27'));
  assert.ok(!areAllies('Military Forces of Iran (1989-)', SYRIA, '2025-01-10'), 'after the fall of the Assad government');
  assert.ok(!areAllies(HTS, SYRIA, '2024-11-27'));
});
