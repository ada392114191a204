import { SitrepError, stableId } from '../core/index.ts';
import { refreshEvents } from './assign-events.ts';
import type { Db, Queryable } from './db.ts';
import { recomputeEvents } from './merge-store.ts';

/** What a split or a merge did: the events it left, with their report ids. */
export interface DecisionResult {
  readonly events: readonly { readonly id: string; readonly reports: readonly string[] }[];
}

async function members(tx: Queryable, id: string): Promise<{ sitrep_id: string; xid: number }[]> {
  const { rows } = await tx.query<{ sitrep_id: string; xid: number }>(
    'SELECT x.sitrep_id, x.id AS xid FROM event_members m JOIN extracted_events x ON x.id = m.extracted_event_id WHERE m.event_id = $1 ORDER BY x.sitrep_id',
    [id],
  );
  return rows;
}

async function decide(tx: Queryable, kind: 'cannot' | 'must', a: string, b: string, reviewer: string): Promise<void> {
  const [x, y] = a < b ? [a, b] : [b, a];
  await tx.query('INSERT INTO merge_decisions (kind, a, b, reviewer) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [kind, x, y, reviewer]);
}

async function audit(tx: Queryable, id: string, action: string, reviewer: string, before: unknown, after: unknown): Promise<void> {
  await tx.query('INSERT INTO audit_log (event_id, action, reviewer, before, after) VALUES ($1, $2, $3, $4, $5)', [id, action, reviewer, JSON.stringify(before), JSON.stringify(after)]);
}

/**
 * Split reports out of a merged event into a new event, in one transaction: every moved report gets a cannot-link
 * to every report left behind (an earlier must-link between them is withdrawn: the latest decision wins), so no
 * later merge puts them together again. Both events are audited and keep their ids from then on.
 */
export async function splitEvent(db: Db, id: string, reports: readonly string[], reviewer: string): Promise<DecisionResult | null> {
  return db.transaction(async (tx) => {
    const before = await members(tx, id);
    if (!before.length) return null;
    const ids = new Set(before.map((m) => m.sitrep_id));
    const unknown = reports.filter((r) => !ids.has(r));
    if (unknown.length) throw new SitrepError('SITREP_API_BAD_REQUEST', `not reports of ${id}: ${unknown.join(', ')}`);
    const moved = before.filter((m) => reports.includes(m.sitrep_id));
    const kept = before.filter((m) => !reports.includes(m.sitrep_id));
    if (!moved.length || !kept.length) throw new SitrepError('SITREP_API_BAD_REQUEST', 'a split moves some, not all, of the event’s reports');
    for (const a of moved) {
      for (const b of kept) {
        const [x, y] = a.sitrep_id < b.sitrep_id ? [a.sitrep_id, b.sitrep_id] : [b.sitrep_id, a.sitrep_id];
        await tx.query("DELETE FROM merge_decisions WHERE kind = 'must' AND a = $1 AND b = $2", [x, y]);
        await decide(tx, 'cannot', a.sitrep_id, b.sitrep_id, reviewer);
      }
    }
    // The new event is named after its first moved report, unless that name is the event being split.
    let newId = stableId('evt', moved[0]!.sitrep_id);
    if (newId === id || (await tx.query('SELECT 1 FROM events WHERE id = $1', [newId])).rows.length) newId = stableId('evt', moved[0]!.sitrep_id, 'split', id);
    await tx.query(`INSERT INTO events (id, sort_key, event_type, sub_event_type, disorder_type) SELECT $2, '0000-00-00 ' || $2, event_type, sub_event_type, disorder_type FROM events WHERE id = $1`, [id, newId]);
    await tx.query('UPDATE event_members SET event_id = $2, rule = $3 WHERE event_id = $1 AND extracted_event_id = ANY($4::bigint[])', [id, newId, 'merge.split', moved.map((m) => m.xid)]);
    const after = { kept: kept.map((m) => m.sitrep_id), moved: moved.map((m) => m.sitrep_id), new_event: newId };
    await audit(tx, id, 'split', reviewer, { reports: before.map((m) => m.sitrep_id) }, after);
    await audit(tx, newId, 'split', reviewer, { event: id }, after);
    await recomputeEvents(tx, [id, newId]);
    await refreshEvents(tx, [id, newId]);
    return { events: [{ id, reports: after.kept }, { id: newId, reports: after.moved }] };
  });
}

/**
 * Merge event `b` into event `a`, in one transaction: must-links tie every report of the result to its first
 * report, so a corrected article's reports find their way back. Refused with SITREP_MERGE_CONFLICT when an
 * analyst split any of these reports apart before. Both events are audited; `a` keeps its id.
 */
export async function mergeEvents(db: Db, a: string, b: string, reviewer: string): Promise<DecisionResult | null> {
  if (a === b) throw new SitrepError('SITREP_API_BAD_REQUEST', 'merging an event with itself');
  return db.transaction(async (tx) => {
    const ma = await members(tx, a);
    const mb = await members(tx, b);
    if (!ma.length || !mb.length) return null;
    const all = [...ma, ...mb].map((m) => m.sitrep_id);
    const { rows } = await tx.query<{ a: string; b: string }>(
      "SELECT a, b FROM merge_decisions WHERE kind = 'cannot' AND a = ANY($1::text[]) AND b = ANY($1::text[])",
      [all],
    );
    if (rows.length) throw new SitrepError('SITREP_MERGE_CONFLICT', `${rows[0]!.a} and ${rows[0]!.b} were split apart`);
    const anchor = [...all].sort()[0]!;
    for (const r of all) if (r !== anchor) await decide(tx, 'must', anchor, r, reviewer);
    await tx.query('UPDATE event_members SET event_id = $2, rule = $3 WHERE event_id = $1', [b, a, 'merge.analyst']);
    const after = { event: a, reports: [...all].sort(), merged: [a, b] };
    await audit(tx, a, 'merge', reviewer, { reports: ma.map((m) => m.sitrep_id) }, after);
    await audit(tx, b, 'merge', reviewer, { reports: mb.map((m) => m.sitrep_id) }, after);
    await recomputeEvents(tx, [a, b]);
    await refreshEvents(tx, [a]);
    return { events: [{ id: a, reports: after.reports }] };
  });
}
