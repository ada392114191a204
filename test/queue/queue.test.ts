import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addFeed, claimJob, completeJob, enqueueJobs, failJob, listFeeds, queueStatus, startInProcessWorker, startWorker } from '../../src/queue/index.ts';
import { createDb, type Db } from '../../src/store/index.ts';
import { freshDatabase, pgSkip } from './pg.ts';
import { type Site, startSite } from './site.ts';

const skip = await pgSkip();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wait until `check` holds, polling; fails the test after `ms`. */
async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(100);
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe('job queue on PostgreSQL', { skip }, () => {
  let db: Db;
  let drop: () => Promise<void>;
  before(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    db = await createDb({ databaseUrl: fresh.url });
  });
  after(async () => {
    await db?.close();
    await drop?.();
  });

  test('enqueueing is idempotent by key', async () => {
    const job = { kind: 'article' as const, key: 'article:same', payload: { n: 1 } };
    assert.equal(await enqueueJobs(db, [job, job]), 1);
    assert.equal(await enqueueJobs(db, [job]), 0);
    await db.query(`DELETE FROM jobs WHERE key = 'article:same'`);
  });

  test('a job held by a silent worker is claimed again after its lease; the stale worker cannot finish it', async () => {
    await enqueueJobs(db, [{ kind: 'article', key: 'article:lease', payload: {} }]);
    const a = await claimJob(db, 'A', { leaseMs: 300, kinds: ['article'] });
    assert.equal(a?.key, 'article:lease');
    assert.equal(await claimJob(db, 'B', { leaseMs: 300, kinds: ['article'] }), null, 'invisible while leased');
    await sleep(450);
    const b = await claimJob(db, 'B', { leaseMs: 5000, kinds: ['article'] });
    assert.equal(b?.id, a!.id);
    assert.equal(b?.attempts, 2);
    assert.equal(await completeJob(db, a!, { by: 'A' }), false, 'A lost its lease');
    assert.equal(await completeJob(db, b!, { by: 'B' }), true);
    const { rows } = await db.query<{ state: string; result: { by: string } }>('SELECT state, result FROM jobs WHERE id = $1', [a!.id]);
    assert.deepEqual([rows[0]!.state, rows[0]!.result.by], ['done', 'B']);
  });

  test('failures back off exponentially, then go to the dead letters', async () => {
    await enqueueJobs(db, [{ kind: 'article', key: 'article:flaky', payload: {}, maxAttempts: 3 }]);
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      await db.query(`UPDATE jobs SET run_at = now() WHERE key = 'article:flaky'`);
      const j = await claimJob(db, 'W', { kinds: ['article'] });
      assert.ok(j, `attempt ${i + 1} claimed`);
      const out = await failJob(db, j, 'boom', { baseMs: 1000, random: () => 0.999999 });
      if (out.state === 'retry') delays.push(out.delayMs);
      else assert.equal(out.state, 'dead');
    }
    assert.deepEqual(delays, [1000, 2000]);
    const { rows } = await db.query<{ state: string; attempts: number; last_error: string }>(`SELECT state, attempts, last_error FROM jobs WHERE key = 'article:flaky'`);
    assert.deepEqual(rows[0], { state: 'dead', attempts: 3, last_error: 'boom' });
    const s = await queueStatus(db);
    assert.ok(s.failures.recent.some((f) => f.key === 'article:flaky' && f.state === 'dead'));
  });

  test('one host is fetched at most once at a time, and its backlog does not hide other hosts', async () => {
    await enqueueJobs(db, [1, 2, 3, 4, 5].map((i) => ({ kind: 'page' as const, key: `page:slow${i}`, host: 'slow.example', payload: {} })));
    await enqueueJobs(db, [{ kind: 'page', key: 'page:other', host: 'other.example', payload: {} }]);
    const first = await claimJob(db, 'A', { perHost: 1, hostDelayMs: 0, kinds: ['page'] });
    const second = await claimJob(db, 'B', { perHost: 1, hostDelayMs: 0, kinds: ['page'] });
    const third = await claimJob(db, 'C', { perHost: 1, hostDelayMs: 0, kinds: ['page'] });
    assert.equal(first?.host, 'slow.example');
    assert.equal(second?.host, 'other.example');
    assert.equal(third, null, 'slow.example already has its one fetch running');
    await completeJob(db, first!, null);
    // With a spacing delay, the next fetch of that host waits even though nothing runs.
    const next = await claimJob(db, 'A', { perHost: 1, hostDelayMs: 60_000, kinds: ['page'] });
    assert.equal(next?.host, 'slow.example');
    await completeJob(db, next!, null);
    assert.equal(await claimJob(db, 'A', { perHost: 1, hostDelayMs: 0, kinds: ['page'] }), null, 'inside the delay');
    await db.query(`DELETE FROM jobs WHERE kind = 'page'`);
  });

  describe('feeds through an in-process worker', () => {
    let site: Site;
    let other: Site;
    before(async () => {
      site = await startSite({ full: [0, 1, 2, 3, 4, 5], teasers: [6, 7, 8] });
      other = await startSite({ full: [], teasers: [] });
    });
    after(async () => {
      await site?.close();
      await other?.close();
    });

    test('good feeds are stored; 500, garbage, a redirect loop and an endless body are retried, then dead-lettered, without blocking', { timeout: 40_000 }, async () => {
      const good = await addFeed(db, `${site.base}/good.xml`, { everyMs: 3600_000, outlet: 'Test Wire' });
      // The failing feeds live on another host, so host politeness does not serialise them behind the good one.
      for (const p of ['/500.xml', '/garbage.xml', '/loop.xml', '/huge.xml']) await addFeed(db, `${other.base}${p}`, { everyMs: 3600_000 });
      const w = startWorker(db, { concurrency: 3, pollMs: 50, perHost: 2, hostDelayMs: 0, maxAttempts: 3, backoff: { baseMs: 100 }, fetch: { allowPrivate: true, maxBytes: 1024 * 1024, timeoutMs: 5000 } });
      try {
        await until(async () => (await listFeeds(db)).filter((f) => f.dead).length === 4, 30_000, 'four dead-lettered feeds');
        await until(async () => Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM articles`)).rows[0]!.n) === 9, 20_000, 'nine stored articles');
      } finally {
        await w.stop();
      }
      const feeds = new Map((await listFeeds(db)).map((f) => [new URL(f.url).pathname, f]));
      assert.equal(feeds.get('/good.xml')!.dead, false);
      assert.equal(feeds.get('/good.xml')!.items_seen, 9);
      assert.match(feeds.get('/500.xml')!.last_error!, /HTTP 500/);
      assert.match(feeds.get('/garbage.xml')!.last_error!, /SITREP_INGEST_BAD_FEED/);
      assert.match(feeds.get('/loop.xml')!.last_error!, /redirect/);
      assert.match(feeds.get('/huge.xml')!.last_error!, /SITREP_INGEST_TOO_LARGE/);
      for (const p of ['/500.xml', '/garbage.xml', '/loop.xml', '/huge.xml']) assert.equal(feeds.get(p)!.failures, 3, `${p} tried three times`);
      assert.equal(other.hits.get('/500.xml'), 3);
      // The endless body was cut off near the 1 MB limit each time, not read to its 1 GB.
      assert.ok(other.hugeBytesSent < 3 * 16 * 1024 * 1024, `${other.hugeBytesSent} bytes sent`);
      // Teaser items were fetched from their pages; full items were not.
      assert.equal(site.hits.get('/page/7.html'), 1);
      assert.equal(site.hits.get('/story/1.html'), undefined);
      const { rows } = await db.query<{ n: number; events: number; outlets: number }>(
        `SELECT count(*)::int AS n, sum(n_events)::int AS events, count(DISTINCT outlet_id)::int AS outlets FROM articles`,
      );
      assert.equal(rows[0]!.n, 9);
      assert.ok(rows[0]!.events >= 9, `${rows[0]!.events} events from nine reports of attacks`);
      assert.equal(rows[0]!.outlets, 1);
      const st = await queueStatus(db);
      const src = st.sources.find((s) => s.id === good.id)!;
      assert.equal(src.articles_1h, 9);
      assert.ok(src.lag_p95_s !== null && src.lag_p95_s >= 0);

      // The next fetch is conditional: the site answers 304 and nothing new is enqueued.
      const jobsBefore = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM jobs')).rows[0]!.n);
      await db.query('UPDATE feeds SET next_fetch_at = now() WHERE id = $1', [good.id]);
      const w2 = startWorker(db, { pollMs: 50, hostDelayMs: 0, fetch: { allowPrivate: true } });
      try {
        await until(async () => (site.conditional.get('/good.xml') ?? 0) === 1, 10_000, 'a conditional GET');
        await until(async () => Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE state <> 'done' AND feed_id = $1`, [good.id])).rows[0]!.n) === 0, 5000, 'the feed job done');
      } finally {
        await w2.stop();
      }
      assert.equal(Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM jobs')).rows[0]!.n), jobsBefore + 1, 'only the feed fetch itself');
      assert.equal(Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles')).rows[0]!.n), 9);
    });
  });
});

describe('in-process jobs on the embedded PGlite (the `sitrep serve` hook)', () => {
  test('a followed feed is fetched and stored without any worker process', { timeout: 30_000 }, async () => {
    const site = await startSite({ full: [20, 21], teasers: [22] });
    const db = await createDb({ dataDir: 'memory://' });
    try {
      await addFeed(db, `${site.base}/good.xml`, { everyMs: 3600_000 });
      const w = startInProcessWorker(db, { allowPrivate: true });
      assert.ok(w, 'PGlite runs jobs in-process');
      try {
        await until(async () => Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles')).rows[0]!.n) === 3, 20_000, 'three stored articles');
      } finally {
        await w.stop();
      }
      assert.equal((await listFeeds(db))[0]!.items_seen, 3);
    } finally {
      await db.close();
      await site.close();
    }
  });
});
