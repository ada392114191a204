/**
 * The scorer behind `npm run eval`: compares extractor output with gold annotations, per field. Pure functions
 * over plain values so they can be unit-tested on hand-made predictions.
 */
import { loadSources } from '../src/resolve/sources.ts';

export interface GSpan {
  readonly start: number;
  readonly end: number;
}

/** Sums that add up over articles, turned into rates at the end. */
export interface Tally {
  [key: string]: number;
}

/** A matched pair of indices into gold and prediction arrays. */
type Pair = readonly [number, number];

/**
 * Two spans match when they overlap by at least half of the shorter one ("19 civilians" inside
 * "at least 19 civilians" matches; a span moved off the phrase does not).
 */
export function spansMatch(a: GSpan, b: GSpan): boolean {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (inter <= 0) return false;
  return inter >= 0.5 * Math.min(a.end - a.start, b.end - b.start);
}

/** One-to-one greedy matching in document order under a compatibility predicate. */
export function matchOneToOne<G, P>(gold: readonly G[], pred: readonly P[], ok: (g: G, p: P) => boolean): Pair[] {
  const used = new Set<number>();
  const pairs: Pair[] = [];
  gold.forEach((g, gi) => {
    const pi = pred.findIndex((p, k) => !used.has(k) && ok(g, p));
    if (pi >= 0) {
      used.add(pi);
      pairs.push([gi, pi]);
    }
  });
  return pairs;
}

/** Add to a tally counter. */
const inc = (t: Tally, key: string, n = 1) => {
  t[key] = (t[key] ?? 0) + n;
};

const norm = (s: unknown) => (s == null ? null : String(s).trim().toLowerCase().replace(/\s+/g, ' '));

/**
 * Source names compare through the source dictionary's aliases ("OCHA" = "United Nations Office for the
 * Coordination of Humanitarian Affairs"), ignoring case, a leading article and a plural -s ("the resident" =
 * "residents"), so the score counts wrong sources, not spelling variants.
 */
export function sameSourceName(a: unknown, b: unknown): boolean {
  const canon = (s: unknown) => {
    if (s == null) return null;
    const hit = loadSources().lookup(String(s));
    return (hit ? hit.name : String(s))
      .trim()
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .replace(/^(?:the|a|an)\s+/, '')
      .replace(/s$/, '');
  };
  return canon(a) === canon(b);
}

/** Great-circle distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const dLat = r(lat2 - lat1);
  const dLon = r(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/* biome-ignore lint/suspicious/noExplicitAny: gold and predictions are plain JSON */
type J = any;

/** Claims: detection by span (or a repeated span) and kind; then numbers, source, background on matches. */
export function scoreClaims(gold: readonly J[], pred: readonly J[], t: Tally): void {
  const pairs = matchOneToOne(gold, pred, (g, p) => g.kind === p.kind && [g.span, ...(g.also ?? [])].some((s: GSpan) => [p.span, ...(p.also ?? [])].some((q: GSpan) => q && spansMatch(s, q))));
  inc(t, 'claims_gold', gold.length);
  inc(t, 'claims_pred', pred.length);
  inc(t, 'claims_match', pairs.length);
  for (const [gi, pi] of pairs) {
    const g = gold[gi];
    const p = pred[pi];
    if (['low', 'best', 'high'].every((k) => (g[k] ?? null) === (p[k] ?? null))) inc(t, 'claims_numbers_exact');
    if (sameSourceName(g.source?.name, p.source?.name)) inc(t, 'claims_source_ok');
    const chain = (c: unknown) => JSON.stringify(((c as string[]) ?? []).map(norm));
    if (chain(g.source?.chain) === chain(p.source?.chain)) inc(t, 'claims_chain_ok');
    if (Boolean(g.background) === Boolean(p.background)) inc(t, 'claims_background_ok');
    if (g.victims?.category === p.victims?.category) inc(t, 'claims_victims_ok');
  }
}

/** Places: recognition by span; resolution within 161 km (and the error distances, for the median). */
export function scorePlaces(gold: readonly J[], pred: readonly J[], t: Tally, errors: number[]): void {
  const pairs = matchOneToOne(gold, pred, (g, p) => spansMatch(g.span, p.span));
  inc(t, 'places_gold', gold.length);
  inc(t, 'places_pred', pred.length);
  inc(t, 'places_match', pairs.length);
  for (const [gi, pi] of pairs) {
    const g = gold[gi];
    const p = pred[pi];
    if (typeof g.lat !== 'number' || typeof g.lon !== 'number') continue;
    inc(t, 'places_resolvable');
    if (typeof p.lat !== 'number' || typeof p.lon !== 'number') continue;
    const km = haversineKm(g.lat, g.lon, p.lat, p.lon);
    errors.push(km);
    if (km <= 161) inc(t, 'places_within_161');
  }
}

/** Times: detection by span; value and background on matches. */
export function scoreTimes(gold: readonly J[], pred: readonly J[], t: Tally): void {
  const pairs = matchOneToOne(gold, pred, (g, p) => spansMatch(g.span, p.span));
  inc(t, 'times_gold', gold.length);
  inc(t, 'times_pred', pred.length);
  inc(t, 'times_match', pairs.length);
  for (const [gi, pi] of pairs) {
    if ((gold[gi].value ?? null) === (pred[pi].value ?? null)) inc(t, 'times_value_ok');
    if (Boolean(gold[gi].background) === Boolean(pred[pi].background)) inc(t, 'times_background_ok');
  }
}

