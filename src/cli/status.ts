import type { Command } from 'commander';
import { queueStatus } from '../queue/index.ts';
import { configFromEnv, createDb } from '../store/index.ts';

const secs = (s: number | null) => (s === null ? '-' : s < 120 ? `${s.toFixed(1)} s` : s < 7200 ? `${(s / 60).toFixed(1)} min` : `${(s / 3600).toFixed(1)} h`);

/** Register `sitrep status`. */
export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('Queue depth, throughput, failures and lag per source')
    .option('--json', 'print JSON')
    .option('--data <dir>', 'PGlite data directory (DATABASE_URL selects PostgreSQL)')
    .action(async (o: { json?: boolean; data?: string }) => {
      const db = await createDb(configFromEnv({ data: o.data }));
      try {
        const s = await queueStatus(db);
        if (o.json) {
          process.stdout.write(`${JSON.stringify(s)}\n`);
          return;
        }
        const out: string[] = ['queue (kind: ready/queued, running, retrying, done, dead)'];
        for (const d of s.depth) out.push(`  ${d.kind}: ${d.ready}/${d.queued} queued, ${d.running} running, ${d.retrying} retrying, ${d.done} done, ${d.dead} dead`);
        out.push('throughput (jobs done: last minute, per minute over 5 min, per minute over 1 h)');
        for (const t of s.throughput) out.push(`  ${t.kind}: ${t.last_1m}, ${t.per_min_5m}/min, ${t.per_min_1h}/min`);
        out.push(`failures: ${s.failures.dead} dead-lettered, ${s.failures.retrying} waiting to retry`);
        for (const f of s.failures.recent) out.push(`  ${f.state} ${f.kind} ${f.id} (attempt ${f.attempts}) ${f.key.slice(0, 80)}: ${f.last_error}`);
        out.push('sources (feed: health, last success, queued, articles in 1 h, lag fetch → stored p50/p95)');
        for (const f of s.sources) {
          const health = f.dead ? 'DEAD' : f.failures ? `failing ×${f.failures}` : 'ok';
          out.push(`  ${f.id} ${f.outlet ?? f.url}: ${health}, ${secs(f.last_ok_s_ago)} ago, ${f.queued} queued, ${f.articles_1h} articles, lag ${secs(f.lag_p50_s)}/${secs(f.lag_p95_s)}`);
          if (f.last_error) out.push(`     last error: ${f.last_error}`);
        }
        process.stdout.write(`${out.join('\n')}\n`);
      } finally {
        await db.close();
      }
    });
}
