import type { Command } from 'commander';
import { buildApp } from '../api/app.ts';
import { SitrepError } from '../core/index.ts';
import { configFromEnv, createDb } from '../store/index.ts';
import { startInProcessWorker } from '../queue/index.ts';

/** Register `sitrep serve`. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the HTTP API (and the dashboard when built) on 127.0.0.1')
    .option('--data <dir>', 'PGlite data directory (DATABASE_URL selects PostgreSQL)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port (0 picks a free one)', (v) => Number.parseInt(v, 10), 8080)
    .option('--allow-private', 'let POST /api/articles {url} fetch private and loopback addresses')
    .action(async (o: { data?: string; host: string; port: number; allowPrivate?: boolean }) => {
      if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new SitrepError('SITREP_CLI_USAGE', '--port must be 0-65535');
      const db = await createDb(configFromEnv({ data: o.data }));
      const app = await buildApp({ db, reviewToken: process.env.SITREP_REVIEW_TOKEN || null, allowPrivate: !!o.allowPrivate });
      const address = await app.listen({ host: o.host, port: o.port });
      // On the embedded PGlite the server also runs queued jobs (followed feeds); on PostgreSQL workers do.
      const jobs = startInProcessWorker(db, { allowPrivate: !!o.allowPrivate });
      // The first stdout line names the address, so scripts and tests started with --port 0 can find it.
      process.stdout.write(`sitrep serving ${address} (${db.kind}${process.env.SITREP_REVIEW_TOKEN ? ', review enabled' : ', read-only'})\n`);
      await new Promise<void>((resolve) => {
        const stop = async () => {
          await app.close();
          await jobs?.stop();
          await db.close();
          resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
