import { createReadStream } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Command } from 'commander';
import { createContext, toOutput } from '../core/index.ts';
import { readInputs } from '../ingest/read-inputs.ts';
import { readLines } from '../ingest/read-lines.ts';
import { prepareArticle, type PrepareOptions } from '../ingest/prepare.ts';
import { defaultPipeline } from '../pipeline.ts';
import { extractLine } from './extract-line.ts';

/** Write to stdout honouring backpressure, so a 1 GB input streams in constant memory. */
function write(s: string): Promise<void> | void {
  if (!process.stdout.write(s)) return new Promise((r) => process.stdout.once('drain', () => r()));
}

/** `extract FILE...`: one JSON document per article. Returns the exit code. */
async function extractFiles(files: string[], opts: PrepareOptions & { pretty?: boolean }): Promise<number> {
  const ctx = createContext();
  let failed = false;
  for await (const item of readInputs(files)) {
    if (!item.ok) {
      failed = true;
      process.stderr.write(`${item.diagnostic.code} ${item.diagnostic.message}\n`);
      continue;
    }
    const doc = defaultPipeline().run(prepareArticle(item.article, opts), ctx);
    if (doc.diagnostics.some((d) => d.severity === 'error')) failed = true;
    const out = toOutput(doc, { includeText: true });
    await write(`${opts.pretty ? JSON.stringify(out, null, 2) : JSON.stringify(out)}\n`);
  }
  return failed ? 1 : 0;
}

/** `extract --jsonl [FILE|-]`: one output line per input line, in order, streaming; `workers` threads when > 1. */
export async function extractJsonl(file: string, opts: PrepareOptions & { workers?: number }): Promise<number> {
  const input = file === '-' ? process.stdin : createReadStream(file);
  const rl = readLines(input);
  let failed = false;
  let lineNo = 0;
  const workers = Math.max(1, opts.workers ?? 1);
  if (workers === 1) {
    for await (const line of rl) {
      lineNo++;
      if (!line.trim()) continue;
      const r = extractLine(line, lineNo, opts);
      failed ||= r.failed;
      await write(`${r.json}\n`);
    }
    return failed ? 1 : 0;
  }
  // Ordered parallel map: batches go round-robin to worker threads; results are written by sequence number.
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./extract-worker-entry.mjs', import.meta.url), { workerData: { opts: { published: opts.published, outlet: opts.outlet } } }));
  const pending = new Map<number, { json: string; failed: boolean }[]>();
  const waiters = new Map<number, () => void>();
  let nextToWrite = 0;
  let seq = 0;
  let inFlight = 0;
  let flushing = Promise.resolve();
  const maxInFlight = workers * 4;
  let slot: (() => void) | null = null;
  for (const w of pool) {
    w.on('message', (m: { seq: number; out: { json: string; failed: boolean }[] }) => {
      pending.set(m.seq, m.out);
      flushing = flushing.then(async () => {
        while (pending.has(nextToWrite)) {
          const out = pending.get(nextToWrite)!;
          pending.delete(nextToWrite);
          for (const r of out) {
            failed ||= r.failed;
            await write(`${r.json}\n`);
          }
          waiters.get(nextToWrite)?.();
          nextToWrite++;
          inFlight--;
          slot?.();
        }
      });
    });
  }
  let batch: [number, string][] = [];
  const send = async () => {
    while (inFlight >= maxInFlight) await new Promise<void>((r) => (slot = r));
    inFlight++;
    pool[seq % workers]!.postMessage({ seq, lines: batch });
    seq++;
    batch = [];
  };
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    batch.push([lineNo, line]);
    if (batch.length >= 16) await send();
  }
  if (batch.length) await send();
  while (nextToWrite < seq) await new Promise<void>((r) => (slot = r));
  await flushing;
  await Promise.all(pool.map((w) => w.terminate()));
  return failed ? 1 : 0;
}

/** Register `sitrep extract`. */
export function registerExtract(program: Command, setExit: (code: number) => void): void {
  program
    .command('extract')
    .description('Extract claims, places, times and events; prints one JSON document per article')
    .argument('[files...]', 'files or directories (or, with --jsonl, one JSON Lines file or - for stdin)')
    .option('--published <date>', 'publication date (YYYY-MM-DD or ISO datetime) for relative dates')
    .option('--outlet <name>', 'outlet name')
    .option('--pretty', 'indent the JSON output')
    .option('--jsonl', 'read JSON Lines {id, text, title?, published?, outlet?, url?} and write one line per input line')
    .option('--workers <n>', 'worker threads for --jsonl', (v) => Number.parseInt(v, 10), 1)
    .action(async (files: string[], o: { published?: string; outlet?: string; pretty?: boolean; jsonl?: boolean; workers: number }) => {
      const opts = { published: o.published ?? null, outlet: o.outlet ?? null };
      if (o.jsonl) setExit(await extractJsonl(files[0] ?? '-', { ...opts, workers: o.workers }));
      else if (!files.length) {
        process.stderr.write('SITREP_CLI_USAGE extract needs at least one file (or --jsonl)\n');
        setExit(2);
      } else setExit(await extractFiles(files, { ...opts, pretty: o.pretty }));
    });
}
