import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTxt } from '../src/ingest/txt.ts';
import type { RawArticle } from '../src/core/index.ts';

/** One corpus article: the raw article as Sitrep ingests it, and its gold annotation. */
export interface CorpusItem {
  readonly id: string;
  readonly split: 'dev' | 'test';
  readonly file: string;
  readonly raw: RawArticle;
  /* biome-ignore lint/suspicious/noExplicitAny: gold is plain JSON validated by gold.schema.json */
  readonly gold: any;
}

/** The corpus root (eval/corpus beside this file). */
export const CORPUS_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), 'corpus');

/** Load every article of the given splits that has both its text and its gold file. */
export function loadCorpus(splits: readonly ('dev' | 'test')[] = ['dev', 'test'], dir = CORPUS_DIR): CorpusItem[] {
  const out: CorpusItem[] = [];
  for (const split of splits) {
    let files: string[] = [];
    try {
      files = readdirSync(path.join(dir, split)).filter((f) => f.endsWith('.txt')).sort();
    } catch {
      continue;
    }
    for (const f of files) {
      const id = f.replace(/\.txt$/, '');
      const file = path.join(dir, split, f);
      let gold: unknown;
      try {
        gold = JSON.parse(readFileSync(path.join(dir, split, `${id}.gold.json`), 'utf8'));
      } catch {
        continue;
      }
      out.push({ id, split, file, raw: parseTxt(readFileSync(file, 'utf8'), file), gold });
    }
  }
  return out;
}
