/**
 * Measure claims on the dev split: detection P/R/F1 (span overlap + same kind), number exactness (low/best/high
 * all equal on matched claims), source accuracy (innermost name on matched claims) and structure (part_of and
 * share pointing at the claim matched to the gold parent).
 * Usage: node --import tsx scripts/dev-claims.ts [--verbose] [--ablate] [--only=PREFIX]
 *
 * --ablate estimates how the dictionary generalises: each article is scored with a data/sources.json from which
 * every entry and alias written in that article and in no other dev article is removed — the data that only
 * that article can have motivated. Held-out articles meet such names for the first time, so this figure, not
 * the plain one, predicts the held-out split.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createContext } from '../src/core/index.ts';
import { parseTxt } from '../src/ingest/txt.ts';
import { prepareArticle } from '../src/ingest/prepare.ts';
import { defaultPipeline } from '../src/pipeline.ts';
import { loadSources, useSources } from '../src/resolve/sources.ts';
import { sameSourceName } from '../eval/score.ts';

interface GoldClaim {
  kind: string;
  low: number | null;
  best: number | null;
  high: number | null;
  span: { start: number; end: number; text: string };
  also?: { start: number; end: number }[];
  source: { name: string | null; chain?: string[] };
  part_of?: number | null;
  share?: { of: number; fraction: number } | null;
}
interface SourceEntry {
  name: string;
  aliases: string[];
  country_aliases?: string[];
}
const dir = path.resolve(process.argv.find((a) => a.startsWith('--dir='))?.slice(6) ?? 'eval/corpus/dev');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7) ?? '';
const verbose = process.argv.includes('--verbose');
const ablate = process.argv.includes('--ablate');
const files = readdirSync(dir).filter((x) => x.endsWith('.txt') && x.startsWith(only)).sort();
const bodies = new Map(files.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));

// Which dev articles write a dictionary string: acronyms by case, other names case-insensitively, a leading
// article optional ("the Observatory" is written "the Observatory" or "Observatory").
const sourcesFile = JSON.parse(readFileSync('data/sources.json', 'utf8')) as { sources: SourceEntry[] };
function writtenIn(alias: string): Set<string> {
  const bare = alias.replace(/^the\s+/i, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${bare}(?![\\p{L}\\p{N}])`, /^[A-Z0-9]+$/.test(alias) ? 'u' : 'iu');
  return new Set(files.filter((f) => re.test(bodies.get(f)!)));
}
const seen = new Map<string, Set<string>>();
const where = (a: string) => seen.get(a) ?? seen.set(a, writtenIn(a)).get(a)!;
const tmp = ablate ? mkdtempSync(path.join(tmpdir(), 'sitrep-ablate-')) : '';
let removedEntries = 0;
let removedAliases = 0;
/** The dictionary without what only article `f` writes, as an index. */
function ablated(f: string) {
  const onlyHere = (a: string) => {
    const w = where(a);
    return w.size === 1 && w.has(f);
  };
  const sources = sourcesFile.sources
    .filter((s) => {
      const all = [s.name, ...s.aliases, ...(s.country_aliases ?? [])];
      const used = all.filter((a) => where(a).size > 0);
      const drop = used.length > 0 && used.every(onlyHere);
      if (drop) removedEntries++;
      return !drop;
    })
    .map((s) => {
      const aliases = s.aliases.filter((a) => !onlyHere(a));
      const country_aliases = s.country_aliases?.filter((a) => !onlyHere(a));
      removedAliases += s.aliases.length - aliases.length + (s.country_aliases?.length ?? 0) - (country_aliases?.length ?? 0);
      return { ...s, aliases, ...(country_aliases ? { country_aliases } : {}) };
    });
  const p = path.join(tmp, `${f}.json`);
  writeFileSync(p, JSON.stringify({ ...sourcesFile, sources }));
  return loadSources(p);
}

let tp = 0;
let fp = 0;
let fn = 0;
let exact = 0;
let srcOk = 0;
let chainOk = 0;
// Structure (part_of / share) on gold claims that have one, and on our matched claims that have one.
let structGold = 0;
let structPred = 0;
let structOk = 0;
const ctx = createContext();
for (const f of files) {
  const goldPath = path.join(dir, f.replace(/\.txt$/, '.gold.json'));
  let gold: { claims: GoldClaim[] };
  try {
    gold = JSON.parse(readFileSync(goldPath, 'utf8'));
  } catch {
    continue;
  }
  // The scorer compares names through the full dictionary, so only the pipeline sees the reduced one.
  if (ablate) useSources(ablated(f));
  const doc = defaultPipeline().run(prepareArticle(parseTxt(bodies.get(f)!, f)), ctx);
  if (ablate) useSources(null);
  const used = new Set<number>();
  const matchOf = new Map<number, number>();
  const ov = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  for (const [gi, g] of gold.claims.entries()) {
    const gStruct = (g.part_of ?? null) !== null || !!g.share;
    if (gStruct) structGold++;
    const gs = [g.span, ...(g.also ?? [])];
    const i = doc.claims.findIndex((c, k) => !used.has(k) && c.kind === g.kind && [c.span, ...c.also].some((s) => gs.some((x) => ov(s, x))));
    if (i < 0) {
      fn++;
      if (verbose) console.log(`${f} MISS ${g.kind} "${g.span.text}"`);
      continue;
    }
    used.add(i);
    matchOf.set(gi, i);
    tp++;
    const c = doc.claims[i]!;
    // A part or share is right when it points at the claim matched to the gold parent, with the same fraction.
    const pStruct = c.part_of !== null || c.share !== null;
    if (pStruct) structPred++;
    const okPart = (g.part_of ?? null) === null ? c.part_of === null : c.part_of === matchOf.get(g.part_of!);
    const okShare = !g.share ? c.share === null : !!c.share && c.share.of === matchOf.get(g.share.of) && Math.abs(c.share.fraction - g.share.fraction) < 0.01;
    if ((gStruct || pStruct) && okPart && okShare) structOk++;
    else if ((gStruct || pStruct) && verbose) console.log(`${f} STRUCT "${g.span.text}" gold part_of=${g.part_of ?? null} share=${JSON.stringify(g.share ?? null)} got part_of=${c.part_of} share=${JSON.stringify(c.share)}`);
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
const extra = ablate ? { ablated_entries: removedEntries, ablated_aliases: removedAliases } : {};
console.log(JSON.stringify({ tp, fp, fn, precision: +p.toFixed(3), recall: +r.toFixed(3), f1: +((2 * p * r) / (p + r || 1)).toFixed(3), number_exact: +(exact / (tp || 1)).toFixed(3), source_accuracy: +(srcOk / (tp || 1)).toFixed(3), chain_accuracy: +(chainOk / (tp || 1)).toFixed(3), structure_precision: +(structOk / (structPred || 1)).toFixed(3), structure_recall: +(structOk / (structGold || 1)).toFixed(3), ...extra }));
