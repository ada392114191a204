/** Filters shared by the event list, the time series and the exports (API query string and CLI options). */
export interface EventFilters {
  readonly from?: string | null;
  readonly to?: string | null;
  readonly country?: string | null;
  readonly admin1?: string | null;
  readonly event_type?: string | null;
  readonly sub_event_type?: string | null;
  readonly actor?: string | null;
  readonly min_fatalities?: number | null;
  /** `minLon,minLat,maxLon,maxLat`. */
  readonly bbox?: string | null;
  readonly q?: string | null;
  readonly source?: string | null;
  readonly review_status?: string | null;
  /** Only accepted or edited events (exports for publication). */
  readonly reviewed_only?: boolean;
}

/** The filter names, for building CLI options and API schemas from one list. */
export const FILTER_NAMES = ['from', 'to', 'country', 'admin1', 'event_type', 'sub_event_type', 'actor', 'min_fatalities', 'bbox', 'q', 'source', 'review_status'] as const;

/** Parse `minLon,minLat,maxLon,maxLat`; null when malformed. */
export function parseBbox(v: string): [number, number, number, number] | null {
  const p = v.split(',').map((x) => Number(x.trim()));
  if (p.length !== 4 || p.some((x) => !Number.isFinite(x))) return null;
  const [a, b, c, d] = p as [number, number, number, number];
  if (a > c || b > d || b < -90 || d > 90) return null;
  return [a, b, c, d];
}

/** A WHERE clause (over alias `e`) and its parameters, numbered from `start`. */
export function eventWhere(f: EventFilters, params: unknown[] = []): { sql: string; params: unknown[] } {
  const conds: string[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.from) conds.push(`e.event_date >= ${p(f.from)}::date`);
  if (f.to) conds.push(`e.event_date <= ${p(f.to)}::date`);
  if (f.country) conds.push(`e.country = ${p(f.country)}`);
  if (f.admin1) conds.push(`e.admin1 = ${p(f.admin1)}`);
  if (f.event_type) conds.push(`e.event_type = ${p(f.event_type)}`);
  if (f.sub_event_type) conds.push(`e.sub_event_type = ${p(f.sub_event_type)}`);
  if (f.actor) {
    const a = p(f.actor);
    conds.push(`(e.actor1 = ${a} OR e.actor2 = ${a} OR e.assoc_actor_1 = ${a} OR e.assoc_actor_2 = ${a})`);
  }
  if (f.min_fatalities != null) conds.push(`e.fatalities >= ${p(f.min_fatalities)}`);
  if (f.bbox) {
    const b = parseBbox(f.bbox);
    if (b) conds.push(`e.longitude BETWEEN ${p(b[0])} AND ${p(b[2])} AND e.latitude BETWEEN ${p(b[1])} AND ${p(b[3])}`);
  }
  if (f.q) {
    // Notes first (indexed); article text through the event's reports.
    const q = p(f.q);
    // A UNION of two index-backed id sets; an OR across the two tables would defeat both GIN indexes.
    conds.push(
      `e.id IN (SELECT n.id FROM events n WHERE to_tsvector('english', n.notes) @@ plainto_tsquery('english', ${q}) UNION SELECT ea.event_id FROM event_articles ea JOIN articles a ON a.id = ea.article_id WHERE to_tsvector('english', a.text) @@ plainto_tsquery('english', ${q}))`,
    );
  }
  if (f.source) conds.push(`e.sources @> jsonb_build_array(${p(f.source)}::text)`);
  if (f.review_status) conds.push(`e.review_status = ${p(f.review_status)}`);
  if (f.reviewed_only) conds.push(`e.review_status IN ('accepted', 'edited')`);
  return { sql: conds.length ? conds.join(' AND ') : 'TRUE', params };
}
