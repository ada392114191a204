/** Corpus statistics per split and conflict: articles, claims, places, times, events (`node --import tsx eval/stats.ts`). */
import { loadCorpus } from './corpus.ts';

const rows = new Map<string, number[]>();
for (const item of loadCorpus()) {
  const g = item.gold;
  for (const key of [`${item.split} ${g.conflict}`, `${item.split} (all)`]) {
    const r = rows.get(key) ?? [0, 0, 0, 0, 0, 0];
    r[0]! += 1;
    r[1]! += g.claims.length;
    r[2]! += g.claims.filter((c: { background: boolean }) => c.background).length;
    r[3]! += g.places.length;
    r[4]! += g.times.length;
    r[5]! += g.events.length;
    rows.set(key, r);
  }
}
console.log('| split | conflict | articles | claims | of which background | places | times | events |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [k, r] of [...rows].sort()) {
  const [split, conflict] = k.split(' ');
  console.log(`| ${split} | ${conflict} | ${r.join(' | ')} |`);
}
