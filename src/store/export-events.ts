import type { Queryable, Row } from './db.ts';
import type { EventFilters } from './event-filters.ts';
import { claimsForEvents, streamEvents } from './event-queries.ts';

/** Export formats understood by `sitrep export` and `GET /api/export`. */
export const EXPORT_FORMATS = ['acled-csv', 'geojson', 'jsonl', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** ACLED's column names in ACLED's order, then Sitrep's extra columns. */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1', 'inter1',
  'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location',
  'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
  'fatalities_low', 'fatalities_best', 'fatalities_high', 'sources_independent', 'sitrep_event_id', 'evidence_url',
] as const;

/** Sitrep's own flat CSV: every scalar event column. */
export const CSV_COLUMNS = [
  'id', 'event_date', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2',
  'inter2', 'interaction', 'civilian_targeting', 'iso', 'country', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision', 'fatalities',
  'fatalities_low', 'fatalities_best', 'fatalities_high', 'displaced', 'sources', 'sources_independent', 'reports', 'notes', 'review_status', 'evidence_url',
] as const;

/** MIME type of each format. */
export const EXPORT_MIME: Record<ExportFormat, string> = {
  'acled-csv': 'text/csv; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json',
  jsonl: 'application/x-ndjson',
};

/** One CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = Array.isArray(v) ? v.join('; ') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Sitrep's `Displacement` sub-type has no ACLED counterpart; ACLED files it under `Other`. */
function acledSubType(s: unknown): unknown {
  return s === 'Displacement' ? 'Other' : s;
}

/** An event as an ACLED-style row (values in ACLED_COLUMNS order). */
export function acledRow(e: Row): unknown[] {
  const date = (e.event_date as string | null) ?? '';
  const ts = e.updated_at ? Math.floor(Date.parse(String(e.updated_at)) / 1000) : '';
  const v: Record<string, unknown> = {
    ...e,
    // ACLED's id is ISO3 and a running number per country ("SYR12"); older rows without one carry the Sitrep id.
    event_id_cnty: e.event_id_cnty ?? e.id,
    year: date.slice(0, 4),
    sub_event_type: acledSubType(e.sub_event_type),
    // Every contributing source: cited sources, then the outlets, each most thorough (more reports) then most recent first.
    source: [...new Set([...((e.sources as string[]) ?? []), ...((e.outlets as string[]) ?? [])])],
    source_scale: '',
    tags: '',
    timestamp: ts,
    sitrep_event_id: e.id,
  };
  return ACLED_COLUMNS.map((c) => v[c] ?? null);
}

/**
 * Serialise matching events in a format, as a stream of string chunks read in keyset batches, so a million
 * events export in constant memory. JSON Lines carries full provenance (claims with spans and sources).
 */
export async function* exportEvents(db: Queryable, format: ExportFormat, f: EventFilters, batch = 2000): AsyncGenerator<string> {
  if (format === 'acled-csv') yield `${ACLED_COLUMNS.join(',')}\n`;
  if (format === 'csv') yield `${CSV_COLUMNS.join(',')}\n`;
  if (format === 'geojson') yield '{"type":"FeatureCollection","features":[\n';
  let first = true;
  for await (const rows of streamEvents(db, f, batch)) {
    let out = '';
    if (format === 'acled-csv') for (const e of rows) out += `${acledRow(e).map(csvField).join(',')}\n`;
    else if (format === 'csv') for (const e of rows) out += `${CSV_COLUMNS.map((c) => csvField(e[c])).join(',')}\n`;
    else if (format === 'geojson') {
      for (const e of rows) {
        const geometry = e.latitude != null && e.longitude != null ? { type: 'Point', coordinates: [e.longitude, e.latitude] } : null;
        out += `${first ? '' : ',\n'}${JSON.stringify({ type: 'Feature', id: e.id, geometry, properties: e })}`;
        first = false;
      }
    } else {
      const ids = rows.map((e) => String(e.id));
      const claims = await claimsForEvents(db, ids);
      const reports = await reportsForEvents(db, ids);
      for (const e of rows) out += `${JSON.stringify({ ...e, claims: claims.get(String(e.id)) ?? [], reports: reports.get(String(e.id)) ?? [] })}\n`;
    }
    yield out;
  }
  if (format === 'geojson') yield '\n]}\n';
}

/** The articles reporting each event (id, url, title, outlet, published). */
async function reportsForEvents(db: Queryable, ids: readonly string[]): Promise<Map<string, Row[]>> {
  const { rows } = await db.query(
    `SELECT ea.event_id, a.id, a.url, a.title, o.name AS outlet, a.published FROM event_articles ea JOIN articles a ON a.id = ea.article_id
     LEFT JOIN outlets o ON o.id = a.outlet_id WHERE ea.event_id = ANY($1::text[]) ORDER BY ea.event_id, a.id`,
    [ids],
  );
  const out = new Map<string, Row[]>();
  for (const { event_id, ...r } of rows) {
    const l = out.get(String(event_id)) ?? [];
    l.push(r);
    out.set(String(event_id), l);
  }
  return out;
}