/** Similarity used to pair gold and predicted events (type, sub-type, date, admin1, actors). */
export function eventAffinity(g: J, p: J): number {
  let s = 0;
  if (g.event_type === p.event_type) s += 2;
  if (g.sub_event_type === p.sub_event_type) s += 1;
  if (g.event_date === p.event_date) s += 1;
  if (norm(g.admin1) && norm(g.admin1) === norm(p.admin1)) s += 1;
  const ga = [norm(g.actor1), norm(g.actor2)].filter(Boolean);
  if (ga.some((a) => a === norm(p.actor1) || a === norm(p.actor2))) s += 1;
  return s;
}

/**
 * Events: pair each gold event with the most similar unused prediction (affinity ≥ 2, i.e. at least the
 * same type, or date + place), then score the fields on pairs. Accuracies are over gold events, so a missed
 * event counts as wrong in every field.
 */
export function scoreEvents(gold: readonly J[], pred: readonly J[], t: Tally): void {
  const cand: [number, number, number][] = [];
  gold.forEach((g, gi) => pred.forEach((p, pi) => cand.push([eventAffinity(g, p), gi, pi])));
  cand.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const ug = new Set<number>();
  const up = new Set<number>();
  const pairs: Pair[] = [];
  for (const [s, gi, pi] of cand) {
    if (s < 2 || ug.has(gi) || up.has(pi)) continue;
    ug.add(gi);
    up.add(pi);
    pairs.push([gi, pi]);
  }
  inc(t, 'events_gold', gold.length);
  inc(t, 'events_pred', pred.length);
  inc(t, 'events_match', pairs.length);
  for (const [gi, pi] of pairs) {
    const g = gold[gi];
    const p = pred[pi];
    if (g.event_type === p.event_type) inc(t, 'events_type_ok');
    if (g.sub_event_type === p.sub_event_type) inc(t, 'events_subtype_ok');
    if (g.event_date === p.event_date) inc(t, 'events_date_ok');
    if ((g.fatalities ?? 0) === (p.fatalities ?? 0)) inc(t, 'events_fatalities_ok');
    if (norm(g.admin1) === norm(p.admin1)) inc(t, 'events_admin1_ok');
    // Actor order only matters for violence against civilians; compare as sets of the named actors.
    const ga = [norm(g.actor1), norm(g.actor2)].filter(Boolean).sort();
    const pa = [norm(p.actor1), norm(p.actor2)].filter(Boolean).sort();
    inc(t, 'events_actor_slots', ga.length);
    inc(t, 'events_actor_ok', ga.filter((a) => pa.includes(a)).length);
  }
  for (const g of gold) inc(t, 'events_actor_gold_slots', [g.actor1, g.actor2].filter(Boolean).length);
}

const rate = (a: number | undefined, b: number | undefined) => (b ? (a ?? 0) / b : 0);
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Turn tallies into the report's metrics (all in 0..1 except counts and the median error in km). */
export function metrics(t: Tally, placeErrors: readonly number[]): Record<string, number | null> {
  const cp = rate(t.claims_match, t.claims_pred);
  const cr = rate(t.claims_match, t.claims_gold);
  const pp = rate(t.places_match, t.places_pred);
  const pr = rate(t.places_match, t.places_gold);
  const tp = rate(t.times_match, t.times_pred);
  const tr = rate(t.times_match, t.times_gold);
  const ep = rate(t.events_match, t.events_pred);
  const er = rate(t.events_match, t.events_gold);
  const sorted = [...placeErrors].sort((a, b) => a - b);
  const median = sorted.length ? (sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2) : null;
  return {
    articles: t.articles ?? 0,
    claims_gold: t.claims_gold ?? 0,
    claim_precision: round(cp),
    claim_recall: round(cr),
    claim_f1: round(f1(cp, cr)),
    claim_number_exact: round(rate(t.claims_numbers_exact, t.claims_match)),
    claim_source_accuracy: round(rate(t.claims_source_ok, t.claims_match)),
    claim_chain_accuracy: round(rate(t.claims_chain_ok, t.claims_match)),
    claim_background_accuracy: round(rate(t.claims_background_ok, t.claims_match)),
    claim_victims_accuracy: round(rate(t.claims_victims_ok, t.claims_match)),
    places_gold: t.places_gold ?? 0,
    place_precision: round(pp),
    place_recall: round(pr),
    place_f1: round(f1(pp, pr)),
    place_within_161km: round(rate(t.places_within_161, t.places_resolvable)),
    place_median_error_km: median === null ? null : Math.round(median * 10) / 10,
    times_gold: t.times_gold ?? 0,
    time_f1: round(f1(tp, tr)),
    time_value_accuracy: round(rate(t.times_value_ok, t.times_match)),
    time_background_accuracy: round(rate(t.times_background_ok, t.times_match)),
    events_gold: t.events_gold ?? 0,
    event_precision: round(ep),
    event_recall: round(er),
    event_f1: round(f1(ep, er)),
    event_type_accuracy: round(rate(t.events_type_ok, t.events_gold)),
    event_subtype_accuracy: round(rate(t.events_subtype_ok, t.events_gold)),
    event_actor_accuracy: round(rate(t.events_actor_ok, t.events_actor_gold_slots)),
    event_date_accuracy: round(rate(t.events_date_ok, t.events_gold)),
    event_admin1_accuracy: round(rate(t.events_admin1_ok, t.events_gold)),
    event_fatalities_exact: round(rate(t.events_fatalities_ok, t.events_gold)),
  };
}
