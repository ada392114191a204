import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Claim, Doc, Place } from '../core/index.ts';
import { createDoc, sentenceAt } from '../core/index.ts';
import { annotateActors } from '../annotate/actors.ts';
import { sentenceStage } from '../annotate/sentences.ts';
import { annotateTimes } from '../annotate/times.ts';
import { buildEvents, eventFatalities } from './build-events.ts';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..');

function annotate(text: string, published: string): Doc {
  return annotateActors(annotateTimes(sentenceStage.run(createDoc({ text, meta: { input: 'test', published } }), { options: {}, resources: new Map() })));
}

/** A hand-built claim on the first occurrence of `surface` (what the claims stage will produce). */
function claim(doc: Doc, surface: string, c: Partial<Claim>): Claim {
  const start = doc.text.indexOf(surface);
  assert.ok(start >= 0, surface);
  const span = { start, end: start + surface.length };
  return { kind: 'killed', low: null, best: null, high: null, hedge: null, unit: 'people', victims: { category: 'total', actor: null }, perpetrator: null, source: { name: 'Syrian Observatory for Human Rights', kind: 'ngo', chain: [], span: null, rule: 'test' }, background: false, span, also: [], sentence: sentenceAt(doc, start), part_of: null, share: null, rule: 'test', ...c };
}
function place(doc: Doc, surface: string, p: Partial<Place>): Place {
  const start = doc.text.indexOf(surface);
  return { span: { start, end: start + surface.length }, name: surface, resolved_name: surface, geonameid: null, lat: 36.2, lon: 37.1, country: 'SY', admin1: 'Aleppo', feature: 'admin1', precision: 3, candidates_considered: 1, rule: 'test', sentence: sentenceAt(doc, start), ...p };
}

test('reference case: battle, Russian air strikes, territory taken, displacement; nothing for 2011 or 2020', () => {
  const text = readFileSync(path.join(root, 'test/fixtures/events/aleppo-offensive.txt'), 'utf8');
  let doc = annotate(text, '2024-11-28');
  doc = {
    ...doc,
    claims: [
      claim(doc, 'more than 200 people killed', { low: 201, hedge: 'more than' }),
      claim(doc, 'At least 19 civilians', { low: 19, hedge: 'at least', victims: { category: 'civilians', actor: null }, perpetrator: 'Military Forces of Russia (2000-)' }),
      claim(doc, 'more than 14,000 people', { kind: 'displaced', low: 14001, hedge: 'more than', source: { name: 'United Nations Office for the Coordination of Humanitarian Affairs', kind: 'un', chain: [], span: null, rule: 'test' } }),
    ],
    places: [place(doc, 'Aleppo province', {}), place(doc, 'western Aleppo province', { feature: 'region', precision: 2 })],
  };
  const ev = buildEvents(doc).events;
  const battle = ev.find((e) => e.event_type === 'Battles' && e.sub_event_type === 'Armed clash');
  assert.ok(battle, JSON.stringify(ev.map((e) => e.sub_event_type)));
  assert.equal(battle.event_date, '2024-11-27');
  assert.equal(battle.actor1, 'Hayat Tahrir al-Sham');
  assert.equal(battle.actor2, 'Military Forces of Syria (2000-2024)');
  assert.equal(battle.admin1, 'Aleppo');
  const air = ev.find((e) => e.sub_event_type === 'Air/drone strike');
  assert.ok(air);
  assert.equal(air.actor1, 'Military Forces of Russia (2000-)');
  assert.equal(air.inter1, 'External/Other forces');
  assert.equal(air.fatalities, 19);
  assert.ok(ev.some((e) => e.sub_event_type === 'Non-state actor overtakes territory' && e.actor1 === 'Hayat Tahrir al-Sham'));
  const disp = ev.find((e) => e.sub_event_type === 'Displacement');
  assert.ok(disp);
  assert.equal(disp.event_type, 'Strategic developments');
  assert.ok(disp.claims.includes(2));
  assert.ok(!ev.some((e) => e.event_date?.startsWith('2011') || e.event_date?.startsWith('2020')));
  assert.equal(ev[0]!.event_type, 'Battles');
  assert.match(ev[0]!.notes, /^On 27 November 2024, Hayat Tahrir al-Sham/);
});

