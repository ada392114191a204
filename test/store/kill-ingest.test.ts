import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { createDb, type Db, dropSchema } from '../../src/store/index.ts';
import { PG_URL, pgReachable } from './helpers.ts';

const child = new URL('./ingest-child.ts', import.meta.url).pathname;

/** Run the child until it has committed `after` articles, then SIGKILL it. */
function runAndKill(config: object, count: number, after: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, JSON.stringify(config), String(count)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let seen = 0;
    p.stdout.on('data', (b: Buffer) => {
      seen += (b.toString().match(/stored/g) ?? []).length;
      if (seen >= after) p.kill('SIGKILL');
    });
    p.on('exit', (code, sig) => (sig === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code} before being killed`))));
  });
}

/** No half-written article: every article's derived rows match the counts written in the same transaction. */
async function assertConsistent(db: Db): Promise<number> {
  const { rows } = await db.query<{ id: number; n_claims: number; claims: number; n_events: number; events: number; merged: number }>(
    `SELECT a.id, a.n_claims, (SELECT count(*)::int FROM claims c WHERE c.article_id = a.id) AS claims, a.n_events,
       (SELECT count(*)::int FROM extracted_events x WHERE x.article_id = a.id) AS events,
       (SELECT count(*)::int FROM event_articles ea WHERE ea.article_id = a.id) AS merged FROM articles a`,
  );
  for (const r of rows) {
    assert.equal(r.claims, r.n_claims, `article ${r.id} claims`);
    assert.equal(r.events, r.n_events, `article ${r.id} events`);
    assert.equal(r.merged, r.n_events, `article ${r.id} merged events`);
  }
  return rows.length;
}

const pg = await pgReachable();
const cases = [
  { name: 'pglite', skip: false as string | false, make: () => ({ config: { dataDir: mkdtempSync(path.join(os.tmpdir(), 'sitrep-kill-')) }, done: async (c: { dataDir: string }) => rmSync(c.dataDir, { recursive: true, force: true }) }) },
  { name: 'postgres', skip: pg || process.env.CI === 'true' ? false : 'PostgreSQL not reachable', make: () => ({ config: { databaseUrl: PG_URL, schema: `sitrep_kill_${randomBytes(5).toString('hex')}` }, done: async (c: { schema: string }) => dropSchema(PG_URL, c.schema) }) },
];

describe('kill -9 during ingestion', () => {
  for (const c of cases) {
    test(`leaves no half-written article (${c.name})`, { skip: c.skip, timeout: 120_000 }, async () => {
      const { config, done } = c.make();
      try {
        await runAndKill(config, 200, 8);
        let db = await createDb(config);
        const n = await assertConsistent(db);
        assert.ok(n >= 8 && n < 200, `${n} articles after the kill`);
        await db.close();
        // Resuming the batch stores the rest; the already stored ones are unchanged.
        await runAndKill(config, 30, 1_000_000).catch(() => {});
        db = await createDb(config);
        const m = await assertConsistent(db);
        assert.equal(m, Math.max(n, 30));
        await db.close();
      } finally {
        await done(config as never);
      }
    });
  }
});
