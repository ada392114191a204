import type { Db } from '../store/index.ts';
import { startWorker, type WorkerHandle } from './run-worker.ts';

/**
 * The hook `sitrep serve` calls: on the embedded PGlite there are no separate workers, so the server runs
 * the same jobs itself, one at a time. On PostgreSQL it does nothing — `sitrep worker` processes do the work.
 */
export function startInProcessWorker(db: Db, opts: { allowPrivate?: boolean } = {}): WorkerHandle | null {
  if (db.kind !== 'pglite') return null;
  return startWorker(db, { concurrency: 1, fetch: { allowPrivate: !!opts.allowPrivate }, onEvent: (e) => e.type === 'failed' && process.stderr.write(`job ${e.job.kind} ${e.job.id} ${e.state}: ${e.error}\n`) });
}
