import type { Queryable } from './db.ts';

/** Columns copied from an extracted event to its merged event. */
export const EVENT_FIELDS = [
  'event_type', 'sub_event_type', 'disorder_type', 'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction',
  'civilian_targeting', 'event_date', 'time_precision', 'country', 'iso', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision',
  'fatalities', 'fatalities_low', 'fatalities_best', 'fatalities_high', 'sources', 'notes', 'confidence',
] as const;

/** SQL for the pagination keyset of an event: `YYYY-MM-DD id`, undated events sorting first. */
export const SORT_KEY_SQL = (date: string, id: string) => `coalesce(to_char(${date}, 'YYYY-MM-DD'), '0000-00-00') || ' ' || ${id}`;

/**
 * Place an article's extracted events into merged events. Until cross-article clustering lands (issue 7),
 * each extracted event becomes its own merged event whose id is the extracted event's stable id, so a
 * corrected article keeps its event ids and their review state. Fields a reviewer edited (`overrides`) are
 * re-applied on top of re-extracted values; merged events left without members are removed (the audit log
 * keeps their history). The merge work replaces this function with the same signature.
 */
export async function assignToEvents(tx: Queryable, articleId: number): Promise<string[]> {
  const cols = EVENT_FIELDS.join(', ');
  const prev = (await tx.query<{ event_id: string }>('SELECT event_id FROM event_articles WHERE article_id = $1', [articleId])).rows.map((r) => r.event_id);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO events (id, sort_key, ${cols}, evidence_url, sources_independent, reports)
     SELECT x.sitrep_id, ${SORT_KEY_SQL('x.event_date', 'x.sitrep_id')}, ${EVENT_FIELDS.map((c) => `x.${c}`).join(', ')}, a.url, jsonb_array_length(x.sources), 1
     FROM extracted_events x JOIN articles a ON a.id = x.article_id WHERE x.article_id = $1
     ON CONFLICT (id) DO UPDATE SET sort_key = EXCLUDED.sort_key, ${EVENT_FIELDS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
       evidence_url = EXCLUDED.evidence_url, sources_independent = EXCLUDED.sources_independent, updated_at = now()
     RETURNING id`,
    [articleId],
  );
  const ids = rows.map((r) => r.id);
  await tx.query(
    `INSERT INTO event_members (event_id, extracted_event_id, rule)
     SELECT x.sitrep_id, x.id, 'merge.singleton' FROM extracted_events x WHERE x.article_id = $1 ON CONFLICT DO NOTHING`,
    [articleId],
  );
  await tx.query(
    `INSERT INTO event_claims (event_id, claim_id)
     SELECT x.sitrep_id, c.id FROM extracted_events x
     CROSS JOIN LATERAL jsonb_array_elements_text(x.claim_idx) AS ci(idx)
     JOIN claims c ON c.article_id = x.article_id AND c.idx = ci.idx::int
     WHERE x.article_id = $1 ON CONFLICT DO NOTHING`,
    [articleId],
  );
  await tx.query(`INSERT INTO event_articles (event_id, article_id) SELECT x.sitrep_id, x.article_id FROM extracted_events x WHERE x.article_id = $1 ON CONFLICT DO NOTHING`, [articleId]);
  // Events this article used to support but no longer does (a correction dropped them).
  await tx.query(
    `DELETE FROM event_articles ea WHERE ea.article_id = $1
       AND NOT EXISTS (SELECT 1 FROM event_members m JOIN extracted_events x ON x.id = m.extracted_event_id WHERE m.event_id = ea.event_id AND x.article_id = $1)`,
    [articleId],
  );
  if (prev.length) await tx.query('DELETE FROM events e WHERE e.id = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM event_members m WHERE m.event_id = e.id)', [prev]);
  if (ids.length) await refreshEvents(tx, ids);
  return ids;
}

/** Recompute derived columns of merged events (reports, displaced) and re-apply reviewer overrides. */
export async function refreshEvents(tx: Queryable, ids: readonly string[]): Promise<void> {
  await tx.query(
    `UPDATE events e SET
       reports = (SELECT count(*) FROM event_articles ea WHERE ea.event_id = e.id),
       displaced = (SELECT sum(coalesce(c.best, c.low, c.high)) FROM event_claims ec JOIN claims c ON c.id = ec.claim_id WHERE ec.event_id = e.id AND c.kind = 'displaced' AND NOT c.background)
     WHERE e.id = ANY($1::text[])`,
    [ids],
  );
  const editable = EVENT_FIELDS.filter((c) => c !== 'sources' && c !== 'confidence');
  await tx.query(
    `UPDATE events e SET (${editable.join(', ')}) = (SELECT ${editable.map((c) => `r.${c}`).join(', ')} FROM jsonb_populate_record(e, e.overrides) r)
     WHERE e.id = ANY($1::text[]) AND e.overrides <> '{}'::jsonb`,
    [ids],
  );
  await tx.query(`UPDATE events e SET sort_key = ${SORT_KEY_SQL('e.event_date', 'e.id')} WHERE e.id = ANY($1::text[]) AND e.overrides ? 'event_date'`, [ids]);
}
