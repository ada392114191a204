/**
 * `npm run eval`: run the extractor over the annotated corpus and print per-field metrics per split, write
 * them to eval/report.json, and print the difference from the last committed report.
 * Options: `--split dev|test`, `--conflict NAME`, `--no-write`, `--details FILE` (per-article predictions).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createContext, toOutput } from '../src/core/index.ts';
import { prepareArticle } from '../src/ingest/prepare.ts';
import { defaultPipeline } from '../src/pipeline.ts';
import { loadCorpus } from './corpus.ts';
import { metrics, scoreClaims, scoreEvents, scorePlaces, scoreTimes, type Tally } from './score.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const here = path.dirname(new URL(import.meta.url).pathname);
const reportPath = path.join(here, 'report.json');

/** Evaluate one split (optionally one conflict); returns the metrics. */
export function evaluate(split: 'dev' | 'test', conflict?: string, details?: unknown[]): Record<string, number | null> {
  const items = loadCorpus([split]).filter((c) => !conflict || c.gold.conflict === conflict);
  const t: Tally = { articles: items.length };
  const errors: number[] = [];
  const ctx = createContext();
  for (const item of items) {
    const doc = defaultPipeline().run(prepareArticle(item.raw), ctx);
    const out = toOutput(doc) as Record<string, unknown[]>;
    scoreClaims(item.gold.claims ?? [], out.claims ?? [], t);
    scorePlaces(item.gold.places ?? [], out.places ?? [], t, errors);
    scoreTimes(item.gold.times ?? [], out.times ?? [], t);
    scoreEvents(item.gold.events ?? [], out.events ?? [], t);
    details?.push({ id: item.id, claims: out.claims, places: out.places, times: out.times, events: out.events });
  }
  return metrics(t, errors);
}

function lastCommitted(): Record<string, Record<string, number | null>> | null {
  try {
    return JSON.parse(execFileSync('git', ['show', 'HEAD:eval/report.json'], { cwd: path.dirname(here), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })).splits;
  } catch {
    return null;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('run-eval.ts')) {
  const started = Date.now();
  const splits = (opt('--split') ? [opt('--split')] : ['dev', 'test']) as ('dev' | 'test')[];
  const details: unknown[] = [];
  const result: Record<string, Record<string, number | null>> = {};
  for (const s of splits) result[s] = evaluate(s, opt('--conflict'), opt('--details') ? details : undefined);
  const prev = lastCommitted();
  const keys = Object.keys(result[splits[0]!]!);
  const fmt = (v: number | null | undefined) => (v == null ? '—' : String(v));
  const delta = (a: number | null | undefined, b: number | null | undefined) => (typeof a === 'number' && typeof b === 'number' && a !== b ? `${a > b ? '+' : ''}${Math.round((a - b) * 1000) / 1000}` : '');
  const rows = [['metric', ...splits.flatMap((s) => [s, `Δ${s}`])]];
  for (const k of keys) rows.push([k, ...splits.flatMap((s) => [fmt(result[s]![k]), delta(result[s]![k], prev?.[s]?.[k])])]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  '));
  console.log(prev ? '(Δ = change from the report in the last commit)' : '(no committed report to compare with)');
  console.log(`evaluated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!args.includes('--no-write') && !opt('--conflict') && splits.length === 2) writeFileSync(reportPath, `${JSON.stringify({ splits: result }, null, 2)}\n`);
  if (opt('--details')) writeFileSync(opt('--details')!, JSON.stringify(details, null, 1));
}
