import type { Queryable, Row } from './db.ts';
import { type EventFilters, eventWhere } from './event-filters.ts';

/** A page of results and the cursor for the next one (null at the end). */
export interface Page<T> {
  readonly items: T[];
  readonly next: string | null;
}

/** Columns of an event as the API and exports return it. */
export const EVENT_COLUMNS = `e.id, to_char(e.event_date, 'YYYY-MM-DD') AS event_date, e.time_precision, e.disorder_type, e.event_type, e.sub_event_type,
  e.actor1, e.assoc_actor_1, e.inter1, e.actor2, e.assoc_actor_2, e.inter2, e.interaction, e.civilian_targeting, e.iso, e.region, e.country,
  e.admin1, e.admin2, e.admin3, e.location, e.latitude, e.longitude, e.geo_precision, e.fatalities, e.fatalities_low, e.fatalities_best,
  e.fatalities_high, e.displaced, e.sources, e.sources_independent, e.reports, e.notes, e.evidence_url, e.confidence, e.review_status,
  e.reviewed_by, e.reviewed_at, e.created_at, e.updated_at, e.sort_key, e.event_id_cnty,
  coalesce(g.independent_sources, '[]'::jsonb) AS independent_sources, coalesce(g.contradictions, '[]'::jsonb) AS contradictions,
  coalesce(g.figures, '[]'::jsonb) AS figures, coalesce(g.outlets, '[]'::jsonb) AS outlets`;

/** The events table with what merging derived for each event (`event_merge`), for EVENT_COLUMNS. */
export const EVENT_FROM = 'events e LEFT JOIN event_merge g ON g.event_id = e.id';

/** Encode a keyset value as an opaque cursor. */
export function encodeCursor(v: string | number): string {
  return Buffer.from(String(v), 'utf8').toString('base64url');
}

/** Decode a cursor; null when it is not one of ours. */
export function decodeCursor(c: string | null | undefined): string | null {
  if (!c) return null;
  const v = Buffer.from(c, 'base64url').toString('utf8');
  return v && /^[\x20-\x7e]+$/.test(v) ? v : null;
}

function clean(r: Row): Row {
  const { sort_key: _s, ...rest } = r;
  for (const k of ['reviewed_at', 'created_at', 'updated_at']) if (rest[k] instanceof Date) rest[k] = (rest[k] as Date).toISOString();
  return rest;
}

/** List events newest first with filters and keyset pagination (`next` is an opaque cursor). */
export async function listEvents(db: Queryable, f: EventFilters, opts: { limit?: number; cursor?: string | null } = {}): Promise<Page<Row>> {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 1000);
  const w = eventWhere(f);
  const after = decodeCursor(opts.cursor);
  let sql = `SELECT ${EVENT_COLUMNS} FROM ${EVENT_FROM} WHERE ${w.sql}`;
  if (after) {
    w.params.push(after);
    sql += ` AND e.sort_key < $${w.params.length}`;
  }
  sql += ` ORDER BY e.sort_key DESC LIMIT ${limit + 1}`;
  const { rows } = await db.query(sql, w.params);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  return { items: page.map(clean), next: more ? encodeCursor(String(page[page.length - 1]!.sort_key)) : null };
}

/** Stream every matching event in keyset batches (constant memory for any number of events). */
export async function* streamEvents(db: Queryable, f: EventFilters, batch = 2000): AsyncGenerator<Row[]> {
  let after: string | null = null;
  for (;;) {
    const w = eventWhere(f);
    let sql = `SELECT ${EVENT_COLUMNS} FROM ${EVENT_FROM} WHERE ${w.sql}`;
    if (after) {
      w.params.push(after);
      sql += ` AND e.sort_key > $${w.params.length}`;
    }
    const { rows } = await db.query(`${sql} ORDER BY e.sort_key LIMIT ${batch}`, w.params);
    if (!rows.length) return;
    after = String(rows[rows.length - 1]!.sort_key);
    yield rows.map(clean);
    if (rows.length < batch) return;
  }
}

/** Slice a span out of a text (UTF-16 offsets, as every span in Sitrep). */
function sliceText(text: string | undefined, s: { start: number; end: number } | null | undefined): string | null {
  return text != null && s ? text.slice(s.start, s.end) : null;
}

/** Claims linked to a set of events, with their article and the text each claim span covers. */
export async function claimsForEvents(db: Queryable, ids: readonly string[]): Promise<Map<string, Row[]>> {
  const out = new Map<string, Row[]>();
  if (!ids.length) return out;
  const { rows } = await db.query(
    `SELECT ec.event_id, c.id, c.article_id, c.kind, c.low, c.best, c.high, c.hedge, c.unit, c.victim_category, c.victim_actor, c.perpetrator,
       c.source_name, c.source_kind, c.source_chain, c.source_span, c.background, c.span_start, c.span_end, c.rule, a.url AS article_url
     FROM event_claims ec JOIN claims c ON c.id = ec.claim_id JOIN articles a ON a.id = c.article_id
     WHERE ec.event_id = ANY($1::text[]) ORDER BY ec.event_id, c.article_id, c.idx`,
    [ids],
  );
  for (const r of rows) {
    const { event_id, ...claim } = r;
    const list = out.get(String(event_id)) ?? [];
    list.push({ ...claim, span: { start: r.span_start, end: r.span_end } });
    out.set(String(event_id), list);
  }
  return out;
}

