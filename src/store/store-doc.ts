import type { Doc } from '../core/index.ts';
import { publishedDay, stableId } from '../core/index.ts';
import { assignToEvents } from './assign-events.ts';
import type { Db, Queryable } from './db.ts';
import { insertRows, json } from './insert-rows.ts';

/** What storing one article did. */
export interface StoreResult {
  readonly status: 'new' | 'unchanged' | 'updated';
  readonly articleId: number;
  readonly claims: number;
  readonly events: number;
}

/** Options for storing: the ingestion run that brought the article in. */
export interface StoreOptions {
  readonly runId?: number | null;
}

async function upsertNames(tx: Queryable, table: 'outlets' | 'sources' | 'actors', names: Iterable<string>, kinds?: Map<string, string | null>): Promise<Map<string, number>> {
  const uniq = [...new Set([...names].filter(Boolean))].sort();
  const ids = new Map<string, number>();
  if (!uniq.length) return ids;
  // Sorted inserts keep concurrent transactions from deadlocking on the unique index.
  const cols = table === 'sources' ? ['name', 'kind'] : ['name'];
  await insertRows(tx, table, cols, uniq.map((n) => (table === 'sources' ? [n, kinds?.get(n) ?? null] : [n])), 'ON CONFLICT (name) DO NOTHING');
  const { rows } = await tx.query<{ id: number; name: string }>(`SELECT id, name FROM ${table} WHERE name = ANY($1::text[])`, [uniq]);
  for (const r of rows) ids.set(r.name, Number(r.id));
  return ids;
}

/** Write the derived rows of a document (claims, places, extracted events) for an article id. */
async function insertDerived(tx: Queryable, articleId: number, doc: Doc, key: string): Promise<void> {
  const sourceKinds = new Map<string, string | null>();
  for (const c of doc.claims) if (c.source.name) sourceKinds.set(c.source.name, c.source.kind);
  const sourceIds = await upsertNames(tx, 'sources', sourceKinds.keys(), sourceKinds);
  const actorNames = doc.events.flatMap((e) => [e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2]).concat(doc.claims.flatMap((c) => [c.perpetrator, c.victims.actor]));
  await upsertNames(tx, 'actors', actorNames.filter((a): a is string => !!a).flatMap((a) => a.split('; ')));
  if (doc.claims.length) {
    await insertRows(
      tx,
      'claims',
      ['article_id', 'idx', 'kind', 'low', 'best', 'high', 'hedge', 'unit', 'victim_category', 'victim_actor', 'perpetrator', 'source_id', 'source_name', 'source_kind', 'source_chain', 'source_span', 'source_rule', 'background', 'span_start', 'span_end', 'also', 'sentence', 'part_of', 'share', 'abducted', 'rule'],
      doc.claims.map((c, i) => [articleId, i, c.kind, c.low, c.best, c.high, c.hedge, c.unit, c.victims.category, c.victims.actor, c.perpetrator, c.source.name ? (sourceIds.get(c.source.name) ?? null) : null, c.source.name, c.source.kind, json(c.source.chain), json(c.source.span), c.source.rule, c.background, c.span.start, c.span.end, json(c.also), c.sentence, c.part_of, json(c.share), c.abducted ?? null, c.rule]),
    );
  }
  if (doc.places.length) {
    await insertRows(
      tx,
      'places',
      ['article_id', 'idx', 'name', 'resolved_name', 'geonameid', 'lat', 'lon', 'country', 'admin1', 'feature', 'precision', 'candidates_considered', 'rule', 'relative', 'span_start', 'span_end', 'sentence'],
      doc.places.map((p, i) => [articleId, i, p.name, p.resolved_name, p.geonameid, p.lat, p.lon, p.country, p.admin1, p.feature, p.precision, p.candidates_considered, p.rule, json(p.relative ?? null), p.span.start, p.span.end, p.sentence]),
    );
  }
  if (doc.events.length) {
    await insertRows(
      tx,
      'extracted_events',
      ['sitrep_id', 'article_id', 'idx', 'event_type', 'sub_event_type', 'disorder_type', 'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'event_date', 'time_precision', 'country', 'iso', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision', 'fatalities', 'fatalities_low', 'fatalities_best', 'fatalities_high', 'claim_idx', 'sources', 'notes', 'evidence', 'sentence', 'confidence', 'rule'],
      doc.events.map((e, i) => [stableId('ev', key, i), articleId, i, e.event_type, e.sub_event_type, e.disorder_type, e.actor1, e.assoc_actor_1, e.inter1, e.actor2, e.assoc_actor_2, e.inter2, e.interaction, e.civilian_targeting, validDate(e.event_date), e.time_precision, e.country, e.iso, e.admin1, e.admin2, e.location, e.latitude, e.longitude, e.geo_precision, e.fatalities, e.fatalities_range.low, e.fatalities_range.best, e.fatalities_range.high, json(e.claims), json(e.sources), e.notes, json(e.evidence), e.sentence, e.confidence, e.rule]),
    );
  }
}

