import { readdirSync, readFileSync } from 'node:fs';

/** One incident of the example corpus as written by hand in examples/corpus/EXPECTED.md. */
export interface Incident {
  readonly title: string;
  readonly articles: string[];
  readonly story_groups: string[][];
  readonly sources_independent: number;
  readonly fatalities: number;
  readonly fatalities_low: number | null;
  readonly fatalities_high: number | null;
  readonly contradictions: string[];
  readonly denial_by?: string;
}

/** The example corpus folder the merge tests read. */
export const CORPUS_DIR = new URL('../../examples/corpus/', import.meta.url);

/** The hand-written expectations (test/merge/expected.json is EXPECTED.md in table form). */
export const EXPECTED = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8')) as { incidents: Record<string, Incident> };

/** The corpus articles in a stable order: file name and text. */
export function corpusArticles(): { file: string; name: string; text: string }[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, name: file.replace(/\.txt$/, ''), text: readFileSync(new URL(file, CORPUS_DIR), 'utf8') }));
}
