import type { Queryable, Row } from './db.ts';

/** Postgres accepts at most 65,535 parameters per statement. */
const MAX_PARAMS = 60000;

/**
 * Insert many rows with multi-row `VALUES` statements (one row per statement is about ten times slower).
 * `suffix` is appended verbatim (`ON CONFLICT DO NOTHING`, `RETURNING id`); returned rows are concatenated.
 */
export async function insertRows(db: Queryable, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], suffix = ''): Promise<Row[]> {
  const out: Row[] = [];
  const per = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const params: unknown[] = [];
    const tuples = chunk.map((r) => `(${r.map((v) => {
      params.push(v);
      return `$${params.length}`;
    }).join(',')})`);
    const { rows: got } = await db.query(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${tuples.join(',')} ${suffix}`, params);
    out.push(...got);
  }
  return out;
}

/** JSON-encode a value for a jsonb parameter (both drivers accept text for jsonb). */
export function json(v: unknown): string | null {
  return v === undefined || v === null ? null : JSON.stringify(v);
}
