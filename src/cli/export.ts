import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { SitrepError } from '../core/index.ts';
import { configFromEnv, createDb, EXPORT_FORMATS, type EventFilters, type ExportFormat, exportEvents, parseBbox } from '../store/index.ts';

/** Register `sitrep export`. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('Export events as ACLED-style CSV, GeoJSON, JSON Lines (with provenance) or CSV, streaming')
    .requiredOption('--format <format>', EXPORT_FORMATS.join('|'))
    .option('--data <dir>', 'PGlite data directory (DATABASE_URL selects PostgreSQL)')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--from <date>', 'events on or after YYYY-MM-DD')
    .option('--to <date>', 'events on or before YYYY-MM-DD')
    .option('--country <name>')
    .option('--admin1 <name>')
    .option('--event-type <type>')
    .option('--sub-event-type <type>')
    .option('--actor <name>')
    .option('--min-fatalities <n>', 'at least this many fatalities', (v) => Number.parseInt(v, 10))
    .option('--bbox <minLon,minLat,maxLon,maxLat>')
    .option('--q <text>', 'full-text query over notes and article text')
    .option('--source <name>')
    .option('--review-status <status>')
    .option('--reviewed-only', 'only accepted or edited events')
    .action(async (o: Record<string, string | number | boolean | undefined>) => {
      const format = o.format as ExportFormat;
      if (!EXPORT_FORMATS.includes(format)) throw new SitrepError('SITREP_CLI_USAGE', `--format must be one of ${EXPORT_FORMATS.join(', ')}`);
      if (o.bbox && !parseBbox(String(o.bbox))) throw new SitrepError('SITREP_CLI_USAGE', '--bbox must be minLon,minLat,maxLon,maxLat');
      const f: EventFilters = {
        from: o.from as string, to: o.to as string, country: o.country as string, admin1: o.admin1 as string, event_type: o.eventType as string,
        sub_event_type: o.subEventType as string, actor: o.actor as string, min_fatalities: (o.minFatalities as number) ?? null, bbox: o.bbox as string,
        q: o.q as string, source: o.source as string, review_status: o.reviewStatus as string, reviewed_only: !!o.reviewedOnly,
      };
      const db = await createDb(configFromEnv({ data: o.data as string }));
      const out = o.out ? createWriteStream(String(o.out)) : process.stdout;
      try {
        for await (const chunk of exportEvents(db, format, f)) if (!out.write(chunk)) await once(out, 'drain');
      } finally {
        await db.close();
        if (o.out) await new Promise((r) => (out as ReturnType<typeof createWriteStream>).end(r));
      }
    });
}
