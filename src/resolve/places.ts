import type { Doc, Place, PlaceFeature, Sentence, Stage, StageContext } from '../core/index.ts';
import { liveSentences, withLayer } from '../core/index.ts';
import { countryByIso2 } from './countries.ts';
import { fold } from './fold.ts';
import type { Gazetteer, GazPlace } from './gazetteer.ts';
import { loadGazetteer } from './gazetteer.ts';
import type { Toponym } from './toponyms.ts';
import { findToponyms, lowercaseWords } from './toponyms.ts';

/** The gazetteer from the run's shared resources, loaded once per process. */
export function gazetteerFor(ctx: StageContext): Gazetteer {
  let g = ctx.resources.get('gazetteer') as Gazetteer | undefined;
  if (!g) {
    g = loadGazetteer();
    ctx.resources.set('gazetteer', g);
  }
  return g;
}

const KIND_BASE: Record<GazPlace['kind'], number> = { country: 9, region: 8, road: 8, other: 7, admin1: 4.5, city: 0, village: 0 };

function focusOf(doc: Doc, tops: Toponym[], gaz: Gazetteer): Map<string, number> {
  const focus = new Map<string, number>();
  const bump = (cc: string, w: number) => focus.set(cc, (focus.get(cc) ?? 0) + w);
  const loose = new Map<string, string>();
  for (const t of tops) {
    const ccs = new Set(t.places.map((p) => p.country));
    if (t.dateline && t.places.some((p) => p.kind === 'country')) bump(t.places.find((p) => p.kind === 'country')!.country, 3);
    else if (t.places.some((p) => p.kind === 'country')) bump(t.places.find((p) => p.kind === 'country')!.country, 2);
    else if (t.dateline && ccs.size === 1) bump([...ccs][0]!, 1);
    else if (ccs.size === 1 && !t.variant) loose.set(fold(doc.text.slice(t.core.start, t.core.end)), [...ccs][0]!);
  }
  // Demonyms are not places but say where the article is: "Syrian troops", "Russian strikes".
  for (const s of liveSentences(doc)) {
    for (const m of doc.text.slice(s.span.start, s.span.end).matchAll(/\b\p{Lu}[\p{L}]+\b/gu)) {
      const cc = gaz.demonym(m[0]);
      if (cc) bump(cc, 1);
    }
  }
  // A name known in one country votes once however often it is repeated, and only half when the article points
  // elsewhere: "Hamas" five times must not make a Gaza story about Hamm in Germany, nor "Fano" an Ethiopian one Italian.
  const pointed = new Set(focus.keys());
  for (const cc of loose.values()) bump(cc, pointed.size && !pointed.has(cc) ? 0.5 : 1);
  return focus;
}

function score(p: GazPlace, t: Toponym, focus: Map<string, number>, admins: Set<string>, maxFocus: number): number {
  let s = KIND_BASE[p.kind] + Math.log10(p.population + 1);
  if (maxFocus > 0) s += (4 * (focus.get(p.country) ?? 0)) / maxFocus;
  if (p.admin1_code && admins.has(p.admin1_code) && p.kind !== 'admin1') s += 2;
  if (t.dateline && p.kind !== 'admin1') s += 2;
  return s;
}

function feature(p: GazPlace, t: Toponym): PlaceFeature {
  if (t.direction) return 'region';
  if (t.typed === 'admin2') return 'admin2';
  if (p.kind === 'country' || p.kind === 'admin1' || p.kind === 'road' || p.kind === 'region' || p.kind === 'city' || p.kind === 'village') return p.kind;
  return 'other';
}

function precision(p: GazPlace, t: Toponym): 1 | 2 | 3 {
  if (t.relative || t.near || p.kind === 'road') return 2;
  if (t.direction) return p.kind === 'admin1' ? 2 : 3;
  if (p.kind === 'country' || p.kind === 'admin1' || p.kind === 'region') return 3;
  if (t.typed === 'admin2') return 2;
  return 1;
}

// How a resolved direction region is named: "southern Idlib", not "S Idlib".
const DIRECTION_WORDS: Record<string, string> = { N: 'northern', S: 'southern', E: 'eastern', W: 'western', NE: 'northeastern', NW: 'northwestern', SE: 'southeastern', SW: 'southwestern', C: 'central' };

// Where a direction word puts a region inside its country's box ("northwestern Syria").
const OFFSETS: Record<string, [number, number]> = { N: [1, 0], S: [-1, 0], E: [0, 1], W: [0, -1], NE: [1, 1], NW: [1, -1], SE: [-1, 1], SW: [-1, -1], C: [0, 0] };

