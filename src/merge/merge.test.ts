import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Claim, SitrepEvent } from '../core/index.ts';
import { mergeReports } from './merge-reports.ts';
import { SyndicationIndex } from './syndication.ts';
import type { Report } from './types.ts';

function ev(p: Partial<SitrepEvent>): SitrepEvent {
  return {
    event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', disorder_type: 'Political violence',
    actor1: 'Military Forces of Russia (2000-)', assoc_actor_1: null, inter1: 'External/Other forces', actor2: 'Civilians (Syria)', assoc_actor_2: null, inter2: 'Civilians',
    interaction: null, civilian_targeting: 'Civilians targeted', event_date: '2024-11-27', time_precision: 1, country: 'Syria', iso: '760',
    admin1: 'Idlib', admin2: null, location: 'Sarmada', latitude: 36.18, longitude: 36.72, geo_precision: 1, fatalities: 0,
    fatalities_range: { low: null, best: null, high: null }, claims: [], sources: [], notes: '', evidence: [], sentence: 0, confidence: 1, rule: 'test', ...p,
  };
}
function killed(n: number, source: string | null, kind = 'monitor', category: Claim['victims']['category'] = 'civilians'): Claim {
  return {
    kind: 'killed', low: n, best: n, high: n, hedge: null, unit: 'people', victims: { category, actor: null }, perpetrator: null,
    source: { name: source, kind, chain: [], span: null, rule: 't' }, background: false, span: { start: 0, end: 5 }, also: [], sentence: 0, part_of: null, share: null, rule: 't',
  };
}
let n = 0;
function rep(p: Partial<Report> & { event: SitrepEvent }): Report {
  n++;
  return { id: `r${n}`, article_id: `a${n}`, url: null, outlet: `Outlet ${n}`, story_group: `a${n}`, published: '2024-11-27', claims: [], ...p };
}

test('rising tolls from one source are one figure with its history; a denial is a contradiction', () => {
  const reports = [
    rep({ event: ev({}), claims: [killed(7, 'Syrian Observatory for Human Rights')], published: '2024-11-27T08:00' }),
    rep({ event: ev({ location: 'Sarmada', latitude: 36.185 }), claims: [killed(19, 'Syrian Observatory for Human Rights')], published: '2024-11-28T08:00' }),
    rep({ event: ev({}), claims: [], published: '2024-11-28T09:00', denials: [{ source: 'Ministry of Defence of Russia', kind: 'killed', category: 'civilians', span: { start: 3, end: 30 } }] }),
  ];
  const merged = mergeReports(reports);
  assert.equal(merged.length, 1);
  const m = merged[0]!;
  assert.equal(m.reports.length, 3);
  const sohr = m.figures.find((f) => f.source === 'Syrian Observatory for Human Rights')!;
  assert.equal(sohr.best, 19);
  assert.equal(sohr.updates[0]!.best, 7);
  assert.equal(m.fatalities_range.low, 19);
  assert.deepEqual(m.contradictions.map((c) => c.reason), ['denial']);
});

test('two incidents on the same day in the same province stay apart when the towns are far apart', () => {
  const a = rep({ event: ev({ location: 'Sarmada', latitude: 36.18, longitude: 36.72 }) });
  const b = rep({ event: ev({ location: 'Jisr al-Shughur', latitude: 35.81, longitude: 36.32 }) });
  const c = rep({ event: ev({ location: 'Sarmada', latitude: 36.18, longitude: 36.72 }), published: '2024-11-28' });
  const merged = mergeReports([a, b, c]);
  assert.equal(merged.length, 2);
  assert.deepEqual(merged.map((m) => m.reports.length).sort(), [1, 2]);
});

test('copies of one story are one independent source; analyst splits are respected', () => {
  const story = 'IDLIB, Syria (AFP) — Russian air strikes killed at least 19 civilians in the town of Sarmada on Wednesday, a war monitor said, in the deadliest raid on the province this year.';
  const idx = new SyndicationIndex();
  const g1 = idx.add({ id: 'x1', text: story });
  const g2 = idx.add({ id: 'x2', text: `${story} Read more on our site.` });
  const g3 = idx.add({ id: 'x3', text: 'Government forces regained control of two villages near Saraqeb after heavy clashes with rebels, state media reported on Thursday evening.' });
  assert.equal(g1, g2);
  assert.notEqual(g1, g3);
  const r1 = rep({ event: ev({}), story_group: g1, claims: [killed(19, null)] });
  const r2 = rep({ event: ev({}), story_group: g2, claims: [killed(19, null)] });
  const merged = mergeReports([r1, r2]);
  assert.equal(merged.length, 1);
  assert.equal(merged[0]!.sources_independent, 1);
  const split = mergeReports([r1, r2], { cannotLink: [[r1.id, r2.id]], mustLink: [] });
  assert.equal(split.length, 2);
  // Stable ids: re-merging gives the same ids.
  assert.deepEqual(mergeReports([r2, r1]).map((m) => m.id), merged.map((m) => m.id));
});

test("a source's latest report is its current toll: parts then a restated total are not added up", () => {
  const sohr = 'Syrian Observatory for Human Rights';
  const early = rep({ event: ev({}), claims: [killed(6, sohr, 'monitor', 'soldiers'), killed(4, sohr, 'monitor', 'fighters')], published: '2024-11-27T08:00' });
  const later = rep({ event: ev({}), claims: [killed(10, sohr, 'monitor', 'fighters')], published: '2024-11-27T12:00' });
  const [m] = mergeReports([early, later]);
  assert.equal(m!.fatalities_range.low, 10);
  assert.equal(m!.fatalities, 10);
});

test('within one report, restated figures for the same victims are not added; a larger stated total wins', () => {
  const sohr = 'Syrian Observatory for Human Rights';
  const r = rep({ event: ev({}), claims: [killed(19, sohr), killed(12, sohr, 'monitor', 'unknown'), killed(7, sohr, 'monitor', 'unknown')], published: '2024-11-28T08:00' });
  const [m] = mergeReports([r]);
  assert.equal(m!.fatalities_range.low, 19);
});

test('a side the representative report leaves unnamed comes from the reports that name it, and the note follows', () => {
  const named = rep({ event: ev({ geo_precision: 2 }), published: '2024-11-27T08:00' });
  const unnamed = rep({ event: ev({ actor1: null, inter1: null, notes: 'On 27 November 2024, Unidentified actors carried out air/drone strike.' }), published: '2024-11-28T08:00' });
  const [m] = mergeReports([named, unnamed]);
  assert.equal(m!.event.actor1, 'Military Forces of Russia (2000-)');
  assert.match(m!.event.notes, /^On 27 November 2024, Military Forces of Russia \(2000-\) carried out air\/drone strike targeting Civilians \(Syria\) in Sarmada\./);
});
