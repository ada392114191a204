import type { Command } from 'commander';
import { SitrepError } from '../core/index.ts';
import { configFromEnv, createDb, type DecisionResult, mergeEvents, splitEvent } from '../store/index.ts';

function print(res: DecisionResult | null, what: string): void {
  if (!res) throw new SitrepError('SITREP_API_NOT_FOUND', what);
  for (const e of res.events) process.stdout.write(`${e.id}\t${e.reports.join(',')}\n`);
}

/** Register `sitrep events split|merge`: analyst corrections of merging, kept for every later merge. */
export function registerEvents(program: Command): void {
  const events = program.command('events').description('Correct merged events: split reports out of one, or merge two');
  events
    .command('split <event>')
    .description('Move reports into a new event; they never rejoin the reports left behind')
    .requiredOption('--reports <ids>', 'comma-separated report ids (see GET /api/events/:id, reports[].report_ids)')
    .option('--reviewer <name>', 'who decided (audit log)', process.env.USER || 'analyst')
    .option('--data <dir>', 'PGlite data directory (DATABASE_URL selects PostgreSQL)')
    .action(async (id: string, o: { reports: string; reviewer: string; data?: string }) => {
      const reports = o.reports.split(',').map((s) => s.trim()).filter(Boolean);
      if (!reports.length) throw new SitrepError('SITREP_CLI_USAGE', '--reports needs at least one report id');
      const db = await createDb(configFromEnv({ data: o.data }));
      try {
        print(await splitEvent(db, id, reports, o.reviewer), `event ${id}`);
      } finally {
        await db.close();
      }
    });
  events
    .command('merge <eventA> <eventB>')
    .description('Merge event B into event A (A keeps its id); later merges keep them together')
    .option('--reviewer <name>', 'who decided (audit log)', process.env.USER || 'analyst')
    .option('--data <dir>', 'PGlite data directory (DATABASE_URL selects PostgreSQL)')
    .action(async (a: string, b: string, o: { reviewer: string; data?: string }) => {
      const db = await createDb(configFromEnv({ data: o.data }));
      try {
        print(await mergeEvents(db, a, b, o.reviewer), `event ${a} or ${b}`);
      } finally {
        await db.close();
      }
    });
}
