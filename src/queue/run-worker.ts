import { hostname } from 'node:os';
import { createContext } from '../core/index.ts';
import type { FetchOptions } from '../ingest/fetch-url.ts';
import type { Db } from '../store/index.ts';
import type { BackoffOptions } from './backoff.ts';
import { type ClaimOptions, claimJob } from './claim-job.ts';
import { scheduleDueFeeds } from './feeds.ts';
import { completeJob, failJob, pruneDoneJobs, renewLease } from './finish-job.ts';
import { handleJob, PermanentJobError, recordFeedFailure } from './handle-job.ts';
import type { Job } from './job.ts';

/** What a worker reports as it goes (the CLI prints these; tests watch them). */
export type WorkerEvent =
  | { readonly type: 'start'; readonly job: Job }
  | { readonly type: 'done'; readonly job: Job; readonly result: unknown; readonly ms: number }
  | { readonly type: 'failed'; readonly job: Job; readonly error: string; readonly state: 'retry' | 'dead' | 'lost' }
  | { readonly type: 'error'; readonly error: string };

/** Worker settings; every field has a production default. */
export interface WorkerOptions extends ClaimOptions {
  /** Jobs run at once in this process (fetches overlap; extraction is CPU and takes turns). */
  readonly concurrency?: number;
  /** Wait between polls when the queue is empty. */
  readonly pollMs?: number;
  readonly backoff?: BackoffOptions;
  readonly fetch?: FetchOptions;
  /** Done jobs are deleted this long after finishing (default 7 days). */
  readonly keepDoneMs?: number;
  /** Attempts before a job is dead-lettered (feeds: before the feed is). */
  readonly maxAttempts?: number;
  readonly workerId?: string;
  readonly onEvent?: (e: WorkerEvent) => void;
}

/**
 * An error message fit for a text column: messages quote untrusted input ("starts \"\u0000\u0007…\"" for a feed
 * that answers random bytes), and PostgreSQL rejects NUL in text, which would leave the job running until its
 * lease expired. Control characters become spaces and the message is capped.
 */
export function storableError(message: string): string {
  return message.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ud800-\udfff]/g, ' ').slice(0, 2000);
}

/** A running worker: `stop()` lets the jobs in hand finish, then resolves with counts. */
export interface WorkerHandle {
  readonly id: string;
  stop(): Promise<WorkerStats>;
  /** Resolves when every loop has ended. */
  readonly finished: Promise<WorkerStats>;
}

/** Counts of what a worker did. */
export interface WorkerStats {
  done: number;
  failed: number;
}

/**
 * Start a worker on `db`: `concurrency` loops, each claiming a job, running it with a lease renewed by a
 * heartbeat, and marking it done or failed. Loops also enqueue due feeds (idempotent, so any number of
 * workers may). Returns at once; the loops run until `stop()`.
 */
export function startWorker(db: Db, opts: WorkerOptions = {}): WorkerHandle {
  const id = opts.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const leaseMs = opts.leaseMs ?? 60_000;
  const pollMs = opts.pollMs ?? 1000;
  const maxAttempts = opts.maxAttempts ?? 5;
  const emit = opts.onEvent ?? (() => {});
  const ctx = { db, stage: createContext(), fetch: { timeoutMs: 15_000, maxBytes: 10 * 1024 * 1024, ...opts.fetch }, maxAttempts };
  const stats: WorkerStats = { done: 0, failed: 0 };
  let stopping = false;
  const wakers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        wakers.delete(done);
        resolve();
      }
      wakers.add(done);
    });
  let lastSchedule = 0;
  let lastPrune = 0;

  async function runOne(job: Job): Promise<void> {
    emit({ type: 'start', job });
    const t0 = Date.now();
    // A heartbeat keeps the lease while a slow fetch streams; extraction blocks the event loop, so the lease
    // must outlast the slowest single article (tens of milliseconds against a 60 s default).
    const beat = setInterval(() => void renewLease(db, job, leaseMs).catch(() => {}), Math.max(100, Math.floor(leaseMs / 3)));
    try {
      const result = await handleJob(job, ctx);
      if (await completeJob(db, job, result)) stats.done++;
      emit({ type: 'done', job, result, ms: Date.now() - t0 });
    } catch (e) {
      const error = storableError((e as Error).message);
      const out = await failJob(db, job, error, { ...opts.backoff, permanent: e instanceof PermanentJobError });
      if (job.kind === 'feed' && job.feedId !== null && out.state !== 'lost') await recordFeedFailure(db, job.feedId, error, out.state === 'dead');
      stats.failed++;
      emit({ type: 'failed', job, error, state: out.state });
    } finally {
      clearInterval(beat);
    }
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      try {
        if (Date.now() - lastSchedule >= pollMs) {
          lastSchedule = Date.now();
          await scheduleDueFeeds(db, maxAttempts);
        }
        if (Date.now() - lastPrune >= 3600_000) {
          lastPrune = Date.now();
          await pruneDoneJobs(db, opts.keepDoneMs ?? 7 * 86_400_000);
        }
        const job = await claimJob(db, id, opts);
        if (job) await runOne(job);
        else if (!stopping) await sleep(pollMs);
      } catch (e) {
        // The database went away for a moment: report, wait, try again rather than crash the worker.
        emit({ type: 'error', error: (e as Error).message });
        if (!stopping) await sleep(pollMs);
      }
    }
  }

  const finished = Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 1) }, loop)).then(() => stats);
  return {
    id,
    finished,
    stop() {
      stopping = true;
      for (const w of [...wakers]) w();
      return finished;
    },
  };
}
