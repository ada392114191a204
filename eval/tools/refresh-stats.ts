/**
 * Refresh the per-article counts (claims, places, times, events) in eval/corpus/STATS-*.md from the gold
 * files, so the writers' tables stay true after a harmonisation pass; the phenomena columns are the writers'
 * own and are kept. Corpus-wide totals are not kept here: `node --import tsx eval/stats.ts` prints them.
 * Run: `node --import tsx eval/tools/refresh-stats.ts`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR, loadCorpus } from '../corpus.ts';

/** Rewrite the count columns of every STATS-*.md row whose id has gold; print each changed row. */
export function refreshStats(): number {
  const counts = new Map<string, number[]>();
  for (const item of loadCorpus()) {
    const g = item.gold;
    counts.set(item.id, [g.claims.length, g.places.length, g.times.length, g.events.length]);
  }
  let changed = 0;
  for (const f of readdirSync(CORPUS_DIR).filter((x) => /^STATS-.*\.md$/.test(x))) {
    const file = path.join(CORPUS_DIR, f);
    const lines = readFileSync(file, 'utf8').split('\n');
    const out = lines.map((line) => {
      // | id | conflict | split | published | outlet | claims | places | times | events | phenomena |
      const cells = line.split('|');
      const c = counts.get(cells[1]?.trim() ?? '');
      if (!c || cells.length < 11) return line;
      const next = [...cells];
      c.forEach((n, i) => {
        next[6 + i] = ` ${n} `;
      });
      const joined = next.join('|');
      if (joined !== line) {
        changed += 1;
        console.log(`${f} ${cells[1]!.trim()}: claims/places/times/events ${cells.slice(6, 10).map((x) => x.trim()).join('/')} → ${c.join('/')}`);
      }
      return joined;
    });
    writeFileSync(file, out.join('\n'));
  }
  return changed;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`${refreshStats()} rows changed`);
