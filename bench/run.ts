/**
 * `npm run bench`: speed and memory of every part, printed as one table (never asserted by tests).
 * Sizes default to the issues' figures; `--quick` shrinks them for a smoke run (`npm run bench -- --quick`),
 * `--only extract,store,merge,queue,web` picks parts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args[args.indexOf('--only') + 1];
const only = args.includes('--only') && onlyArg ? new Set(onlyArg.split(',')) : null;
const here = path.dirname(new URL(import.meta.url).pathname);
const rows: [string, string, string][] = [];
const row = (part: string, what: string, value: string) => {
  rows.push([part, what, value]);
  process.stderr.write(`${part}: ${what} = ${value}\n`);
};
const fmt = (x: number, d = 1) => x.toLocaleString('en-US', { maximumFractionDigits: d });
const want = (p: string) => (!only || only.has(p)) && existsSync(path.join(here, `${p}.ts`));

if (want('extract')) {
  const { benchExtract } = await import('./extract.ts');
  const n = quick ? 1000 : 10_000;
  for (const w of [1, 2]) {
    const r = await benchExtract(n, w);
    row('extract --jsonl', `${fmt(n, 0)} articles, ${w} worker(s)`, `${fmt(r.articles_per_s)} articles/s, peak RSS ${fmt(r.peak_rss_mb ?? 0, 0)} MB`);
  }
}
if (want('store')) {
  const { benchStore } = await import('./store.ts');
  const r = (await benchStore({ articles: quick ? 500 : 10_000, events: quick ? 50_000 : 1_000_000 })) as Record<string, any>;
  for (const db of ['pglite', 'postgres']) {
    const x = r[db];
    if (!x) {
      row(`store (${db})`, 'skipped', 'database not reachable');
      continue;
    }
    row(`store (${db})`, `ingest ${fmt(x.ingest.articles, 0)} articles`, `${fmt(x.ingest.per_second)} articles/s`);
    for (const [q, v] of Object.entries(x.queries as Record<string, { p50: number; p95: number }>)) row(`store (${db})`, `query ${q}`, `p50 ${fmt(v.p50)} ms, p95 ${fmt(v.p95)} ms`);
    row(`store (${db})`, 'export acled-csv', `${fmt(x.export.events_per_second, 0)} events/s`);
  }
  row('store', 'peak RSS', `${fmt(r.peak_rss_mb, 0)} MB`);
}
if (want('merge')) {
  const { benchMerge } = await import('./merge.ts');
  for (const r of benchMerge(quick ? [10_000, 30_000] : [10_000, 30_000, 100_000])) {
    row('merge', `${fmt(r.size, 0)} reports`, `cluster ${fmt(r.clusterMs / 1000, 2)} s, merge ${fmt(r.mergeMs / 1000, 2)} s, ${fmt(r.events, 0)} events`);
  }
}
for (const part of ['queue', 'web']) {
  if (!want(part)) continue;
  const mod = (await import(`./${part}.ts`)) as Record<string, (o?: unknown) => Promise<Record<string, unknown>>>;
  const fn = mod[`bench${part[0]!.toUpperCase()}${part.slice(1)}`];
  if (!fn) continue;
  const r = await fn({ quick });
  for (const [k, v] of Object.entries(r)) row(part, k, typeof v === 'number' ? fmt(v, 2) : JSON.stringify(v));
}

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), 4));
console.log(['part', 'measure', 'result'].map((h, i) => h.padEnd(widths[i]!)).join('  '));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
