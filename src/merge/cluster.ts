import { stableId } from '../core/index.ts';
import type { Decisions, Report } from './types.ts';

/** Tunable thresholds of the clustering policy (documented in docs/merging.md). */
export interface ClusterPolicy {
  /** Days of slack either side of an event date, by ACLED time_precision (1 day, 2 week, 3 month). */
  readonly dayWindow: Readonly<Record<1 | 2 | 3, number>>;
  /** Distance within which two locations can be one incident, by ACLED geo_precision. */
  readonly radiusKm: Readonly<Record<1 | 2 | 3, number>>;
  /** Minimum compatibility score to join an existing event. */
  readonly threshold: number;
  /** Score lost per day by which dates differ beyond the wider slack (more than a differing sub-type). */
  readonly dayPenalty: number;
}

/** The default policy: a report can be a day late ("yesterday" vs the date itself), towns within 30 km. */
export const DEFAULT_POLICY: ClusterPolicy = {
  dayWindow: { 1: 1, 2: 4, 3: 16 },
  radiusKm: { 1: 30, 2: 60, 3: 250 },
  threshold: 2.5,
  dayPenalty: 1.25,
};

const DAY = 86_400_000;
const dayNum = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);

/** Great-circle distance in km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const a = Math.sin(r(lat2 - lat1) / 2) ** 2 + Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lon2 - lon1) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

// Generic actors say nothing about which incident this is ("Civilians (Syria)", "Unidentified Armed Group").
const isGeneric = (a: string) => /^(Civilians|Protesters|Rioters|Unidentified Armed Group)\b/.test(a);

/** Event types that can describe one incident: an air strike during a ground battle is reported either way. */
function typeScore(a: { event_type: string; sub_event_type: string }, b: { eventType: string; subType: string }): number {
  if (a.event_type === b.eventType) return a.sub_event_type === b.subType ? 3 : 2;
  const pair = new Set([a.event_type, b.eventType]);
  if (pair.has('Battles') && pair.has('Explosions/Remote violence')) return 1;
  if (pair.has('Violence against civilians') && pair.has('Explosions/Remote violence')) return 1;
  return Number.NEGATIVE_INFINITY;
}

/**
 * What an event remembers about its members to compare new reports in constant time. The store keeps one per
 * merged event (`event_merge`), so a new article is scored against candidate events without loading them.
 */
export interface ClusterSummary {
  readonly id: string;
  readonly members: string[];
  eventType: string;
  subType: string;
  country: string | null;
  admin1: string | null;
  /** Union of the members' date windows as day numbers (days since 1970-01-01): the blocking key; null when undated. */
  lo: number | null;
  hi: number | null;
  /** Earliest and latest member dates (day numbers) and the widest member window, for the date test. */
  first: number | null;
  last: number | null;
  slack: number;
  lat: number | null;
  lon: number | null;
  geoPrecision: 1 | 2 | 3;
  actors: Set<string>;
  civilian: boolean;
}

/** Day number of a `YYYY-MM-DD` date (days since 1970-01-01). */
export const dayNumber = dayNum;

/** Date window of a report's event given its precision; null when undated. */
export function reportWindow(r: Report, policy: ClusterPolicy = DEFAULT_POLICY): [number, number] | null {
  if (!r.event.event_date) return null;
  const d = dayNum(r.event.event_date);
  const w = policy.dayWindow[r.event.time_precision ?? 1];
  return [d - w, d + w];
}

/** A new event founded by one report. */
export function foundSummary(id: string, r: Report, policy: ClusterPolicy = DEFAULT_POLICY): ClusterSummary {
  const e = r.event;
  const w = reportWindow(r, policy);
  const s: ClusterSummary = {
    id, members: [], eventType: e.event_type, subType: e.sub_event_type, country: e.country, admin1: e.admin1, lo: w ? w[0] : null, hi: w ? w[1] : null,
    first: w ? (w[0] + w[1]) / 2 : null, last: w ? (w[0] + w[1]) / 2 : null, slack: w ? (w[1] - w[0]) / 2 : 0,
    lat: e.latitude, lon: e.longitude, geoPrecision: e.geo_precision ?? 3, actors: new Set(), civilian: Boolean(e.civilian_targeting),
  };
  joinSummary(s, r, policy);
  return s;
}

