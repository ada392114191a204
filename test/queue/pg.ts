// A fresh PostgreSQL database per test file (workers are separate processes, so they get it through
// DATABASE_URL), dropped afterwards. Skipped with a notice when no server answers, unless CI=true.
import { randomBytes } from 'node:crypto';
import { PG_URL, pgReachable } from '../store/helpers.ts';

/** Whether to skip the PostgreSQL queue tests, printing why once. */
export async function pgSkip(): Promise<string | false> {
  if (await pgReachable()) return false;
  if (process.env.CI === 'true') return false;
  process.stderr.write(`NOTICE: PostgreSQL not reachable at ${PG_URL}; queue tests skipped\n`);
  return 'PostgreSQL not reachable';
}

async function admin(sql: string): Promise<void> {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Create a database for one test file; returns its URL and a function that drops it. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sitrep_queue_${randomBytes(5).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return { url: u.href, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
