import type { Queryable, Row } from './db.ts';
import { decodeCursor, encodeCursor, type Page } from './event-queries.ts';

const ARTICLE_COLUMNS = `a.id, a.content_hash, a.url, a.external_id, o.name AS outlet, a.title, a.credit, a.published, a.published_from, a.language,
  a.encoding, a.input, a.version, a.n_claims, a.n_places, a.n_events, a.run_id, a.ingested_at, a.updated_at`;

function dates(r: Row): Row {
  for (const k of ['ingested_at', 'updated_at', 'superseded_at', 'at', 'started_at', 'finished_at']) if (r[k] instanceof Date) r[k] = (r[k] as Date).toISOString();
  return r;
}

/** Articles newest first (by id), optionally filtered by outlet or a full-text query. */
export async function listArticles(db: Queryable, f: { outlet?: string | null; q?: string | null }, opts: { limit?: number; cursor?: string | null } = {}): Promise<Page<Row>> {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 1000);
  const params: unknown[] = [];
  const conds: string[] = [];
  if (f.outlet) conds.push(`o.name = $${params.push(f.outlet)}`);
  if (f.q) conds.push(`to_tsvector('english', a.text) @@ plainto_tsquery('english', $${params.push(f.q)})`);
  const after = decodeCursor(opts.cursor);
  if (after && /^\d+$/.test(after)) conds.push(`a.id < $${params.push(Number(after))}`);
  const { rows } = await db.query(
    `SELECT ${ARTICLE_COLUMNS} FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT ${limit + 1}`,
    params,
  );
  const page = rows.slice(0, limit).map(dates);
  return { items: page, next: rows.length > limit ? encodeCursor(Number(page[page.length - 1]!.id)) : null };
}

/** One article: text, annotations, claims, places, extracted events and earlier versions; null when unknown. */
export async function getArticle(db: Queryable, id: number): Promise<Row | null> {
  const { rows } = await db.query(`SELECT ${ARTICLE_COLUMNS}, a.text, a.raw_text, a.normalisation, a.annotations FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = $1`, [id]);
  if (!rows.length) return null;
  const a = dates(rows[0]!);
  const claims = (await db.query('SELECT * FROM claims WHERE article_id = $1 ORDER BY idx', [id])).rows;
  const places = (await db.query('SELECT * FROM places WHERE article_id = $1 ORDER BY idx', [id])).rows;
  const events = (
    await db.query(
      `SELECT x.sitrep_id AS id, m.event_id, x.idx, x.event_type, x.sub_event_type, to_char(x.event_date, 'YYYY-MM-DD') AS event_date, x.location, x.fatalities, x.evidence, x.rule
       FROM extracted_events x LEFT JOIN event_members m ON m.extracted_event_id = x.id WHERE x.article_id = $1 ORDER BY x.idx`,
      [id],
    )
  ).rows;
  const versions = (await db.query('SELECT version, content_hash, title, published, ingested_at, superseded_at FROM article_versions WHERE article_id = $1 ORDER BY version', [id])).rows.map(dates);
  const { annotations, ...rest } = a;
  return { ...rest, ...(annotations as object), claims, places, events, versions };
}

/** Claims, filtered by article, kind, source or event, in id order with a cursor. */
export async function listClaims(db: Queryable, f: { article_id?: number | null; kind?: string | null; source?: string | null; event_id?: string | null }, opts: { limit?: number; cursor?: string | null } = {}): Promise<Page<Row>> {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 1000);
  const params: unknown[] = [];
  const conds: string[] = [];
  if (f.article_id != null) conds.push(`c.article_id = $${params.push(f.article_id)}`);
  if (f.kind) conds.push(`c.kind = $${params.push(f.kind)}`);
  if (f.source) conds.push(`c.source_name = $${params.push(f.source)}`);
  if (f.event_id) conds.push(`c.id IN (SELECT claim_id FROM event_claims WHERE event_id = $${params.push(f.event_id)})`);
  const after = decodeCursor(opts.cursor);
  if (after && /^\d+$/.test(after)) conds.push(`c.id > $${params.push(Number(after))}`);
  const { rows } = await db.query(
    `SELECT c.*, a.url AS article_url FROM claims c JOIN articles a ON a.id = c.article_id ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''} ORDER BY c.id LIMIT ${limit + 1}`,
    params,
  );
  const page = rows.slice(0, limit);
  return { items: page, next: rows.length > limit ? encodeCursor(Number(page[page.length - 1]!.id)) : null };
}

/** Canonical actors with the number of events naming them, by name. */
export async function listActors(db: Queryable, f: { q?: string | null }, opts: { limit?: number; cursor?: string | null } = {}): Promise<Page<Row>> {
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 1000);
  const params: unknown[] = [];
  const conds: string[] = [];
  if (f.q) conds.push(`a.name ILIKE $${params.push(`%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`)}`);
  const after = decodeCursor(opts.cursor);
  if (after) conds.push(`a.name > $${params.push(after)}`);
  const { rows } = await db.query(
    `SELECT a.id, a.name, a.inter,
       (SELECT count(*) FROM events e WHERE e.actor1 = a.name)::int + (SELECT count(*) FROM events e WHERE e.actor2 = a.name)::int AS events
     FROM actors a ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''} ORDER BY a.name LIMIT ${limit + 1}`,
    params,
  );
  const page = rows.slice(0, limit);
  return { items: page, next: rows.length > limit ? encodeCursor(String(page[page.length - 1]!.name)) : null };
}

/** Resolved places grouped by name and coordinates, with how many mentions name them. */
export async function listPlaces(db: Queryable, f: { country?: string | null; admin1?: string | null }, opts: { limit?: number; cursor?: string | null } = {}): Promise<Page<Row>> {
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 1000);
  const params: unknown[] = [];
  const conds: string[] = [];
  if (f.country) conds.push(`p.country = $${params.push(f.country)}`);
  if (f.admin1) conds.push(`p.admin1 = $${params.push(f.admin1)}`);
  const after = decodeCursor(opts.cursor);
  const having = after ? `HAVING coalesce(p.resolved_name, p.name) || '|' || coalesce(p.geonameid::text, '') > $${params.push(after)}` : '';
  const { rows } = await db.query(
    `SELECT coalesce(p.resolved_name, p.name) AS name, p.geonameid, min(p.lat) AS lat, min(p.lon) AS lon, min(p.country) AS country, min(p.admin1) AS admin1,
       min(p.feature) AS feature, min(p.precision) AS precision, count(*)::int AS mentions, count(DISTINCT p.article_id)::int AS articles,
       coalesce(p.resolved_name, p.name) || '|' || coalesce(p.geonameid::text, '') AS k
     FROM places p ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''} GROUP BY coalesce(p.resolved_name, p.name), p.geonameid ${having} ORDER BY k LIMIT ${limit + 1}`,
    params,
  );
  const page = rows.slice(0, limit);
  return { items: page.map(({ k: _k, ...r }) => r), next: rows.length > limit ? encodeCursor(String(page[page.length - 1]!.k)) : null };
}