// One sentence per sub-type, in our own words; the expected sub-type is what an ACLED coder would assign.
const CASES: [string, string][] = [
  ['Armed clash', 'Rebels clashed with soldiers near the town of Kafr Nabl in Syria on Monday.'],
  ['Government regains territory', 'The Syrian army recaptured the village of Tal Rifaat from rebels on Monday.'],
  ['Non-state actor overtakes territory', 'The Arakan Army seized the town of Buthidaung in Myanmar on Monday.'],
  ['Air/drone strike', 'A junta air strike hit a school in Sagaing, Myanmar, on Monday.'],
  ['Shelling/artillery/missile attack', 'Russian artillery shelled Kherson in Ukraine on Monday.'],
  ['Remote explosive/landmine/IED', 'A roadside bomb struck a bus near Gao in Mali on Monday.'],
  ['Suicide bomb', 'A suicide bomber struck a checkpoint in Mogadishu, Somalia, on Monday.'],
  ['Grenade', 'Attackers hurled a grenade into a bar in Goma, DR Congo, on Monday.'],
  ['Chemical weapon', 'Residents said chlorine was dropped on the district of Douma in Syria on Monday.'],
  ['Attack', 'Gunmen shot dead six farmers near Mopti in Mali on Monday.'],
  ['Abduction/forced disappearance', 'Gunmen abducted 30 pupils from a school in Haiti on Monday.'],
  ['Sexual violence', 'Women said RSF fighters raped them in El Geneina, Sudan, on Monday.'],
  ['Peaceful protest', 'Hundreds of demonstrators rallied in Khartoum, Sudan, on Monday.'],
  ['Protest with intervention', 'Police fired tear gas at a crowd in Port-au-Prince, Haiti, on Monday.'],
  ['Excessive force against protesters', 'Soldiers opened fire on protesters in Mandalay, Myanmar, on Monday.'],
  ['Violent demonstration', 'Rioters torched cars in the centre of Nairobi on Monday.'],
  ['Mob violence', 'A lynch mob killed two men accused of theft in Haiti on Monday.'],
  ['Agreement', 'The army and the rebels signed a ceasefire in Libya on Monday.'],
  ['Arrests', 'Police arrested 12 activists in Yangon, Myanmar, on Monday.'],
  ['Change to group/activity', 'Two armed factions in Syria merged with a larger alliance on Monday.'],
  ['Disrupted weapons use', 'Ukrainian air defences shot down 20 drones over Kyiv on Monday.'],
  ['Headquarters or base established', 'Turkish forces set up a new base near Afrin in Syria on Monday.'],
  ['Looting/property destruction', 'Fighters looted shops in the market of Nyala, Sudan, on Monday.'],
  ['Non-violent transfer of territory', 'Malian troops withdrew from the base at Ber, Mali, on Monday.'],
  ['Other', 'Authorities imposed a curfew on Kidal in Mali on Monday.'],
  ['Displacement', 'Thousands of families fled their homes around Goma in DR Congo on Monday.'],
];

for (const [sub, sentence] of CASES) {
  test(`sub-type ${sub}`, () => {
    const ev = buildEvents(annotate(sentence, '2024-06-11')).events;
    assert.ok(ev.length >= 1, `no event for ${sentence}`);
    assert.equal(ev[0]!.sub_event_type, sub);
    assert.equal(ev[0]!.event_date, '2024-06-10');
  });
}

test('denials, forecasts and background history make no events', () => {
  for (const s of ['The ministry denied that its jets had bombed the market in Syria on Monday.', 'Analysts warned that fighting could spread to Idlib in Syria.', 'Regime forces launched an offensive in Syria in March 2020.']) {
    assert.equal(buildEvents(annotate(s, '2024-06-11')).events.length, 0, s);
  }
});

test('fighters storming a town and killing residents is an attack on civilians; a later toll sentence joins it', () => {
  const text = 'NYALA, Sudan (AFP) — Rapid Support Forces fighters stormed the town of Mellit on Tuesday, killing 21 people, a local official said.\n\nA rights group kept its toll of 18 people killed.';
  let doc = annotate(text, '2024-05-02');
  doc = {
    ...doc,
    claims: [claim(doc, '21 people', { low: 21, best: 21 }), claim(doc, '18 people', { low: 18, best: 18 })],
    places: [place(doc, 'Mellit', { country: 'SD', admin1: 'Northern Darfur', feature: 'city', precision: 1 })],
  };
  const events = buildEvents(doc).events;
  assert.equal(events.length, 1);
  assert.equal(events[0]!.sub_event_type, 'Attack');
  assert.equal(events[0]!.actor1, 'Rapid Support Forces');
  assert.equal(events[0]!.actor2, 'Civilians (Sudan)');
  assert.equal(events[0]!.event_date, '2024-04-30');
  // ACLED keeps the lowest of two accounts of one toll.
  assert.equal(events[0]!.fatalities, 18);
});