/** Add a report to an event's summary: the most precise location wins, the date window widens, actors accumulate. */
export function joinSummary(s: ClusterSummary, r: Report, policy: ClusterPolicy = DEFAULT_POLICY): void {
  const e = r.event;
  const w = reportWindow(r, policy);
  if (s.members.length) {
    if ((e.geo_precision ?? 3) < s.geoPrecision && e.latitude != null) {
      s.lat = e.latitude;
      s.lon = e.longitude;
      s.geoPrecision = e.geo_precision ?? 3;
    }
    if (w) {
      const d = (w[0] + w[1]) / 2;
      s.lo = s.lo === null ? w[0] : Math.min(s.lo, w[0]);
      s.hi = s.hi === null ? w[1] : Math.max(s.hi, w[1]);
      s.first = s.first === null ? d : Math.min(s.first, d);
      s.last = s.last === null ? d : Math.max(s.last, d);
      s.slack = Math.max(s.slack, (w[1] - w[0]) / 2);
    }
  }
  s.members.push(r.id);
  for (const a of [e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2]) if (a && !isGeneric(a)) s.actors.add(a);
}

/**
 * The summary of an event rebuilt from its member reports, replayed in publication order (then id) — the order
 * `mergeReports` adds them — so the store and a full re-merge describe an event the same way.
 */
export function summarize(id: string, reports: readonly Report[], policy: ClusterPolicy = DEFAULT_POLICY): ClusterSummary | null {
  const sorted = [...reports].sort(reportOrder);
  if (!sorted.length) return null;
  const s = foundSummary(id, sorted[0]!, policy);
  for (const r of sorted.slice(1)) joinSummary(s, r, policy);
  return s;
}

/** Publication date, then report id: the one order in which merging reads reports. */
export function reportOrder(a: Report, b: Report): number {
  return (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id);
}

/**
 * Compatibility of a report with an event summary; -Infinity when they cannot be one incident (another
 * country, a date window that does not overlap, too far apart, incompatible types, or an analyst's split).
 */
export function scoreReport(r: Report, c: ClusterSummary, policy: ClusterPolicy = DEFAULT_POLICY, cannot?: ReadonlySet<string>): number {
  const e = r.event;
  if (e.country && c.country && e.country !== c.country) return Number.NEGATIVE_INFINITY;
  if (cannot) for (const m of c.members) if (cannot.has(m)) return Number.NEGATIVE_INFINITY;
  let s = typeScore(e, c);
  if (!Number.isFinite(s)) return s;
  // Dates within the wider of the two slacks of a member's date are one incident ("yesterday" against the date
  // itself); beyond that, up to the sum of both slacks, each extra day costs `dayPenalty`, so two strikes on
  // nearby towns two days apart stay apart while a follow-up misdated by a day still joins a close match.
  const w = reportWindow(r, policy);
  let late = 0;
  if (w && c.first !== null && c.last !== null) {
    const d = (w[0] + w[1]) / 2;
    const own = (w[1] - w[0]) / 2;
    const gap = d < c.first ? c.first - d : d > c.last ? d - c.last : 0;
    if (gap > own + c.slack) return Number.NEGATIVE_INFINITY;
    late = Math.max(0, gap - Math.max(own, c.slack));
  }
  if (e.latitude != null && e.longitude != null && c.lat !== null && c.lon !== null) {
    const radius = Math.max(policy.radiusKm[e.geo_precision ?? 3], policy.radiusKm[c.geoPrecision]);
    const d = distanceKm(e.latitude, e.longitude, c.lat, c.lon);
    if (d > radius) return Number.NEGATIVE_INFINITY;
    s += 1 - d / radius;
  } else if (e.admin1 && c.admin1) {
    if (e.admin1 !== c.admin1) return Number.NEGATIVE_INFINITY;
    s += 0.3;
  }
  const actors = [e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2].filter((a): a is string => !!a && !isGeneric(a));
  if (actors.length && c.actors.size) {
    s += actors.some((a) => c.actors.has(a)) ? 1 : -1.5;
  }
  if (Boolean(e.civilian_targeting) !== c.civilian && e.event_type === c.eventType) s -= 0.5;
  return s - late * policy.dayPenalty;
}