/** Only a full `YYYY-MM-DD` goes into a date column; a month or a range stays in the evidence. */
function validDate(v: string | null): string | null {
  return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
}

function annotations(doc: Doc): string {
  return JSON.stringify({ sentences: doc.sentences, paragraphs: doc.paragraphs, removed: doc.removed, mentions: doc.mentions, times: doc.times, diagnostics: doc.diagnostics });
}

/**
 * Store one processed article and everything derived from it in ONE transaction, idempotently: the same URL
 * or the same content hash is `unchanged`; the same URL with a new hash is a correction (`updated`): the old
 * text and derived rows go to `article_versions`, derived rows are replaced, merged events are re-assigned.
 * Unique constraints plus `ON CONFLICT DO NOTHING` make concurrent ingests of one article store it once.
 */
export async function storeDoc(db: Db, doc: Doc, opts: StoreOptions = {}): Promise<StoreResult> {
  const url = doc.meta.url || null;
  // Events keyed by URL keep their ids (and their review state) across corrections of the article.
  const key = url ?? doc.id;
  return db.transaction(async (tx) => {
    const unchanged = (id: number): StoreResult => ({ status: 'unchanged', articleId: id, claims: 0, events: 0 });
    const byHash = await tx.query<{ id: number }>('SELECT id FROM articles WHERE content_hash = $1', [doc.id]);
    if (byHash.rows.length) return unchanged(Number(byHash.rows[0]!.id));
    const outletIds = doc.meta.outlet ? await upsertNames(tx, 'outlets', [doc.meta.outlet]) : new Map<string, number>();
    const outletId = doc.meta.outlet ? (outletIds.get(doc.meta.outlet) ?? null) : null;
    const raw = doc.raw_text !== doc.text ? doc.raw_text : null;
    const meta = [doc.external_id, outletId, doc.meta.title, doc.meta.credit, doc.meta.published, publishedDay(doc.meta.published), doc.meta.published_from, doc.meta.language, doc.meta.encoding, doc.meta.input, doc.text, raw, json(doc.normalisation), annotations(doc), doc.claims.length, doc.places.length, doc.events.length, opts.runId ?? null];
    if (url) {
      const prev = await tx.query<{ id: number; content_hash: string; version: number }>('SELECT id, content_hash, version FROM articles WHERE url = $1 FOR UPDATE', [url]);
      const old = prev.rows[0];
      if (old) {
        const id = Number(old.id);
        await tx.query(
          `INSERT INTO article_versions (article_id, version, content_hash, title, published, text, annotations, derived, ingested_at)
           SELECT a.id, a.version, a.content_hash, a.title, a.published, a.text, a.annotations,
             jsonb_build_object('claims', (SELECT coalesce(jsonb_agg(to_jsonb(c) ORDER BY c.idx), '[]') FROM claims c WHERE c.article_id = a.id),
                                'events', (SELECT coalesce(jsonb_agg(to_jsonb(e) ORDER BY e.idx), '[]') FROM extracted_events e WHERE e.article_id = a.id)),
             a.updated_at
           FROM articles a WHERE a.id = $1`,
          [id],
        );
        await tx.query('DELETE FROM claims WHERE article_id = $1', [id]);
        await tx.query('DELETE FROM places WHERE article_id = $1', [id]);
        await tx.query('DELETE FROM extracted_events WHERE article_id = $1', [id]);
        await tx.query(
          `UPDATE articles SET content_hash = $2, external_id = $3, outlet_id = $4, title = $5, credit = $6, published = $7, published_day = $8,
             published_from = $9, language = $10, encoding = $11, input = $12, text = $13, raw_text = $14, normalisation = $15, annotations = $16,
             n_claims = $17, n_places = $18, n_events = $19, run_id = $20, version = version + 1, updated_at = now() WHERE id = $1`,
          [id, doc.id, ...meta],
        );
        await insertDerived(tx, id, doc, key);
        await assignToEvents(tx, id);
        return { status: 'updated', articleId: id, claims: doc.claims.length, events: doc.events.length };
      }
    }
    const ins = await tx.query<{ id: number }>(
      `INSERT INTO articles (content_hash, url, external_id, outlet_id, title, credit, published, published_day, published_from, language, encoding, input, text, raw_text, normalisation, annotations, n_claims, n_places, n_events, run_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) ON CONFLICT DO NOTHING RETURNING id`,
      [doc.id, url, ...meta],
    );
    if (!ins.rows.length) {
      // Another transaction stored the same article first (same hash or URL); ours changes nothing.
      const { rows } = await tx.query<{ id: number }>('SELECT id FROM articles WHERE content_hash = $1 OR url = $2 LIMIT 1', [doc.id, url]);
      return unchanged(Number(rows[0]?.id ?? 0));
    }
    const id = Number(ins.rows[0]!.id);
    await insertDerived(tx, id, doc, key);
    await assignToEvents(tx, id);
    return { status: 'new', articleId: id, claims: doc.claims.length, events: doc.events.length };
  });
}
