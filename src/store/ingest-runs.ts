import type { Queryable } from './db.ts';

/** Record the start of an ingestion run; returns its id. */
export async function startRun(db: Queryable, inputs: readonly string[]): Promise<number> {
  const { rows } = await db.query<{ id: number }>('INSERT INTO ingest_runs (inputs) VALUES ($1) RETURNING id', [JSON.stringify(inputs)]);
  return Number(rows[0]!.id);
}

/** Close a run with its summary. */
export async function finishRun(db: Queryable, id: number, status: 'done' | 'failed', summary: unknown): Promise<void> {
  await db.query('UPDATE ingest_runs SET finished_at = now(), status = $2, summary = $3 WHERE id = $1', [id, status, JSON.stringify(summary)]);
}
