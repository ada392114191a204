import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { addFeed } from '../../src/queue/index.ts';
import { createDb, type Db } from '../../src/store/index.ts';
import { freshDatabase, pgSkip } from './pg.ts';
import { type Site, startSite } from './site.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const skip = await pgSkip();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A `sitrep worker` process with its stdout collected line by line. */
interface Worker {
  readonly p: ChildProcess;
  readonly lines: string[];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitFor(re: RegExp, ms: number): Promise<string>;
}

function worker(url: string, extra: string[] = []): Worker {
  const p = spawn(process.execPath, ['bin/sitrep.mjs', 'worker', '--allow-private', '--poll', '100ms', '--lease', '2s', '--backoff', '200ms', '--host-delay', '0', '--per-host', '2', '--concurrency', '2', ...extra], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (l: string) => void }[] = [];
  let buf = '';
  p.stdout!.on('data', (b: Buffer) => {
    buf += b.toString();
    let i = buf.indexOf('\n');
    while (i >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      lines.push(line);
      for (const w of [...waiters]) if (w.re.test(line)) w.resolve(line);
      i = buf.indexOf('\n');
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => p.on('exit', (code, signal) => r({ code, signal })));
  return {
    p,
    lines,
    exited,
    waitFor: (re, ms) =>
      new Promise<string>((resolve, reject) => {
        const seen = lines.find((l) => re.test(l));
        if (seen) return resolve(seen);
        const t = setTimeout(() => reject(new Error(`no line matching ${re} within ${ms} ms; saw:\n${lines.join('\n')}`)), ms);
        waiters.push({ re, resolve: (l) => (clearTimeout(t), resolve(l)) });
      }),
  };
}

const count = async (db: Db, sql: string, params: unknown[] = []) => Number((await db.query<{ n: number }>(sql, params)).rows[0]!.n);

describe('worker processes sharing one PostgreSQL queue', { skip }, () => {
  let db: Db;
  let url: string;
  let drop: () => Promise<void>;
  let site: Site;
  const alive: Worker[] = [];
  before(async () => {
    const fresh = await freshDatabase();
    ({ url, drop } = fresh);
    db = await createDb({ databaseUrl: url });
    // Eighteen stories in the feed, ten of them only as teasers whose pages answer slowly, so a worker is
    // reliably in the middle of a fetch when it is killed.
    site = await startSite({ full: [...Array(8).keys()], teasers: [...Array(10).keys()].map((i) => 100 + i), pageDelayMs: 400 });
  });
  after(async () => {
    for (const w of alive) if (w.p.exitCode === null && w.p.signalCode === null) w.p.kill('SIGKILL');
    await site?.close();
    await db?.close();
    await drop?.();
  });

  test('kill -9 of one worker mid-job: every job is still done once in effect, nothing lost or duplicated', { timeout: 60_000 }, async () => {
    await addFeed(db, `${site.base}/good.xml`, { everyMs: 3600_000, outlet: 'Test Wire' });
    const a = worker(url);
    const b = worker(url);
    alive.push(a, b);
    // Whichever worker first starts a (slow) page fetch is killed in the middle of it.
    const never = new Promise<never>(() => {});
    const first = await Promise.race([a, b].map((w) => w.waitFor(/^start page \d+/, 30_000).then((line) => ({ w, line }), () => never)));
    const victim = first.w;
    const survivor = victim === a ? b : a;
    const held = Number(/^start page (\d+)/.exec(first.line)![1]);
    victim.p.kill('SIGKILL');
    assert.equal((await victim.exited).signal, 'SIGKILL');
    // The survivor finishes everything, including the page the victim held, once its lease runs out.
    const end = Date.now() + 40_000;
    while (Date.now() < end) {
      const open = await count(db, `SELECT count(*)::int AS n FROM jobs WHERE state IN ('queued', 'running')`);
      const stored = await count(db, 'SELECT count(*)::int AS n FROM articles');
      if (open === 0 && stored === 18) break;
      await sleep(200);
    }
    assert.equal(await count(db, 'SELECT count(*)::int AS n FROM articles'), 18);
    assert.equal(await count(db, 'SELECT count(DISTINCT url)::int AS n FROM articles'), 18);
    assert.equal(await count(db, `SELECT count(*)::int AS n FROM jobs WHERE state <> 'done'`), 0, 'no job lost or dead');
    assert.equal(await count(db, `SELECT count(*)::int AS n FROM jobs WHERE kind = 'article'`), 18, 'one article job per story');
    const reclaimed = await db.query<{ attempts: number; state: string }>('SELECT attempts, state FROM jobs WHERE id = $1', [held]);
    assert.equal(reclaimed.rows[0]!.state, 'done');
    assert.ok(reclaimed.rows[0]!.attempts >= 2, 'the page held by the killed worker was run again');
    // Every stored article has exactly its own events, merged once.
    const bad = await db.query(
      `SELECT a.id FROM articles a WHERE a.n_events <> (SELECT count(*) FROM extracted_events x WHERE x.article_id = a.id)
         OR a.n_events <> (SELECT count(*) FROM event_articles ea WHERE ea.article_id = a.id)`,
    );
    assert.equal(bad.rows.length, 0);
    assert.ok((await count(db, 'SELECT count(*)::int AS n FROM events')) >= 18);
    survivor.p.kill('SIGTERM');
    assert.equal((await survivor.exited).code, 0);
  });

  test('SIGTERM lets the job in hand finish, then exits 0', { timeout: 30_000 }, async () => {
    site.pageDelayMs = 1500;
    await db.query(`INSERT INTO jobs (kind, key, payload, host) VALUES ('page', 'page:term', $1, $2)`, [JSON.stringify({ url: `${site.base}/page/500.html`, outlet: 'Test Wire' }), new URL(site.base).host]);
    const w = worker(url, ['--concurrency', '1']);
    alive.push(w);
    const line = await w.waitFor(/^start page \d+/, 20_000);
    const id = /^start page (\d+)/.exec(line)![1];
    w.p.kill('SIGTERM');
    const { code } = await w.exited;
    assert.equal(code, 0);
    const done = w.lines.findIndex((l) => l.startsWith(`done page ${id} `));
    const stopped = w.lines.findIndex((l) => l.includes('stopped'));
    assert.ok(done >= 0 && stopped > done, `finished the page before stopping:\n${w.lines.join('\n')}`);
    const { rows } = await db.query<{ state: string }>(`SELECT state FROM jobs WHERE key = 'page:term'`);
    assert.equal(rows[0]!.state, 'done');
    // It took no new job after the signal: the article the page produced is still queued.
    assert.equal(await count(db, `SELECT count(*)::int AS n FROM jobs WHERE kind = 'article' AND state = 'queued'`), 1);
  });
});