/**
 * One event with its claims, sources and attribution chains, reports, per-field evidence with text slices, and what
 * merging derived (independent sources, per-source figures with their history, contradictions with both spans' text); null when unknown.
 */
export async function getEvent(db: Queryable, id: string): Promise<Row | null> {
  const { rows } = await db.query(`SELECT ${EVENT_COLUMNS}, e.overrides FROM ${EVENT_FROM} WHERE e.id = $1`, [id]);
  if (!rows.length) return null;
  const ev = clean(rows[0]!);
  const arts = (
    await db.query<{ id: number; url: string | null; title: string | null; outlet: string | null; published: string | null; text: string; version: number; story_group: string | null; report_ids: string[] | null }>(
      `SELECT a.id, a.url, a.title, o.name AS outlet, a.published, a.text, a.version, s.story_group,
         (SELECT jsonb_agg(x.sitrep_id ORDER BY x.idx) FROM event_members m JOIN extracted_events x ON x.id = m.extracted_event_id WHERE m.event_id = ea.event_id AND x.article_id = a.id) AS report_ids
       FROM event_articles ea JOIN articles a ON a.id = ea.article_id LEFT JOIN article_syndication s ON s.article_id = a.id
       LEFT JOIN outlets o ON o.id = a.outlet_id WHERE ea.event_id = $1 ORDER BY a.published NULLS LAST, a.id`,
      [id],
    )
  ).rows;
  const texts = new Map(arts.map((a) => [Number(a.id), a.text]));
  const claims: Row[] = ((await claimsForEvents(db, [id])).get(id) ?? []).map((c) => ({
    ...c,
    text: sliceText(texts.get(Number(c.article_id)), c.span as { start: number; end: number }),
    source: { name: c.source_name, kind: c.source_kind, chain: c.source_chain, span: c.source_span, text: sliceText(texts.get(Number(c.article_id)), c.source_span as never) },
  }));
  const members = (
    await db.query(
      `SELECT x.sitrep_id, x.article_id, x.evidence, x.sentence, x.rule, x.confidence, m.rule AS merge_rule FROM event_members m JOIN extracted_events x ON x.id = m.extracted_event_id
       WHERE m.event_id = $1 ORDER BY x.article_id, x.idx`,
      [id],
    )
  ).rows;
  const evidence = members.flatMap((m) =>
    ((m.evidence as { field: string; span: { start: number; end: number } }[]) ?? []).map((e) => ({ field: e.field, article_id: m.article_id, span: e.span, text: sliceText(texts.get(Number(m.article_id)), e.span) })),
  );
  const chains = [...new Map(claims.map((c) => [JSON.stringify(c.source_chain), c.source_chain])).values()];
  return {
    ...ev,
    claims: claims.map(({ source_name: _a, source_kind: _b, source_chain: _c, source_span: _d, span_start: _e, span_end: _f, ...c }) => c),
    attribution_chains: chains,
    evidence,
    extracted: members.map((m) => ({ id: m.sitrep_id, article_id: m.article_id, sentence: m.sentence, rule: m.rule, confidence: m.confidence, merge_rule: m.merge_rule })),
    // `reports` lists the articles (as the dashboard reads them) with the merged report ids each contributes;
    // `report_count` is the number of reports, as in the event list.
    reports: arts.map(({ text: _t, ...a }) => ({ ...a, report_ids: a.report_ids ?? [] })),
    report_count: ev.reports,
  };
}

/** Per-day totals: fatalities (low/best/high, filling gaps from the conservative figure), displaced, events by type. */
export async function timeseries(db: Queryable, f: EventFilters): Promise<Row[]> {
  const w = eventWhere(f);
  const { rows } = await db.query(
    `WITH d AS (
       SELECT e.event_date, e.event_type, count(*) AS n, sum(e.fatalities) AS fatalities,
         sum(coalesce(e.fatalities_low, e.fatalities)) AS low, sum(coalesce(e.fatalities_best, e.fatalities_low, e.fatalities)) AS best,
         sum(coalesce(e.fatalities_high, e.fatalities_best, e.fatalities_low, e.fatalities)) AS high, sum(coalesce(e.displaced, 0)) AS displaced
       FROM events e WHERE e.event_date IS NOT NULL AND ${w.sql} GROUP BY e.event_date, e.event_type)
     SELECT to_char(event_date, 'YYYY-MM-DD') AS day, sum(n)::int AS events, sum(fatalities)::int AS fatalities, sum(low) AS fatalities_low,
       sum(best) AS fatalities_best, sum(high) AS fatalities_high, sum(displaced) AS displaced, jsonb_object_agg(event_type, n) AS by_type,
       jsonb_object_agg(event_type, fatalities) AS fatalities_by_type
     FROM d GROUP BY event_date ORDER BY event_date`,
    w.params,
  );
  return rows.map((r) => ({ ...r, fatalities_low: Number(r.fatalities_low), fatalities_best: Number(r.fatalities_best), fatalities_high: Number(r.fatalities_high), displaced: Number(r.displaced) }));
}
