// Place recognition and resolution against the dev split's gold (a quick check while the official scorer is
// written): recognition P/R/F1 by span overlap, accuracy within 161 km and median error on matched places.
// `node --import tsx scripts/eval-places.ts [-v]`
import { createContext, createDoc } from '../src/core/index.ts';
import type { Doc, Place } from '../src/core/index.ts';
import { defaultPipeline } from '../src/pipeline.ts';
import { loadCorpus } from '../eval/corpus.ts';

const verbose = process.argv.includes('-v');
const km = (a: [number, number], b: [number, number]) => {
  const r = Math.PI / 180;
  const h = Math.sin(((b[0] - a[0]) * r) / 2) ** 2 + Math.cos(a[0] * r) * Math.cos(b[0] * r) * Math.sin(((b[1] - a[1]) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};
const ctx = createContext();
const stages = defaultPipeline().stages.filter((s) => ['language', 'sentences', 'clean', 'places'].includes(s.name));
let tp = 0;
let fp = 0;
let fn = 0;
let within = 0;
const errors: number[] = [];
for (const item of loadCorpus(['dev'])) {
  let doc: Doc = createDoc(item.raw);
  for (const s of stages) doc = s.run(doc, ctx);
  const gold = item.gold.places as { span: { start: number; end: number; text: string }; lat: number; lon: number }[];
  const used = new Set<Place>();
  for (const g of gold) {
    const p = doc.places.find((x) => !used.has(x) && x.span.start < g.span.end && g.span.start < x.span.end);
    if (!p) {
      fn++;
      if (verbose) console.log(`${item.id} MISS ${g.span.text}`);
      continue;
    }
    used.add(p);
    tp++;
    if (p.lat != null && p.lon != null) {
      const d = km([p.lat, p.lon], [g.lat, g.lon]);
      errors.push(d);
      if (d <= 161) within++;
      else if (verbose) console.log(`${item.id} FAR ${g.span.text} → ${p.resolved_name} ${p.country} ${d.toFixed(0)} km (${p.rule})`);
    }
  }
  for (const p of doc.places) {
    if (used.has(p)) continue;
    fp++;
    if (verbose) console.log(`${item.id} EXTRA ${p.name} → ${p.resolved_name} ${p.country} ${p.feature} (${p.rule})`);
  }
}
const P = tp / (tp + fp || 1);
const R = tp / (tp + fn || 1);
errors.sort((a, b) => a - b);
console.log(`places: P ${P.toFixed(3)} R ${R.toFixed(3)} F1 ${((2 * P * R) / (P + R || 1)).toFixed(3)} (tp ${tp} fp ${fp} fn ${fn})`);
console.log(`resolution: within 161 km ${(within / (errors.length || 1)).toFixed(3)} of ${errors.length}, median error ${(errors[errors.length >> 1] ?? 0).toFixed(1)} km`);
