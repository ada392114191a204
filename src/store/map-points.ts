import type { Queryable, Row } from './db.ts';
import { type EventFilters, eventWhere } from './event-filters.ts';

/**
 * Events grouped by place, type and geo-precision for the dashboard map: a database of 100,000 events
 * becomes at most `limit` points (the heaviest first), so the browser never receives every row. A point
 * standing for one event carries its id, so a click can open it directly.
 */
export async function mapPoints(db: Queryable, f: EventFilters, limit = 5000): Promise<{ items: Row[]; truncated: boolean }> {
  const w = eventWhere(f);
  const cap = Math.min(Math.max(limit, 1), 20000);
  const { rows } = await db.query(
    `SELECT round(e.latitude::numeric, 4)::float8 AS lat, round(e.longitude::numeric, 4)::float8 AS lon, e.event_type, e.geo_precision,
       count(*)::int AS events, sum(e.fatalities)::int AS fatalities, min(e.location) AS location, min(e.id) AS id,
       to_char(min(e.event_date), 'YYYY-MM-DD') AS first_date, to_char(max(e.event_date), 'YYYY-MM-DD') AS last_date
     FROM events e WHERE e.latitude IS NOT NULL AND e.longitude IS NOT NULL AND ${w.sql}
     GROUP BY 1, 2, e.event_type, e.geo_precision ORDER BY fatalities DESC, events DESC LIMIT ${cap + 1}`,
    w.params,
  );
  // Only a lone event's id is meaningful; a group is opened through a bbox query around its point.
  const items = rows.slice(0, cap).map((r) => ({ ...r, id: r.events === 1 ? r.id : null }));
  return { items, truncated: rows.length > cap };
}
