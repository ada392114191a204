import type { Queryable } from '../store/index.ts';

/** Queue health as `sitrep status` prints it. */
export interface QueueStatus {
  /** Jobs per kind and state; `ready` = queued and due now, `retrying` = queued after a failure. */
  readonly depth: { kind: string; queued: number; ready: number; retrying: number; running: number; done: number; dead: number }[];
  /** Jobs finished in the last minute, 5 minutes and hour (per minute for the longer windows). */
  readonly throughput: { kind: string; last_1m: number; per_min_5m: number; per_min_1h: number }[];
  /** Dead letters and the latest errors. */
  readonly failures: { dead: number; retrying: number; recent: { id: number; kind: string; key: string; state: string; attempts: number; last_error: string }[] };
  /** Per followed feed: fetch health, articles stored and seconds from feed fetch to stored article. */
  readonly sources: {
    id: number; url: string; outlet: string | null; dead: boolean; failures: number; last_error: string | null; last_ok_s_ago: number | null;
    queued: number; articles_1h: number; lag_p50_s: number | null; lag_p95_s: number | null;
  }[];
}

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Read queue depth, throughput, failures and lag per source in a handful of queries. */
export async function queueStatus(q: Queryable): Promise<QueueStatus> {
  const depth = await q.query<QueueStatus['depth'][number]>(
    `SELECT kind,
       count(*) FILTER (WHERE state = 'queued')::int AS queued,
       count(*) FILTER (WHERE state = 'queued' AND run_at <= now())::int AS ready,
       count(*) FILTER (WHERE state = 'queued' AND attempts > 0)::int AS retrying,
       count(*) FILTER (WHERE state = 'running')::int AS running,
       count(*) FILTER (WHERE state = 'done')::int AS done,
       count(*) FILTER (WHERE state = 'dead')::int AS dead
     FROM jobs GROUP BY kind ORDER BY kind`,
  );
  const tp = await q.query<QueueStatus['throughput'][number]>(
    `SELECT kind,
       count(*) FILTER (WHERE finished_at > now() - interval '1 minute')::int AS last_1m,
       round(count(*) FILTER (WHERE finished_at > now() - interval '5 minutes') / 5.0, 1)::float8 AS per_min_5m,
       round(count(*) / 60.0, 1)::float8 AS per_min_1h
     FROM jobs WHERE state = 'done' AND finished_at > now() - interval '1 hour' GROUP BY kind ORDER BY kind`,
  );
  const recent = await q.query<QueueStatus['failures']['recent'][number]>(
    `SELECT id, kind, key, state, attempts, last_error FROM jobs WHERE last_error IS NOT NULL AND state IN ('queued', 'dead')
     ORDER BY (state = 'dead') DESC, coalesce(finished_at, run_at) DESC LIMIT 20`,
  );
  const counts = depth.rows.reduce((a, r) => ({ dead: a.dead + Number(r.dead), retrying: a.retrying + Number(r.retrying) }), { dead: 0, retrying: 0 });
  const sources = await q.query<Record<string, unknown>>(
    `SELECT f.id, f.url, f.outlet, f.dead, f.failures, f.last_error,
       extract(epoch FROM now() - f.last_ok_at)::float8 AS last_ok_s_ago,
       (SELECT count(*) FROM jobs j WHERE j.feed_id = f.id AND j.state IN ('queued', 'running'))::int AS queued,
       l.articles_1h, l.p50, l.p95
     FROM feeds f
     LEFT JOIN LATERAL (
       SELECT count(*)::int AS articles_1h,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM j.finished_at - coalesce((j.payload->>'since')::timestamptz, j.created_at))) AS p50,
         percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM j.finished_at - coalesce((j.payload->>'since')::timestamptz, j.created_at))) AS p95
       FROM jobs j WHERE j.feed_id = f.id AND j.kind = 'article' AND j.state = 'done' AND j.finished_at > now() - interval '1 hour'
     ) l ON true
     ORDER BY f.id`,
  );
  return {
    depth: depth.rows,
    throughput: tp.rows.map((r) => ({ ...r, per_min_5m: Number(r.per_min_5m), per_min_1h: Number(r.per_min_1h) })),
    failures: { ...counts, recent: recent.rows.map((r) => ({ ...r, id: Number(r.id) })) },
    sources: sources.rows.map((r) => ({
      id: Number(r.id), url: String(r.url), outlet: (r.outlet as string) ?? null, dead: !!r.dead, failures: Number(r.failures), last_error: (r.last_error as string) ?? null,
      last_ok_s_ago: n(r.last_ok_s_ago), queued: Number(r.queued), articles_1h: Number(r.articles_1h ?? 0), lag_p50_s: n(r.p50), lag_p95_s: n(r.p95),
    })),
  };
}
