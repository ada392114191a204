import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { createContext } from '../core/index.ts';
import { recordToArticle } from '../ingest/json.ts';
import { type InputItem, readInputs } from '../ingest/read-inputs.ts';
import { configFromEnv, createDb, finishRun, type IngestOutcome, ingestArticle, readUrl, startRun } from '../store/index.ts';

/** Counts printed at the end of an ingestion run (and as JSON with --json). */
export interface IngestSummary {
  run_id: number;
  articles: { new: number; updated: number; unchanged: number; failed: number };
  claims: number;
  events: number;
  failures: { input: string; code: string; message: string }[];
  seconds: number;
}

/** JSON Lines read line by line, so a large file ingests in constant memory. */
async function* readJsonl(file: string): AsyncGenerator<InputItem> {
  const rl = createInterface({ input: file === '-' ? process.stdin : createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    const where = `${file}:${n}`;
    try {
      const a = recordToArticle(JSON.parse(line), where);
      yield 'code' in a ? { ok: false, input: where, diagnostic: a } : { ok: true, article: a };
    } catch (e) {
      yield { ok: false, input: where, diagnostic: { code: 'SITREP_INGEST_BAD_JSON', severity: 'error', message: `${where}: ${(e as Error).message}`, stage: 'ingest' } };
    }
  }
}

/** Every input as articles: URLs fetched politely, files and folders read, or JSON Lines streamed. */
async function* inputs(paths: string[], o: { jsonl?: boolean; allowPrivate?: boolean }): AsyncGenerator<InputItem> {
  for (const p of paths) {
    if (/^https?:\/\//i.test(p)) yield* await readUrl(p, { allowPrivate: o.allowPrivate });
    else if (o.jsonl) yield* readJsonl(p);
    else yield* readInputs([p]);
  }
}

/** Ingest paths and URLs into the database; returns the summary. */
export async function ingest(paths: string[], o: { data?: string; jsonl?: boolean; allowPrivate?: boolean; published?: string; outlet?: string; progress?: boolean }): Promise<IngestSummary> {
  const t0 = Date.now();
  const db = await createDb(configFromEnv({ data: o.data }));
  const runId = await startRun(db, paths);
  const s: IngestSummary = { run_id: runId, articles: { new: 0, updated: 0, unchanged: 0, failed: 0 }, claims: 0, events: 0, failures: [], seconds: 0 };
  const ctx = createContext();
  const tick = () => {
    if (!o.progress) return;
    const a = s.articles;
    process.stderr.write(`\r\x1b[Kingest: ${a.new + a.updated + a.unchanged + a.failed} articles (${a.new} new, ${a.updated} updated, ${a.unchanged} unchanged, ${a.failed} failed), ${s.events} events`);
  };
  let status: 'done' | 'failed' = 'done';
  try {
    for await (const item of inputs(paths, o)) {
      let r: IngestOutcome;
      if (!item.ok) r = { ok: false, input: item.input, code: item.diagnostic.code, message: item.diagnostic.message };
      else r = await ingestArticle(db, item.article, ctx, { runId, published: o.published ?? null, outlet: o.outlet ?? null });
      if (r.ok) {
        s.articles[r.status]++;
        s.claims += r.claims;
        s.events += r.events;
      } else {
        s.articles.failed++;
        s.failures.push({ input: r.input, code: r.code, message: r.message });
      }
      tick();
    }
  } catch (e) {
    status = 'failed';
    throw e;
  } finally {
    s.seconds = (Date.now() - t0) / 1000;
    if (o.progress) process.stderr.write('\n');
    await finishRun(db, runId, status, s).catch(() => {});
    await db.close();
  }
  return s;
}

/** Register `sitrep ingest`. */
export function registerIngest(program: Command, setExit: (code: number) => void): void {
  program
    .command('ingest')
    .description('Run the pipeline on files, folders, JSON Lines or URLs and store articles, claims and events')
    .argument('<inputs...>', 'files, directories or http(s) URLs (with --jsonl: JSON Lines files or - for stdin)')
    .option('--data <dir>', 'PGlite data directory (default $XDG_DATA_HOME/sitrep; DATABASE_URL selects PostgreSQL)')
    .option('--jsonl', 'inputs are JSON Lines {id, text, title?, published?, outlet?, url?}')
    .option('--json', 'print the summary as JSON on stdout')
    .option('--allow-private', 'allow fetching loopback and private addresses')
    .option('--published <date>', 'publication date for every article')
    .option('--outlet <name>', 'outlet name for every article')
    .action(async (paths: string[], o: { data?: string; jsonl?: boolean; json?: boolean; allowPrivate?: boolean; published?: string; outlet?: string }) => {
      const s = await ingest(paths, { ...o, progress: !!process.stderr.isTTY && !o.json });
      if (o.json) process.stdout.write(`${JSON.stringify(s)}\n`);
      else {
        for (const f of s.failures) process.stderr.write(`${f.code} ${f.message}\n`);
        const a = s.articles;
        process.stdout.write(`articles: ${a.new} new, ${a.updated} updated, ${a.unchanged} unchanged, ${a.failed} failed; claims: ${s.claims}; events: ${s.events} (${s.seconds.toFixed(1)} s)\n`);
      }
      if (s.articles.failed) setExit(1);
    });
}
