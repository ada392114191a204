import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../store/index.ts';
import type { Job, JobKind } from './job.ts';

/** How a worker claims: its lease length and how politely it treats each host. */
export interface ClaimOptions {
  /** Visibility timeout: a job not finished or renewed within this is claimable again. */
  readonly leaseMs?: number;
  /** At most this many fetches of one host run at once across all workers (1–2 is polite). */
  readonly perHost?: number;
  /** Minimum spacing between two fetches of one host started by any worker. */
  readonly hostDelayMs?: number;
  /** Only these kinds (a fetch-only or extract-only worker); all by default. */
  readonly kinds?: readonly JobKind[];
}

type JobRow = { id: number; kind: JobKind; key: string; payload: Record<string, unknown> | string; feed_id: number | null; host: string | null; attempts: number; max_attempts: number };

/**
 * How many ready jobs one claim looks at. Hosts that are busy or inside their delay are filtered out before
 * the limit, so a thousand queued pages of one slow site never hide another site's feed.
 */
const CANDIDATES = 16;

/**
 * Claim one ready job: queued with `run_at` passed, or running with an expired lease (its worker died).
 * `FOR UPDATE SKIP LOCKED` lets any number of workers claim at once without waiting on each other; for a
 * fetch the host's row in `fetch_hosts` is locked too, so "at most N per host, spaced by a delay" holds
 * across machines. Returns null when nothing is ready.
 */
export async function claimJob(db: Db, workerId: string, opts: ClaimOptions = {}): Promise<Job | null> {
  const leaseMs = opts.leaseMs ?? 60_000;
  const perHost = opts.perHost ?? 1;
  const hostDelayMs = opts.hostDelayMs ?? 1000;
  const kinds = opts.kinds ?? ['feed', 'page', 'article'];
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<JobRow>(
      `SELECT id, kind, key, payload, feed_id, host, attempts, max_attempts FROM jobs j
       WHERE state IN ('queued', 'running') AND run_at <= now() AND (state = 'queued' OR locked_until < now()) AND kind = ANY($1::text[])
         AND (host IS NULL OR (NOT EXISTS (SELECT 1 FROM fetch_hosts h WHERE h.host = j.host AND h.next_at > now())
              AND (SELECT count(*) FROM jobs r WHERE r.host = j.host AND r.state = 'running' AND r.locked_until >= now()) < $2))
       ORDER BY run_at, id LIMIT ${CANDIDATES} FOR UPDATE OF j SKIP LOCKED`,
      [kinds, perHost],
    );
    for (const r of rows) {
      if (r.attempts >= r.max_attempts) {
        // Its lease expired on every attempt: a job that kills its worker (a poison pill) stops here.
        await tx.query(`UPDATE jobs SET state = 'dead', finished_at = now(), locked_by = NULL, last_error = coalesce(last_error, '') || $2 WHERE id = $1`, [r.id, ` (lease expired after ${r.attempts} attempts)`]);
        continue;
      }
      if (r.host && !(await takeHostSlot(tx, r.host, perHost, hostDelayMs))) continue;
      const lease = `${workerId}/${randomUUID()}`;
      await tx.query(
        `UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = $2, locked_until = now() + $3 * interval '1 millisecond', started_at = now() WHERE id = $1`,
        [r.id, lease, leaseMs],
      );
      const payload = typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload;
      return { id: Number(r.id), kind: r.kind, key: r.key, payload, feedId: r.feed_id === null ? null : Number(r.feed_id), host: r.host, attempts: r.attempts + 1, maxAttempts: r.max_attempts, lease };
    }
    return null;
  });
}

/**
 * Reserve a fetch slot on `host` inside the claiming transaction: the host row is locked (skipped if another
 * worker is deciding about the same host right now), then the slot is free when fewer than `perHost` of its
 * jobs hold a live lease and the spacing delay has passed.
 */
async function takeHostSlot(tx: Queryable, host: string, perHost: number, delayMs: number): Promise<boolean> {
  await tx.query('INSERT INTO fetch_hosts (host) VALUES ($1) ON CONFLICT (host) DO NOTHING', [host]);
  const { rows } = await tx.query<{ ready: boolean }>('SELECT next_at <= now() AS ready FROM fetch_hosts WHERE host = $1 FOR UPDATE SKIP LOCKED', [host]);
  if (!rows[0]?.ready) return false;
  const busy = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE host = $1 AND state = 'running' AND locked_until >= now()`, [host]);
  if (Number(busy.rows[0]!.n) >= perHost) return false;
  await tx.query(`UPDATE fetch_hosts SET next_at = now() + $2 * interval '1 millisecond' WHERE host = $1`, [host, delayMs]);
  return true;
}