test('displacement since a day runs to the report: dated at the middle of the span, week precision', () => {
  const text = 'KHARKIV (AP) — More than 2,000 residents have fled the town of Vovchansk since Monday, regional officials said on Thursday.';
  let doc = annotate(text, '2024-05-16');
  doc = {
    ...doc,
    claims: [claim(doc, 'More than 2,000 residents', { kind: 'displaced', low: 2001, hedge: 'more than' })],
    places: [place(doc, 'Vovchansk', { country: 'UA', admin1: 'Kharkiv', feature: 'city', precision: 1 })],
  };
  const ev = buildEvents(doc).events.find((e) => e.sub_event_type === 'Displacement');
  assert.ok(ev, 'a displacement event');
  // Monday 13 May to Thursday 16 May: four days, the earlier middle day is the 14th.
  assert.equal(ev.event_date, '2024-05-14');
  assert.equal(ev.time_precision, 2);
});

test("a belligerent's count of enemies it killed is not ACLED fatalities; its own dead are", () => {
  const text = 'The army said it killed 15 assailants and lost three soldiers.';
  const doc = annotate(text, '2024-05-16');
  const army = { name: 'Ministry of Defence', kind: 'military', chain: [], span: null, rule: 'test' } as unknown as Claim['source'];
  const enemy = claim(doc, '15 assailants', { low: 15, best: 15, victims: { category: 'fighters', actor: null }, perpetrator: 'Military Forces of Mali (2021-)', source: army });
  const own = claim(doc, 'three soldiers', { low: 3, best: 3, victims: { category: 'soldiers', actor: 'Military Forces of Mali (2021-)' }, source: army });
  assert.equal(eventFatalities([enemy, own]), 3);
});

test('a group that runs a place is no party to the strike; an unnamed striker comes from the claim that names it', () => {
  const text = 'GAZA CITY (AFP) — An Israeli air strike flattened a residential block in Jabalia overnight, killing at least 31 people, the health ministry in the Hamas-run territory said.\n\nIn Rafah, shells hit a market on Sunday, killing four people whom the ministry said were killed by Israeli shelling.';
  let doc = annotate(text, '2023-10-20');
  doc = {
    ...doc,
    claims: [claim(doc, 'at least 31 people', { low: 31, hedge: 'at least' }), claim(doc, 'four people', { low: 4, best: 4, high: 4, perpetrator: 'Military Forces of Israel (2022-)' })],
    places: [place(doc, 'Jabalia', { country: 'PS', admin1: 'Gaza Strip', feature: 'city', precision: 1 }), place(doc, 'Rafah', { country: 'PS', admin1: 'Gaza Strip', feature: 'city', precision: 1 })],
  };
  const events = buildEvents(doc).events;
  const jabalia = events.find((e) => e.location === 'Jabalia');
  assert.ok(jabalia);
  assert.equal(jabalia.actor1, 'Military Forces of Israel (2022-)');
  assert.notEqual(jabalia.actor2, 'Hamas');
  const rafah = events.find((e) => e.location === 'Rafah');
  assert.ok(rafah);
  assert.equal(rafah.actor1, 'Military Forces of Israel (2022-)');
});

test('an event dated only by its statement takes the statement day, not the last date told', () => {
  const text = 'KHARTOUM (AFP) — Air strikes hit a market in Nyala on Thursday, killing 12 people, residents said. The army said on Saturday it had recaptured the town of Sinja.';
  let doc = annotate(text, '2025-01-13');
  doc = { ...doc, places: [place(doc, 'Nyala', { country: 'SD', admin1: 'Southern Darfur', feature: 'city', precision: 1 }), place(doc, 'Sinja', { country: 'SD', admin1: 'Sennar', feature: 'city', precision: 1 })] };
  const taken = buildEvents(doc).events.find((e) => e.location === 'Sinja');
  assert.ok(taken);
  // Published Monday 13 January 2025: "on Saturday" is 11 January; Thursday's strike was 9 January.
  assert.equal(taken.event_date, '2025-01-11');
});
