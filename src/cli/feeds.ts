import type { Command } from 'commander';
import { SitrepError } from '../core/index.ts';
import { addFeed, listFeeds, parseDuration, removeFeed } from '../queue/index.ts';
import { configFromEnv, createDb, type Db } from '../store/index.ts';

/** Open the database, run `fn`, close it. */
async function withDb<T>(data: string | undefined, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await createDb(configFromEnv({ data }));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const dataOpt = ['--data <dir>', 'PGlite data directory (DATABASE_URL selects PostgreSQL)'] as const;

/** Register `sitrep feeds add|list|remove`. */
export function registerFeeds(program: Command, setExit: (code: number) => void): void {
  const feeds = program.command('feeds').description('Feeds to follow: workers (or `sitrep serve` on PGlite) fetch them on schedule');
  feeds
    .command('add')
    .description('Follow an RSS or Atom feed (re-adding a dead-lettered feed revives it)')
    .argument('<url>', 'feed URL')
    .option('--every <duration>', 'how often to fetch it, e.g. 10m', '10m')
    .option('--outlet <name>', 'outlet name for its articles (default: the feed title)')
    .option(...dataOpt)
    .action(async (url: string, o: { every: string; outlet?: string; data?: string }) => {
      const every = parseDuration(o.every);
      if (!every || every < 1000) throw new SitrepError('SITREP_CLI_USAGE', `--every: "${o.every}" is not a duration of at least 1s`);
      const f = await withDb(o.data, (db) => addFeed(db, url, { everyMs: every, outlet: o.outlet ?? null }));
      process.stdout.write(`feed ${f.id} ${f.url} every ${f.every_s} s${f.outlet ? ` as ${f.outlet}` : ''}\n`);
    });
  feeds
    .command('list')
    .description('Followed feeds with their health; dead-lettered feeds show their last error')
    .option('--json', 'print JSON')
    .option(...dataOpt)
    .action(async (o: { json?: boolean; data?: string }) => {
      const rows = await withDb(o.data, listFeeds);
      if (o.json) {
        process.stdout.write(`${JSON.stringify(rows)}\n`);
        return;
      }
      for (const f of rows) {
        const state = f.dead ? 'DEAD' : f.failures ? `failing (${f.failures})` : f.last_ok_at ? 'ok' : 'new';
        process.stdout.write(`${f.id}\t${state}\t${f.url}\tevery ${f.every_s} s\t${f.items_seen} items${f.outlet ? `\t${f.outlet}` : ''}\n`);
        if (f.last_error) process.stdout.write(`\tlast error: ${f.last_error}\n`);
      }
      const dead = rows.filter((f) => f.dead);
      if (dead.length) process.stdout.write(`dead letters: ${dead.length} feed(s); fix the source and \`sitrep feeds add URL\` again to retry\n`);
    });
  feeds
    .command('remove')
    .description('Stop following a feed (by id or URL); stored articles stay')
    .argument('<feed>', 'feed id or URL')
    .option(...dataOpt)
    .action(async (feed: string, o: { data?: string }) => {
      const ok = await withDb(o.data, (db) => removeFeed(db, feed));
      if (ok) process.stdout.write(`removed ${feed}\n`);
      else {
        process.stderr.write(`SITREP_CLI_USAGE no followed feed ${feed}\n`);
        setExit(1);
      }
    });
}
