import { SitrepError } from '../core/index.ts';
import type { Queryable } from '../store/index.ts';
import { hostOf } from './job.ts';

/** A followed feed as `feeds list` and `status` show it. */
export interface FeedRow {
  readonly id: number;
  readonly url: string;
  readonly outlet: string | null;
  readonly every_s: number;
  readonly etag: string | null;
  readonly last_modified: string | null;
  readonly next_fetch_at: string;
  readonly last_ok_at: string | null;
  readonly last_status: string | null;
  readonly last_error: string | null;
  readonly failures: number;
  readonly dead: boolean;
  readonly items_seen: number;
}

/** Follow a feed (or update one already followed: a re-added dead feed is revived and fetched at once). */
export async function addFeed(q: Queryable, url: string, opts: { everyMs?: number; outlet?: string | null } = {}): Promise<FeedRow> {
  const host = hostOf(url);
  if (!host || !/^https?:\/\//i.test(url)) throw new SitrepError('SITREP_FETCH_BAD_URL', `${url}: a feed is an http(s) URL`);
  const every = Math.max(1, Math.round((opts.everyMs ?? 600_000) / 1000));
  const { rows } = await q.query<FeedRow>(
    `INSERT INTO feeds (url, host, outlet, every_s) VALUES ($1, $2, $3, $4)
     ON CONFLICT (url) DO UPDATE SET outlet = coalesce(EXCLUDED.outlet, feeds.outlet), every_s = EXCLUDED.every_s, dead = false, failures = 0, next_fetch_at = now()
     RETURNING *`,
    [url, host, opts.outlet ?? null, every],
  );
  return rows[0]!;
}

/** Every followed feed, dead-lettered ones included (they carry their last error). */
export async function listFeeds(q: Queryable): Promise<FeedRow[]> {
  return (await q.query<FeedRow>('SELECT * FROM feeds ORDER BY id')).rows;
}

/** Stop following a feed given its id or URL; its waiting fetches go, articles already stored stay. */
export async function removeFeed(q: Queryable, idOrUrl: string): Promise<boolean> {
  const byId = /^\d+$/.test(idOrUrl);
  const { rows } = await q.query<{ id: number }>(`DELETE FROM feeds WHERE ${byId ? 'id = $1::bigint' : 'url = $1'} RETURNING id`, [idOrUrl]);
  if (!rows.length) return false;
  await q.query(`DELETE FROM jobs WHERE kind = 'feed' AND feed_id IS NULL AND state = 'queued'`);
  return true;
}

/**
 * Enqueue a fetch for every live feed that is due and has none waiting. The key names the feed and the slot
 * (`feed:7:1733000000000`), so every worker may run this on every tick and each slot is fetched once.
 */
export async function scheduleDueFeeds(q: Queryable, maxAttempts = 5): Promise<number> {
  const { rows } = await q.query(
    `INSERT INTO jobs (kind, key, payload, feed_id, host, max_attempts)
     SELECT 'feed', 'feed:' || f.id || ':' || floor(extract(epoch FROM f.next_fetch_at) * 1000)::bigint, jsonb_build_object('url', f.url), f.id, f.host, $1
     FROM feeds f
     WHERE NOT f.dead AND f.next_fetch_at <= now()
       AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.feed_id = f.id AND j.kind = 'feed' AND j.state IN ('queued', 'running'))
     ORDER BY f.id
     ON CONFLICT (key) DO NOTHING RETURNING id`,
    [maxAttempts],
  );
  return rows.length;
}
