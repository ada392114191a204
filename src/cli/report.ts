import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { SitrepError } from '../core/index.ts';
import { draftReport, parseReportQuery, REPORT_FORMATS, type ReportFormat, renderReport } from '../report/index.ts';
import { configFromEnv, createDb } from '../store/index.ts';

/** Register `sitrep report`: a drafted situation report for a country or province and a period. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('Draft a situation report with cited figures for a country (or province) and a period')
    .requiredOption('--country <code|name>', 'ISO 3166-1 alpha-2 code (SY) or English name (Syria)')
    .option('--admin1 <name>', 'only this province / governorate / oblast')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .option('--format <format>', REPORT_FORMATS.join('|'), 'md')
    .option('--data <dir>', 'PGlite data directory (DATABASE_URL selects PostgreSQL)')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (o: Record<string, string | undefined>) => {
      const format = o.format as ReportFormat;
      if (!REPORT_FORMATS.includes(format)) throw new SitrepError('SITREP_CLI_USAGE', `--format must be one of ${REPORT_FORMATS.join(', ')}`);
      const q = parseReportQuery({ country: o.country, admin1: o.admin1, from: o.from, to: o.to }, 'SITREP_CLI_USAGE');
      const db = await createDb(configFromEnv({ data: o.data }));
      try {
        const text = renderReport(await draftReport(db, q), format);
        if (o.out) writeFileSync(o.out, text);
        else process.stdout.write(text);
      } finally {
        await db.close();
      }
    });
}
