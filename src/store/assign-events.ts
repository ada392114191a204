import type { Queryable } from './db.ts';
import { assignReports, assignStoryGroup, loadReports, recomputeEvents } from './merge-store.ts';

/** Columns copied from an extracted event to its merged event. */
export const EVENT_FIELDS = [
  'event_type', 'sub_event_type', 'disorder_type', 'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction',
  'civilian_targeting', 'event_date', 'time_precision', 'country', 'iso', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision',
  'fatalities', 'fatalities_low', 'fatalities_best', 'fatalities_high', 'sources', 'notes', 'confidence',
] as const;

/** SQL for the pagination keyset of an event: `YYYY-MM-DD id`, undated events sorting first. */
export const SORT_KEY_SQL = (date: string, id: string) => `coalesce(to_char(${date}, 'YYYY-MM-DD'), '0000-00-00') || ' ' || ${id}`;

/**
 * Merge a just-stored article into the store's incidents, inside its transaction (docs/merging.md): find its
 * story group (copies and credited rewrites of stored stories), then assign each of its extracted events to
 * the best compatible merged event among the candidates that blocking selects, or to a new one, and recompute
 * the touched events from their member reports. A corrected article re-merges only its own reports: the events
 * it used to belong to are recomputed without it (and removed when left empty), while an event whose id came
 * from one of its reports keeps that id and its review state when the corrected report founds it again.
 * Reviewer overrides are re-applied on top.
 */
export async function assignToEvents(tx: Queryable, articleId: number): Promise<string[]> {
  await assignStoryGroup(tx, articleId);
  // A correction deleted the article's extracted events (and their memberships); its old events are stale.
  const prev = (await tx.query<{ event_id: string }>('SELECT event_id FROM event_articles WHERE article_id = $1', [articleId])).rows.map((r) => r.event_id);
  await tx.query('DELETE FROM event_articles WHERE article_id = $1', [articleId]);
  const live: string[] = [];
  const empty: string[] = [];
  for (const id of prev) {
    const { rows } = await tx.query('SELECT 1 FROM event_members WHERE event_id = $1 LIMIT 1', [id]);
    (rows.length ? live : empty).push(id);
  }
  const renamed = await recomputeEvents(tx, live);
  // An emptied event is no candidate while the article's reports are placed; its row waits to be re-founded.
  if (empty.length) await tx.query('DELETE FROM event_merge WHERE event_id = ANY($1::text[])', [empty]);
  const reports = await loadReports(tx, 'x.article_id = $1', [articleId]);
  const touched = await assignReports(tx, reports);
  const stillEmpty = empty.filter((id) => !touched.has(id));
  if (stillEmpty.length) await tx.query('DELETE FROM events e WHERE e.id = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM event_members m WHERE m.event_id = e.id)', [stillEmpty]);
  const all = [...new Set([...live.map((id) => renamed.get(id) ?? id), ...touched])];
  await refreshEvents(tx, all);
  return [...touched];
}

/** Recompute derived columns of merged events (displaced) and re-apply reviewer overrides. */
export async function refreshEvents(tx: Queryable, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await tx.query(
    `UPDATE events e SET
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
