import assert from 'node:assert/strict';
import { test } from 'node:test';
import { metrics, sameSourceName, scoreClaims, scoreEvents, scorePlaces, scoreTimes, spansMatch, type Tally } from './score.ts';

// A small hand-made gold article (values written by a person, not produced by Sitrep).
const gold = {
  claims: [
    { kind: 'killed', low: 19, best: null, high: null, victims: { category: 'civilians' }, source: { name: 'Syrian Observatory for Human Rights', chain: ['Skai', 'Syrian Observatory for Human Rights'] }, background: false, span: { start: 10, end: 31 } },
    { kind: 'displaced', low: 14001, best: null, high: null, victims: { category: 'total' }, source: { name: 'OCHA', chain: ['Skai', 'OCHA'] }, background: false, span: { start: 100, end: 123 } },
  ],
  places: [
    { span: { start: 40, end: 46 }, lat: 36.2021, lon: 37.1343 },
    { span: { start: 200, end: 205 }, lat: 35.9306, lon: 36.6339 },
  ],
  times: [{ span: { start: 60, end: 71 }, value: '2024-11-27', precision: 'day', background: false }],
  events: [{ event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Hayat Tahrir al-Sham', actor2: 'Military Forces of Syria (2000-2024)', event_date: '2024-11-27', admin1: 'Aleppo', fatalities: 201 }],
};

function score(pred: typeof gold) {
  const t: Tally = { articles: 1 };
  const errs: number[] = [];
  scoreClaims(gold.claims, pred.claims, t);
  scorePlaces(gold.places, pred.places, t, errs);
  scoreTimes(gold.times, pred.times, t);
  scoreEvents(gold.events, pred.events, t);
  return metrics(t, errs);
}

test('a perfect prediction scores 1.0 on every rate', () => {
  const m = score(structuredClone(gold));
  for (const k of ['claim_f1', 'claim_number_exact', 'claim_source_accuracy', 'claim_chain_accuracy', 'claim_background_accuracy', 'place_f1', 'place_within_161km', 'time_f1', 'time_value_accuracy', 'event_f1', 'event_type_accuracy', 'event_subtype_accuracy', 'event_actor_accuracy', 'event_date_accuracy', 'event_fatalities_exact']) {
    assert.equal(m[k], 1, k);
  }
  assert.equal(m.place_median_error_km, 0);
});

test('an empty prediction scores 0.0', () => {
  const m = score({ claims: [], places: [], times: [], events: [] });
  for (const k of ['claim_f1', 'place_f1', 'time_f1', 'event_f1', 'event_type_accuracy']) assert.equal(m[k], 0, k);
  assert.equal(m.place_median_error_km, null);
});

test('a shifted span is a miss; a wrong kind is a miss; wrong numbers and sources are counted', () => {
  const pred = structuredClone(gold);
  pred.claims[0]!.span = { start: 40, end: 61 };
  pred.claims[1]!.low = 14000;
  pred.claims[1]!.source.name = 'UNICEF';
  const m = score(pred);
  assert.equal(m.claim_recall, 0.5);
  assert.equal(m.claim_number_exact, 0);
  assert.equal(m.claim_source_accuracy, 0);
  const wrongKind = structuredClone(gold);
  wrongKind.claims[0]!.kind = 'injured';
  assert.equal(score(wrongKind).claim_recall, 0.5);
});

test('places beyond 161 km count as wrongly resolved; the median error is reported', () => {
  const pred = structuredClone(gold);
  pred.places[1]!.lat = 33.5138; // Damascus instead of Idlib: about 290 km away
  pred.places[1]!.lon = 36.2765;
  const m = score(pred);
  assert.equal(m.place_f1, 1);
  assert.equal(m.place_within_161km, 0.5);
  assert.ok((m.place_median_error_km as number) > 100);
});

test('span matching needs half of the shorter span', () => {
  assert.ok(spansMatch({ start: 0, end: 21 }, { start: 9, end: 21 }));
  assert.ok(!spansMatch({ start: 0, end: 10 }, { start: 9, end: 30 }));
  assert.ok(!spansMatch({ start: 0, end: 10 }, { start: 10, end: 20 }));
});

test('event fields are scored on the paired prediction, actors as an unordered set', () => {
  const pred = structuredClone(gold);
  const e = pred.events[0]!;
  [e.actor1, e.actor2] = [e.actor2, e.actor1];
  e.fatalities = 19;
  const m = score(pred);
  assert.equal(m.event_actor_accuracy, 1);
  assert.equal(m.event_fatalities_exact, 0);
});

test('source names compare through the dictionary aliases, case, leading articles and plural -s', () => {
  assert.ok(sameSourceName('OCHA', 'United Nations Office for the Coordination of Humanitarian Affairs'));
  assert.ok(sameSourceName('a resident', 'A resident'));
  assert.ok(sameSourceName('residents', 'the residents'));
  assert.ok(sameSourceName(null, null));
  assert.ok(!sameSourceName('residents', 'a medical source'));
  assert.ok(!sameSourceName('UNICEF', null));
});
