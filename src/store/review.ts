import { SitrepError } from '../core/index.ts';
import type { Db, Queryable, Row } from './db.ts';
import { SORT_KEY_SQL } from './assign-events.ts';

/** Fields a reviewer may edit; anything else in an edit is a 400. */
export const EDITABLE_FIELDS = [
  'event_type', 'sub_event_type', 'disorder_type', 'actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2', 'civilian_targeting', 'event_date',
  'time_precision', 'country', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision', 'fatalities', 'fatalities_low',
  'fatalities_best', 'fatalities_high', 'notes',
] as const;

/** A review decision: accept, reject, or edit some fields (which also marks the event reviewed). */
export interface ReviewInput {
  readonly action: 'accept' | 'reject' | 'edit';
  readonly changes?: Readonly<Record<string, unknown>>;
  readonly reviewer: string;
  readonly comment?: string | null;
}

const SNAPSHOT = `id, event_type, sub_event_type, disorder_type, actor1, assoc_actor_1, actor2, assoc_actor_2, civilian_targeting, to_char(event_date, 'YYYY-MM-DD') AS event_date,
  time_precision, country, admin1, admin2, location, latitude, longitude, geo_precision, fatalities, fatalities_low, fatalities_best, fatalities_high, notes, review_status, reviewed_by`;

/**
 * Apply a review decision in one transaction and write the audit row (who, when, before, after). Edited values
 * are kept in `overrides` so that re-extraction of the article does not undo them. Null when the event is unknown.
 */
export async function reviewEvent(db: Db, id: string, input: ReviewInput): Promise<Row | null> {
  const changes = input.changes ?? {};
  for (const k of Object.keys(changes)) {
    if (!(EDITABLE_FIELDS as readonly string[]).includes(k)) throw new SitrepError('SITREP_API_BAD_REQUEST', `field "${k}" cannot be edited`);
  }
  if (input.action === 'edit' && !Object.keys(changes).length) throw new SitrepError('SITREP_API_BAD_REQUEST', 'an edit needs at least one change');
  if ('event_date' in changes && changes.event_date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(changes.event_date))) throw new SitrepError('SITREP_API_BAD_REQUEST', 'event_date must be YYYY-MM-DD');
  return db.transaction(async (tx) => {
    const before = (await tx.query(`SELECT ${SNAPSHOT} FROM events WHERE id = $1 FOR UPDATE`, [id])).rows[0];
    if (!before) return null;
    const status = input.action === 'accept' ? 'accepted' : input.action === 'reject' ? 'rejected' : 'edited';
    if (Object.keys(changes).length) {
      const cols = Object.keys(changes);
      await tx.query(
        `UPDATE events e SET overrides = e.overrides || $2::jsonb, (${cols.join(', ')}) = (SELECT ${cols.map((c) => `r.${c}`).join(', ')} FROM jsonb_populate_record(e, $2::jsonb) r) WHERE e.id = $1`,
        [id, JSON.stringify(changes)],
      );
      await tx.query(`UPDATE events e SET sort_key = ${SORT_KEY_SQL('e.event_date', 'e.id')} WHERE e.id = $1`, [id]);
    }
    await tx.query('UPDATE events SET review_status = $2, reviewed_by = $3, reviewed_at = now(), updated_at = now() WHERE id = $1', [id, status, input.reviewer]);
    const after = (await tx.query(`SELECT ${SNAPSHOT} FROM events WHERE id = $1`, [id])).rows[0]!;
    await tx.query('INSERT INTO audit_log (event_id, action, reviewer, before, after) VALUES ($1, $2, $3, $4, $5)', [
      id,
      input.action,
      input.reviewer,
      JSON.stringify(before),
      JSON.stringify(input.comment ? { ...after, comment: input.comment } : after),
    ]);
    return after;
  });
}

/** The audit trail of one event, oldest first. */
export async function eventAudit(db: Queryable, id: string): Promise<Row[]> {
  const { rows } = await db.query('SELECT id, event_id, action, reviewer, at, before, after FROM audit_log WHERE event_id = $1 ORDER BY at, id', [id]);
  return rows.map((r) => ({ ...r, at: r.at instanceof Date ? r.at.toISOString() : r.at }));
}