/** Resolve recognised toponyms against the gazetteer using country focus, context and containment. */
export function resolveToponyms(doc: Doc, tops: Toponym[], gaz: Gazetteer): Place[] {
  const focus = focusOf(doc, tops, gaz);
  const maxFocus = Math.max(0, ...focus.values());
  // Admin1s the article names outright ("Idlib province") pull same-named towns into them.
  const admins = new Set<string>();
  for (const t of tops) for (const p of t.places) if (p.kind === 'admin1' && p.admin1_code && (t.typed === 'admin1' || t.places.length <= 2)) admins.add(p.admin1_code);
  // How often the article names each admin1 outright ("the province of Aleppo"): which end of a road it is about.
  const typedAdmins = new Map<string, number>();
  for (const t of tops) for (const p of t.places) if (t.typed === 'admin1' && p.kind === 'admin1' && p.admin1_code) typedAdmins.set(p.admin1_code, (typedAdmins.get(p.admin1_code) ?? 0) + 1);
  const groupAdmin = new Set(tops.filter((t) => t.typed === 'admin1').map((t) => t.group));
  const out: Place[] = [];
  const chosen = new Map<Toponym, GazPlace>();
  for (const t of tops) {
    let cands = t.places;
    let rule = t.variant ? 'gazetteer.variant' : 'gazetteer.exact';
    const typed = t.typed ?? (groupAdmin.has(t.group) ? 'admin1' : null);
    if (typed === 'admin1' && cands.some((p) => p.kind === 'admin1')) cands = cands.filter((p) => p.kind === 'admin1');
    else if ((typed === 'city' || typed === 'admin2' || t.relative || t.near) && cands.some((p) => p.kind === 'city' || p.kind === 'village')) {
      cands = cands.filter((p) => p.kind === 'city' || p.kind === 'village');
    }
    if (t.typeRule && cands.length < t.places.length) rule = t.typeRule;
    else if (!t.typed && typed === 'admin1') rule = 'context.list-of-provinces';
    // A name known only as a small place abroad ("Homs" in Libya, a village called "Victory") is noise.
    // Abroad, only big places under their own name count ("Yug" is an alternate name of a Chinese city), and
    // loose spellings only ever match places in the article's countries ("Houthi" is no Chinese town).
    const written = fold(doc.text.slice(t.core.start, t.core.end));
    cands = cands.filter(
      (p) =>
        (focus.get(p.country) ?? 0) >= Math.min(1, maxFocus / 4) ||
        p.kind === 'country' ||
        (!t.variant && p.population >= 100000 && fold(p.name) === written),
    );
    if (!cands.length) continue;
    const ranked = [...cands].sort((a, b) => score(b, t, focus, admins, maxFocus) - score(a, t, focus, admins, maxFocus));
    const best = ranked[0]!;
    if (rule.startsWith('gazetteer') && new Set(cands.map((p) => p.country)).size > 1 && (focus.get(best.country) ?? 0) > 0) rule = 'focus.country';
    chosen.set(t, best);
    let lat = best.lat;
    let lon = best.lon;
    let name = best.kind === 'admin1' ? (best.admin1 ?? best.name) : best.name;
    let feat = feature(best, t);
    let span = t.span;
    let geonameid = best.geonameid;
    let roadAdmin1: string | null = null;
    if (t.direction) {
      const box = gaz.meta.bbox[best.kind === 'admin1' ? (best.admin1_code ?? '') : best.country];
      if (box) {
        const [dy, dx] = OFFSETS[t.direction] ?? [0, 0];
        lat = (box[0] + box[1]) / 2 + (dy * (box[1] - box[0])) / 3;
        lon = (box[2] + box[3]) / 2 + (dx * (box[3] - box[2])) / 3;
      }
      name = `${DIRECTION_WORDS[t.direction] ?? t.direction} ${name}`;
      rule = 'region.direction';
      geonameid = null;
    }
    if (t.roadTo) {
      const other = t.roadTo.places.filter((p) => p.country === best.country).sort((a, b) => b.population - a.population)[0];
      const road = other ? knownRoad(doc, gaz, t, best, t.roadTo, other) : null;
      lat = road ? road.lat : other ? (best.lat + other.lat) / 2 : best.lat;
      lon = road ? road.lon : other ? (best.lon + other.lon) / 2 : best.lon;
      name = road ? road.name : `${best.name}–${other?.name ?? '?'} road`;
      feat = 'road';
      span = t.roadSpan ?? span;
      geonameid = null;
      rule = road ? 'road.ends-known' : 'road.between-places';
      roadAdmin1 = road?.admin1 ?? best.admin1;
      // "…in the province of Aleppo… cut the road connecting Damascus with Aleppo": an article about one end's
      // governorate reports that end's section of the road, placed halfway between that end and the road's middle.
      const end = [best, other].filter((p): p is GazPlace => !!p?.admin1_code && (typedAdmins.get(p.admin1_code) ?? 0) > 0).sort((a, b) => (typedAdmins.get(b.admin1_code!) ?? 0) - (typedAdmins.get(a.admin1_code!) ?? 0))[0];
      if (end && other) {
        lat = (end.lat + lat) / 2;
        lon = (end.lon + lon) / 2;
        roadAdmin1 = end.admin1;
        rule = `${rule}.section`;
      }
    }
    out.push({
      span,
      name: doc.text.slice(span.start, span.end),
      resolved_name: name,
      geonameid,
      lat,
      lon,
      country: best.country,
      admin1: t.roadTo ? roadAdmin1 : best.kind === 'country' ? null : best.admin1,
      feature: feat,
      precision: t.roadTo ? 2 : precision(best, t),
      candidates_considered: t.places.length,
      rule: t.relative ? (t.relative.distance_km != null ? 'relative.distance' : 'relative.near') : rule,
      relative: t.relative,
      sentence: t.sentence,
    });
  }
  return out;
}

