import { readdirSync, readFileSync } from 'node:fs';
import type { Db } from './db.ts';

const DIR = new URL('./migrations/', import.meta.url);

/** The ordered migration files (`001_init.sql`, `002_…`). */
export function migrationFiles(): string[] {
  return readdirSync(DIR)
    .filter((f) => /^\d+_.*\.sql$/.test(f))
    .sort();
}

/**
 * Apply every migration not yet recorded, each in its own transaction. A lock row serialises concurrent
 * starters on PostgreSQL (two `sitrep ingest` processes racing to create the tables).
 */
export async function migrate(db: Db): Promise<string[]> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  const applied: string[] = [];
  for (const file of migrationFiles()) {
    const sql = readFileSync(new URL(file, DIR), 'utf8');
    const done = await db.transaction(async (tx) => {
      if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(7270010)');
      const { rows } = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [file]);
      if (rows.length) return false;
      for (const stmt of splitSql(sql)) await tx.query(stmt);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [file]);
      return true;
    });
    if (done) applied.push(file);
  }
  return applied;
}

/** Split a migration into statements on `;` at line ends (migrations contain no functions with bodies). */
export function splitSql(sql: string): string[] {
  return sql
    .replace(/--[^\n]*/g, '')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
