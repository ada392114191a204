import type { Command } from 'commander';
import { SitrepError } from '../core/index.ts';
import { parseDuration, startWorker, type WorkerEvent } from '../queue/index.ts';
import { configFromEnv, createDb } from '../store/index.ts';

/** A duration option such as `30s`; a bad value is a usage error. */
function duration(name: string): (v: string) => number {
  return (v) => {
    const ms = parseDuration(v);
    if (ms === null) throw new SitrepError('SITREP_CLI_USAGE', `${name}: "${v}" is not a duration like 30s or 10m`);
    return ms;
  };
}

/** A positive integer option. */
function count(name: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new SitrepError('SITREP_CLI_USAGE', `${name} must be a positive integer`);
    return n;
  };
}

/** One line per job event on stdout, so an operator (or a test) can follow the worker. */
function describe(e: WorkerEvent): string {
  if (e.type === 'start') return `start ${e.job.kind} ${e.job.id} attempt ${e.job.attempts}`;
  if (e.type === 'done') return `done ${e.job.kind} ${e.job.id} ${e.ms} ms ${JSON.stringify(e.result)}`;
  if (e.type === 'failed') return `failed ${e.job.kind} ${e.job.id} ${e.state}: ${e.error}`;
  return `error ${e.error}`;
}

/** Register `sitrep worker`. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('Run queued jobs (feed fetches, pages, extraction and storage) until SIGTERM; run as many as you like against one DATABASE_URL')
    .option('--data <dir>', 'PGlite data directory (DATABASE_URL selects PostgreSQL, the normal case)')
    .option('--concurrency <n>', 'jobs run at once in this process', count('--concurrency'), 2)
    .option('--lease <duration>', 'visibility timeout: a job held longer by a silent worker is run again', duration('--lease'), 60_000)
    .option('--poll <duration>', 'wait between polls of an empty queue', duration('--poll'), 1000)
    .option('--backoff <duration>', 'first retry delay (doubles per attempt, with jitter)', duration('--backoff'), 30_000)
    .option('--max-attempts <n>', 'attempts before a job (or a feed) is dead-lettered', count('--max-attempts'), 5)
    .option('--per-host <n>', 'fetches of one host at once across all workers', count('--per-host'), 1)
    .option('--host-delay <duration>', 'spacing between two fetches of one host', duration('--host-delay'), 1000)
    .option('--timeout <duration>', 'timeout of one fetch', duration('--timeout'), 15_000)
    .option('--max-bytes <n>', 'largest body fetched; longer ones are cut off and the job fails', count('--max-bytes'), 10 * 1024 * 1024)
    .option('--allow-private', 'allow fetching loopback and private addresses')
    .option('--quiet', 'print nothing per job')
    .action(async (o: { data?: string; concurrency: number; lease: number; poll: number; backoff: number; maxAttempts: number; perHost: number; hostDelay: number; timeout: number; maxBytes: number; allowPrivate?: boolean; quiet?: boolean }) => {
      const db = await createDb(configFromEnv({ data: o.data }));
      const w = startWorker(db, {
        concurrency: o.concurrency,
        leaseMs: o.lease,
        pollMs: o.poll,
        backoff: { baseMs: o.backoff },
        maxAttempts: o.maxAttempts,
        perHost: o.perHost,
        hostDelayMs: o.hostDelay,
        fetch: { allowPrivate: !!o.allowPrivate, timeoutMs: o.timeout, maxBytes: o.maxBytes },
        onEvent: o.quiet ? undefined : (e) => process.stdout.write(`${describe(e)}\n`),
      });
      process.stdout.write(`worker ${w.id} started (${db.kind}, concurrency ${o.concurrency})\n`);
      // SIGTERM (systemd, Kubernetes, docker stop) lets the jobs in hand finish, then exits 0.
      const stop = () => void w.stop();
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      const stats = await w.finished;
      await db.close();
      process.stdout.write(`worker ${w.id} stopped: ${stats.done} done, ${stats.failed} failed\n`);
    });
}
