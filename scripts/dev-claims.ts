/**
 * Measure claims on the dev split: detection P/R/F1 (span overlap + same kind), number exactness (low/best/high
 * all equal on matched claims) and source accuracy (innermost name on matched claims).
 * Usage: node --import tsx scripts/dev-claims.ts [--verbose]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createContext } from '../src/core/index.ts';
import { parseTxt } from '../src/ingest/txt.ts';
import { prepareArticle } from '../src/ingest/prepare.ts';
import { defaultPipeline } from '../src/pipeline.ts';
import { sameSourceName } from '../eval/score.ts';

interface GoldClaim {
  kind: string;
  low: number | null;
  best: number | null;
  high: number | null;
  span: { start: number; end: number; text: string };
  also?: { start: number; end: number }[];
  source: { name: string | null; chain?: string[] };
}
const dir = path.resolve(process.argv.find((a) => a.startsWith('--dir='))?.slice(6) ?? 'eval/corpus/dev');
const verbose = process.argv.includes('--verbose');
let tp = 0;
let fp = 0;
let fn = 0;
let exact = 0;
let srcOk = 0;
let chainOk = 0;
const ctx = createContext();
for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
  const goldPath = path.join(dir, f.replace(/\.txt$/, '.gold.json'));
  let gold: { claims: GoldClaim[] };
  try {
    gold = JSON.parse(readFileSync(goldPath, 'utf8'));
  } catch {
    continue;
  }
  const doc = defaultPipeline().run(prepareArticle(parseTxt(readFileSync(path.join(dir, f), 'utf8'), f)), ctx);
  const used = new Set<number>();
  const ov = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  for (const g of gold.claims) {
    const gs = [g.span, ...(g.also ?? [])];
    const i = doc.claims.findIndex((c, k) => !used.has(k) && c.kind === g.kind && [c.span, ...c.also].some((s) => gs.some((x) => ov(s, x))));
    if (i < 0) {
      fn++;
      if (verbose) console.log(`${f} MISS ${g.kind} "${g.span.text}"`);
      continue;
    }
    used.add(i);
    tp++;
    const c = doc.claims[i]!;
    if (c.low === g.low && c.best === g.best && c.high === g.high) exact++;
    else if (verbose) console.log(`${f} NUM "${g.span.text}" gold ${g.low}/${g.best}/${g.high} got ${c.low}/${c.best}/${c.high}`);
    if (sameSourceName(c.source.name, g.source.name)) srcOk++;
    else if (verbose) console.log(`${f} SRC "${g.span.text}" gold ${g.source.name} got ${c.source.name}`);
    // Chains compare as the scorer does: names as written, case and spacing aside.
    const norm = (xs: readonly string[] | undefined) => JSON.stringify((xs ?? []).map((x) => x.trim().toLowerCase().replace(/\s+/g, ' ')));
    if (norm(g.source.chain) === norm(c.source.chain)) chainOk++;
    else if (verbose) console.log(`${f} CHAIN "${g.span.text}" gold ${JSON.stringify(g.source.chain)} got ${JSON.stringify(c.source.chain)}`);
  }
  doc.claims.forEach((c, k) => {
    if (used.has(k)) return;
    fp++;
    if (verbose) console.log(`${f} EXTRA ${c.kind} "${doc.text.slice(c.span.start, c.span.end)}"`);
  });
}
const p = tp / (tp + fp || 1);
const r = tp / (tp + fn || 1);
console.log(JSON.stringify({ tp, fp, fn, precision: +p.toFixed(3), recall: +r.toFixed(3), f1: +((2 * p * r) / (p + r || 1)).toFixed(3), number_exact: +(exact / (tp || 1)).toFixed(3), source_accuracy: +(srcOk / (tp || 1)).toFixed(3), chain_accuracy: +(chainOk / (tp || 1)).toFixed(3) }));
