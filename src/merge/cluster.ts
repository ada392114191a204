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
}

/** The default policy: a report can be a day late ("yesterday" vs the date itself), towns within 30 km. */
export const DEFAULT_POLICY: ClusterPolicy = {
  dayWindow: { 1: 1, 2: 4, 3: 16 },
  radiusKm: { 1: 30, 2: 60, 3: 250 },
  threshold: 2.5,
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

/** What a cluster remembers about its members to compare new reports in constant time. */
interface ClusterState {
  readonly id: string;
  readonly members: string[];
  eventType: string;
  subType: string;
  country: string | null;
  admin1: string | null;
  lo: number | null;
  hi: number | null;
  lat: number | null;
  lon: number | null;
  geoPrecision: 1 | 2 | 3;
  actors: Set<string>;
  civilian: boolean;
}

/** Event types that can describe one incident: an air strike during a ground battle is reported either way. */
function typeScore(a: { event_type: string; sub_event_type: string }, b: { eventType: string; subType: string }): number {
  if (a.event_type === b.eventType) return a.sub_event_type === b.subType ? 3 : 2;
  const pair = new Set([a.event_type, b.eventType]);
  if (pair.has('Battles') && pair.has('Explosions/Remote violence')) return 1;
  if (pair.has('Violence against civilians') && pair.has('Explosions/Remote violence')) return 1;
  return Number.NEGATIVE_INFINITY;
}

/**
 * Incremental event clustering with blocking on (country, day): a new report is compared only with events in
 * its country whose date window overlaps its own, so cost grows near-linearly with the collection.
 */
export class EventClusterer {
  private readonly clusters = new Map<string, ClusterState>();
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

  private window(r: Report): [number, number] | null {
    if (!r.event.event_date) return null;
    const d = dayNum(r.event.event_date);
    const w = this.policy.dayWindow[r.event.time_precision ?? 1];
    return [d - w, d + w];
  }

  /** Compatibility of a report with a cluster; -Infinity when they cannot be one incident. */
  score(r: Report, c: ClusterState): number {
    const e = r.event;
    if (e.country && c.country && e.country !== c.country) return Number.NEGATIVE_INFINITY;
    for (const m of c.members) if (this.cannot.get(r.id)?.has(m)) return Number.NEGATIVE_INFINITY;
    let s = typeScore(e, c);
    if (!Number.isFinite(s)) return s;
    const w = this.window(r);
    if (w && c.lo !== null && c.hi !== null) {
      if (w[1] < c.lo || w[0] > c.hi) return Number.NEGATIVE_INFINITY;
    }
    if (e.latitude != null && e.longitude != null && c.lat !== null && c.lon !== null) {
      const radius = Math.max(this.policy.radiusKm[e.geo_precision ?? 3], this.policy.radiusKm[c.geoPrecision]);
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
    return s;
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
    const w = this.window(r);
    let target: ClusterState | null = null;
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
    const e = r.event;
    if (!target) {
      target = {
        id: stableId('evt', r.id),
        members: [],
        eventType: e.event_type,
        subType: e.sub_event_type,
        country: e.country,
        admin1: e.admin1,
        lo: w ? w[0] : null,
        hi: w ? w[1] : null,
        lat: e.latitude,
        lon: e.longitude,
        geoPrecision: e.geo_precision ?? 3,
        actors: new Set(),
        civilian: Boolean(e.civilian_targeting),
      };
      this.clusters.set(target.id, target);
    } else {
      // The most precise location and the highest type in ACLED's hierarchy represent the event.
      if ((e.geo_precision ?? 3) < target.geoPrecision && e.latitude != null) {
        target.lat = e.latitude;
        target.lon = e.longitude;
        target.geoPrecision = e.geo_precision ?? 3;
      }
      if (w) {
        target.lo = target.lo === null ? w[0] : Math.min(target.lo, w[0]);
        target.hi = target.hi === null ? w[1] : Math.max(target.hi, w[1]);
      }
    }
    target.members.push(r.id);
    for (const a of [e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2]) if (a && !isGeneric(a)) target.actors.add(a);
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