/** The gazetteer road whose ends are these two places, in either order, by their written or resolved names. */
function knownRoad(doc: Doc, gaz: Gazetteer, a: Toponym, pa: GazPlace, b: Toponym, pb: GazPlace): GazPlace | null {
  const namesA = [fold(doc.text.slice(a.core.start, a.core.end)), fold(pa.name)];
  const namesB = [fold(doc.text.slice(b.core.start, b.core.end)), fold(pb.name)];
  for (const x of namesA) {
    for (const y of namesB) {
      const row = gaz.meta.roadEnds[`${x}|${y}`] ?? gaz.meta.roadEnds[`${y}|${x}`];
      if (row != null) return gaz.place(row);
    }
  }
  return null;
}

// Contact lines, author bios and links to other stories name no place of the article's events (GOLD.md, noise lines):
// "For further information, please contact: OCHA Myanmar", "Read more: Myanmar's displaced…", "This report was filed
// by Mizzima's Chin State correspondent". Agency credit lines ("Reporting by … in Cairo") do count as places.
const CREDIT_LINE = /\b(?:please contact|For more information|This report was filed|covers conflict|Read more|Read also)\b/;

/** Live sentences plus photo captions: "Photo: Smoke rises from a fuel depot in Port-Sudan" names a real place. */
function placeSentences(doc: Doc): Sentence[] {
  const live = liveSentences(doc);
  if (doc.meta.language && doc.meta.language !== 'en') return live;
  const caps = doc.sentences.filter((s) => !live.includes(s) && doc.removed.some((r) => r.reason === 'caption' && r.span.start <= s.span.start && s.span.end <= r.span.end));
  return caps.length ? [...live, ...caps].sort((a, b) => a.index - b.index) : live;
}

/** Recognise and resolve the places of a document (exported for tests and other stages). */
export function extractPlaces(doc: Doc, gaz: Gazetteer): Place[] {
  const tops: Toponym[] = [];
  const common = lowercaseWords(doc.text);
  for (const s of placeSentences(doc)) {
    if (CREDIT_LINE.test(doc.text.slice(s.span.start, s.span.end))) continue;
    tops.push(...findToponyms(doc.text, s.span, s.index, gaz, tops.length * 100 + 1, common));
  }
  return resolveToponyms(doc, tops, gaz);
}

/** Stage: toponyms recognised over the live sentences and resolved against the offline gazetteer. */
export const placeStage: Stage = {
  name: 'places',
  requires: ['sentences', 'removed'],
  assigns: ['places'],
  run: (doc, ctx) => withLayer(doc, 'places', extractPlaces(doc, gazetteerFor(ctx))),
};

/** English name of a place's country ("SY" → "Syria"), for event rows. */
export function countryName(iso2: string | null): string | null {
  return iso2 ? (countryByIso2(iso2)?.name ?? null) : null;
}
