/**
 * Queue benchmark (issue 11): `sitrep worker` processes against the local PostgreSQL. A generated corpus is
 * enqueued directly as article jobs (extract → store → merge; fetching is I/O bound and politeness-limited,
 * so it is not what sizes the workers), then drained by 1 and by 2 workers; then, with 2 workers idle, a
 * burst is enqueued at once and the lag from enqueue to stored events is measured. Each run uses a fresh
 * database, dropped afterwards. Throughput is taken from the jobs' own timestamps (first start to last
 * finish), so process start-up is not counted.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { enqueueJobs, type NewJob } from '../src/queue/index.ts';
import { createDb, type Db } from '../src/store/index.ts';
import { generateArticle } from './extract.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PG_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function admin(sql: string): Promise<void> {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Article jobs for generated stories `from`..`from+n` (a dispatch number keeps every text distinct). */
function jobs(from: number, n: number): NewJob[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const g = generateArticle(i);
    const text = `${g.text}\n(Dispatch ${i}.)`;
    return { kind: 'article', key: `article:bench-${i}`, payload: { article: { text, meta: { input: g.id, url: `https://bench.test/${i}`, published: g.published, outlet: 'Bench Wire' } }, outlet: 'Bench Wire' } };
  });
}

function startWorkers(url: string, n: number) {
  return Array.from({ length: n }, () =>
    spawn(process.execPath, ['bin/sitrep.mjs', 'worker', '--quiet', '--concurrency', '1', '--poll', '50ms'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: 'ignore' }),
  );
}

async function waitDrained(db: Db, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE state IN ('queued', 'running')`);
    if (Number(rows[0]!.n) === 0) return;
    await sleep(250);
  }
  throw new Error('queue not drained in time');
}

/** Drain `n` article jobs with `workers` processes: articles per second (from the jobs' timestamps) and database bytes per article. */
async function drain(n: number, workers: number): Promise<{ perSecond: number; bytesPerArticle: number }> {
  const name = `sitrep_bench_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  const db = await createDb({ databaseUrl: u.href });
  const procs: ReturnType<typeof startWorkers> = [];
  const size = async () => Number((await db.query<{ b: number }>('SELECT pg_database_size(current_database())::float8 AS b')).rows[0]!.b);
  try {
    const empty = await size();
    for (let i = 0; i < n; i += 500) await enqueueJobs(db, jobs(i, Math.min(500, n - i)));
    procs.push(...startWorkers(u.href, workers));
    await waitDrained(db, 30 * 60_000);
    const { rows } = await db.query<{ s: number; done: number }>(`SELECT extract(epoch FROM max(finished_at) - min(started_at))::float8 AS s, count(*)::int AS done FROM jobs WHERE state = 'done'`);
    await db.query('VACUUM ANALYZE');
    return { perSecond: Number(rows[0]!.done) / Number(rows[0]!.s), bytesPerArticle: ((await size()) - empty) / n };
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.on('exit', r)))));
    await db.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

/** Enqueue a burst at once into idle workers; lag from enqueue to stored (p50, p95, max) in seconds. */
async function burst(n: number, workers: number): Promise<{ p50: number; p95: number; max: number; seconds: number }> {
  const name = `sitrep_bench_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  const db = await createDb({ databaseUrl: u.href });
  const procs = startWorkers(u.href, workers);
  try {
    await sleep(6000); // let the workers load the gazetteer and start polling
    await enqueueJobs(db, jobs(1_000_000, n));
    await waitDrained(db, 10 * 60_000);
    const { rows } = await db.query<{ p50: number; p95: number; max: number; seconds: number }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - created_at))::float8 AS p50,
         percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - created_at))::float8 AS p95,
         max(extract(epoch FROM finished_at - created_at))::float8 AS max,
         extract(epoch FROM max(finished_at) - min(created_at))::float8 AS seconds FROM jobs WHERE state = 'done'`,
    );
    return rows[0]!;
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.on('exit', r)))));
    await db.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

/** `npm run bench` entry: throughput with 1 and 2 workers, and burst lag; skipped without PostgreSQL. */
export async function benchQueue(o: { quick?: boolean } = {}): Promise<Record<string, unknown>> {
  try {
    await admin('SELECT 1');
  } catch {
    return { skipped: `PostgreSQL not reachable at ${PG_URL}` };
  }
  const n = o.quick ? 300 : 2000;
  const burstN = o.quick ? 100 : 500;
  const one = await drain(n, 1);
  const two = await drain(n, 2);
  const b = await burst(burstN, 2);
  return {
    [`articles/s, 1 worker (${n} articles)`]: one.perSecond,
    [`articles/s, 2 workers (${n} articles)`]: two.perSecond,
    ['database KB per stored article (incl. done job row)']: two.bytesPerArticle / 1024,
    [`burst of ${burstN}, 2 workers: lag p50 s`]: b.p50,
    [`burst of ${burstN}, 2 workers: lag p95 s`]: b.p95,
    [`burst of ${burstN}, 2 workers: lag max s`]: b.max,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await benchQueue({ quick: process.argv.includes('--quick') }));