/**
 * Incremental event clustering with blocking on (country, day): a new report is compared only with events in
 * its country whose date window overlaps its own, so cost grows near-linearly with the collection.
 */
export class EventClusterer {
  private readonly clusters = new Map<string, ClusterSummary>();
  private readonly blocks = new Map<string, Set<string>>();
  private readonly of = new Map<string, string>();
  private readonly cannot = new Map<string, Set<string>>();
  private readonly must = new Map<string, Set<string>>();

  constructor(
    private readonly policy: ClusterPolicy = DEFAULT_POLICY,
    decisions: Decisions = { cannotLink: [], mustLink: [] },
  ) {
    const add = (m: Map<string, Set<string>>, a: string, b: string) => {
      if (!m.has(a)) m.set(a, new Set());
      m.get(a)!.add(b);
    };
    for (const [a, b] of decisions.cannotLink) {
      add(this.cannot, a, b);
      add(this.cannot, b, a);
    }
    for (const [a, b] of decisions.mustLink) {
      add(this.must, a, b);
      add(this.must, b, a);
    }
  }

  /** The event id a report was assigned to. */
  eventOf(reportId: string): string | undefined {
    return this.of.get(reportId);
  }

  /** Event ids with their member report ids. */
  events(): Map<string, readonly string[]> {
    return new Map([...this.clusters.values()].map((c) => [c.id, c.members]));
  }

  /** Compatibility of a report with a cluster; -Infinity when they cannot be one incident. */
  score(r: Report, c: ClusterSummary): number {
    return scoreReport(r, c, this.policy, this.cannot.get(r.id));
  }

  private blockKeys(country: string | null, lo: number, hi: number): string[] {
    const keys: string[] = [];
    for (let d = lo; d <= hi; d++) keys.push(`${country ?? '?'}|${d}`);
    return keys;
  }

  /** Add a report; returns the id of the event it joined or founded. */
  add(r: Report): string {
    const existing = this.of.get(r.id);
    if (existing) return existing;
    const w = reportWindow(r, this.policy);
    let target: ClusterSummary | null = null;
    // An analyst's merge decision wins over the scores.
    for (const other of this.must.get(r.id) ?? []) {
      const cid = this.of.get(other);
      if (cid) {
        target = this.clusters.get(cid)!;
        break;
      }
    }
    if (!target) {
      const cands = new Set<string>();
      if (w) for (const k of this.blockKeys(r.event.country, w[0], w[1])) for (const id of this.blocks.get(k) ?? []) cands.add(id);
      let best = -Infinity;
      for (const id of cands) {
        const c = this.clusters.get(id)!;
        const s = this.score(r, c);
        if (s >= this.policy.threshold && s > best) {
          best = s;
          target = c;
        }
      }
    }
    if (!target) {
      target = foundSummary(stableId('evt', r.id), r, this.policy);
      this.clusters.set(target.id, target);
    } else joinSummary(target, r, this.policy);
    if (w && target.lo !== null && target.hi !== null) {
      for (const k of this.blockKeys(target.country, target.lo, target.hi)) {
        if (!this.blocks.has(k)) this.blocks.set(k, new Set());
        this.blocks.get(k)!.add(target.id);
      }
    }
    this.of.set(r.id, target.id);
    return target.id;
  }
}
