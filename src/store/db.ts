import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SitrepError } from '../core/index.ts';
import { migrate } from './migrate.ts';

/** A row as returned by the driver: column name → value. */
export type Row = Record<string, unknown>;

/** The narrow seam every query function depends on; implemented for PGlite and for node-postgres. */
export interface Queryable {
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<{ rows: T[]; affectedRows?: number }>;
}

/** A database: queries, transactions (all-or-nothing), and closing. */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Run `fn` in one transaction; it commits when `fn` resolves and rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where the data lives: a PGlite directory (`dataDir`, `memory://` for tests) or a PostgreSQL URL. */
export interface DbConfig {
  readonly dataDir?: string | null;
  readonly databaseUrl?: string | null;
  /** PostgreSQL only: a schema to create and use (tests run each suite in a fresh one). */
  readonly schema?: string | null;
  /** Skip running migrations (the bench and tests of migrations themselves). */
  readonly skipMigrate?: boolean;
}

/** The default embedded data directory: `$XDG_DATA_HOME/sitrep` or `~/.local/share/sitrep`. */
export function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'sitrep');
}

/** Resolve CLI options and the environment into a config: `DATABASE_URL` wins unless `--data` is given. */
export function configFromEnv(opts: { data?: string | null } = {}): DbConfig {
  if (opts.data) return { dataDir: opts.data };
  if (process.env.DATABASE_URL) return { databaseUrl: process.env.DATABASE_URL };
  return { dataDir: defaultDataDir() };
}

async function openPglite(dataDir: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  // No extensions: full-text search is core Postgres, and cube/earthdistance next to pg_trgm hangs PGlite 0.5.16.
  const pg = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    query: (sql, params) => pg.query(sql, params as unknown[]) as never,
    transaction: (fn) => pg.transaction((tx) => fn({ query: (sql, params) => tx.query(sql, params as unknown[]) as never })),
    close: () => pg.close(),
  };
}

async function openPostgres(url: string, schema: string | null): Promise<Db> {
  const { default: pg } = await import('pg');
  // Dates stay `YYYY-MM-DD` strings and bigints become numbers, as PGlite returns them.
  pg.types.setTypeParser(1082, (v: string) => v);
  pg.types.setTypeParser(20, (v: string) => Number(v));
  pg.types.setTypeParser(1700, (v: string) => Number(v));
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
    await admin.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: 8, ...(schema ? { options: `-c search_path="${schema.replace(/"/g, '')}",public` } : {}) });
  const wrap = (c: { query: (s: string, p?: unknown[]) => Promise<{ rows: unknown[]; rowCount: number | null }> }): Queryable => ({
    query: async (sql, params) => {
      const r = await c.query(sql, params as unknown[]);
      return { rows: r.rows as never[], affectedRows: r.rowCount ?? 0 };
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Open the database the config names (PGlite by default) and bring its schema up to date. */
export async function createDb(config: DbConfig): Promise<Db> {
  let db: Db;
  try {
    db = config.databaseUrl ? await openPostgres(config.databaseUrl, config.schema ?? null) : await openPglite(config.dataDir ?? defaultDataDir());
  } catch (e) {
    throw new SitrepError('SITREP_DB_FAILED', (e as Error).message);
  }
  if (!config.skipMigrate) await migrate(db);
  return db;
}

/** Drop a PostgreSQL schema created for a test run. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS "${schema.replace(/"/g, '')}" CASCADE`);
  await c.end();
}
