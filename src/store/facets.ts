import type { Queryable } from './db.ts';
import { type EventFilters, eventWhere } from './event-filters.ts';

/** Fields the dashboard's filter inputs suggest values for. */
export const FACET_FIELDS = ['country', 'admin1', 'actor', 'source'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** One suggested value and how many events carry it. */
export interface FacetValue {
  readonly value: string;
  readonly events: number;
}

// Each field as a set of (event, value) rows: an actor can stand in any of the four actor columns, and an
// event lists several sources ("Syrian Observatory for Human Rights", "Syria Civil Defence"), each its own value.
const VALUES: Record<FacetField, string> = {
  country: 'SELECT e.id, e.country AS v FROM events e',
  admin1: 'SELECT e.id, e.admin1 AS v FROM events e',
  actor: `SELECT e.id, x.v FROM events e CROSS JOIN LATERAL (VALUES (e.actor1), (e.actor2), (e.assoc_actor_1), (e.assoc_actor_2)) AS x(v)`,
  source: 'SELECT e.id, s.v FROM events e CROSS JOIN LATERAL jsonb_array_elements_text(e.sources) AS s(v)',
};

/**
 * Distinct values of one field with their event counts, most frequent first, optionally only those containing
 * `q` (case-insensitive): what the filter inputs offer, so a user types "Idl" and picks "Idlib" as stored.
 */
export async function facetValues(db: Queryable, field: FacetField, q = '', limit = 20, f: EventFilters = {}): Promise<FacetValue[]> {
  const cap = Math.min(Math.max(Math.trunc(limit), 1), 200);
  // The other filters narrow the suggestions (admin1 within the chosen country), the field's own does not:
  // with country=Syria chosen, the country input still offers every country.
  const w = eventWhere({ ...f, [field]: null });
  // LIKE wildcards typed by the user are literal: "50%" looks for the characters, not a pattern.
  w.params.push(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const { rows } = await db.query<{ value: string; events: number }>(
    `SELECT v AS value, count(DISTINCT id)::int AS events FROM (${VALUES[field]} WHERE ${w.sql}) t
     WHERE v IS NOT NULL AND v <> '' AND v ILIKE $${w.params.length} GROUP BY v ORDER BY events DESC, v LIMIT ${cap}`,
    w.params,
  );
  return rows.map((r) => ({ value: String(r.value), events: Number(r.events) }));
}
