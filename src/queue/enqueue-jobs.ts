import type { Queryable } from '../store/index.ts';
import type { NewJob } from './job.ts';

/**
 * Enqueue jobs, skipping any whose key is already queued, running, done or dead: a feed fetched twice
 * (two workers, or a retry after a crash) enqueues each of its items once. Returns how many were new.
 * Times come from the database clock, so workers on machines with skewed clocks agree on `run_at`.
 */
export async function enqueueJobs(q: Queryable, jobs: readonly NewJob[]): Promise<number> {
  if (!jobs.length) return 0;
  // Sorted, de-duplicated keys keep concurrent enqueuers from deadlocking on the unique index.
  const sorted = [...new Map(jobs.map((j) => [j.key, j])).values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const { rows } = await q.query(
    `INSERT INTO jobs (kind, key, payload, feed_id, host, max_attempts, run_at)
     SELECT t.kind, t.key, t.payload::jsonb, t.feed_id, t.host, t.max_attempts, now() + t.delay_ms * interval '1 millisecond'
     FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::int[], $7::float8[]) AS t(kind, key, payload, feed_id, host, max_attempts, delay_ms)
     ON CONFLICT (key) DO NOTHING RETURNING id`,
    [
      sorted.map((j) => j.kind),
      sorted.map((j) => j.key),
      sorted.map((j) => JSON.stringify(j.payload)),
      sorted.map((j) => j.feedId ?? null),
      sorted.map((j) => j.host ?? null),
      sorted.map((j) => j.maxAttempts ?? 5),
      sorted.map((j) => j.delayMs ?? 0),
    ],
  );
  return rows.length;
}
