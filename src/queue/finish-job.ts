import type { Queryable } from '../store/index.ts';
import { type BackoffOptions, backoffMs } from './backoff.ts';
import type { Job } from './job.ts';

/**
 * Mark a job done with its result. Fenced by the lease: a worker whose lease expired (it stalled and another
 * worker took the job over) changes nothing and learns it with `false`.
 */
export async function completeJob(q: Queryable, job: Job, result: unknown): Promise<boolean> {
  const r = await q.query(
    // A done article job drops its text (the article table has it), keeping only what status reads.
    `UPDATE jobs SET state = 'done', finished_at = now(), result = $3::jsonb, locked_by = NULL, locked_until = NULL,
       payload = CASE WHEN kind = 'article' THEN jsonb_strip_nulls(jsonb_build_object('since', payload->'since')) ELSE payload END
     WHERE id = $1 AND locked_by = $2 RETURNING id`,
    [job.id, job.lease, JSON.stringify(result ?? null)],
  );
  return r.rows.length > 0;
}

/** What became of a failed job: queued again after a delay, or moved to the dead letters. */
export type FailOutcome = { readonly state: 'retry'; readonly delayMs: number } | { readonly state: 'dead' } | { readonly state: 'lost' };

/**
 * Record a failure: retried after an exponential, jittered delay while attempts remain, dead-lettered after
 * the last attempt or at once when `permanent` (a private address will not become public by waiting).
 */
export async function failJob(q: Queryable, job: Job, error: string, opts: BackoffOptions & { permanent?: boolean } = {}): Promise<FailOutcome> {
  if (opts.permanent || job.attempts >= job.maxAttempts) {
    const r = await q.query(`UPDATE jobs SET state = 'dead', finished_at = now(), last_error = $3, locked_by = NULL, locked_until = NULL WHERE id = $1 AND locked_by = $2 RETURNING id`, [job.id, job.lease, error]);
    return r.rows.length ? { state: 'dead' } : { state: 'lost' };
  }
  const delayMs = backoffMs(job.attempts, opts);
  const r = await q.query(
    `UPDATE jobs SET state = 'queued', run_at = now() + $3 * interval '1 millisecond', last_error = $4, locked_by = NULL, locked_until = NULL WHERE id = $1 AND locked_by = $2 RETURNING id`,
    [job.id, job.lease, delayMs, error],
  );
  return r.rows.length ? { state: 'retry', delayMs } : { state: 'lost' };
}

/** Extend a running job's lease (a heartbeat while a slow fetch streams); false when the lease was lost. */
export async function renewLease(q: Queryable, job: Job, leaseMs: number): Promise<boolean> {
  const r = await q.query(`UPDATE jobs SET locked_until = now() + $3 * interval '1 millisecond' WHERE id = $1 AND locked_by = $2 AND state = 'running' RETURNING id`, [job.id, job.lease, leaseMs]);
  return r.rows.length > 0;
}

/**
 * Delete done jobs finished more than `olderThanMs` ago. Their keys stop guarding against re-enqueueing,
 * which is harmless: a re-run article is `unchanged` in the store; only a page may be fetched once more.
 */
export async function pruneDoneJobs(q: Queryable, olderThanMs: number): Promise<number> {
  const r = await q.query(`DELETE FROM jobs WHERE state = 'done' AND finished_at < now() - $1 * interval '1 millisecond' RETURNING id`, [olderThanMs]);
  return r.rows.length;
}
