import { readFileSync } from 'node:fs';
import type { ClaimKind, VictimCategory } from '../core/index.ts';

/** The claim lexicon file as written (data/claims/lexicon.json, validated by lexicon.schema.json). */
export interface LexiconFile {
  readonly version: number;
  readonly victim_nouns: Partial<Record<VictimCategory, readonly string[]>>;
  readonly object_nouns: readonly string[];
  readonly triggers: readonly { readonly kind: ClaimKind; readonly abducted?: boolean; readonly patterns: readonly string[] }[];
}

/** The lexicon compiled for the claim reader. */
export interface Lexicon {
  /** Victim noun → category ("civilians" → civilians, "troops" → soldiers). */
  readonly nouns: Record<string, VictimCategory>;
  /** Matches a whole non-person noun ("shells", "houses"). */
  readonly objects: RegExp;
  /** Global, case-insensitive trigger patterns with their kind and whether they mean abduction. */
  readonly triggers: readonly [RegExp, ClaimKind, boolean?][];
}

/** Path of the versioned claim lexicon. */
export const LEXICON_FILE = new URL('../../data/claims/lexicon.json', import.meta.url);

/** Read and compile the claim lexicon (nouns, non-person nouns, triggers). */
export function loadLexicon(path: URL | string = LEXICON_FILE): Lexicon {
  const file = JSON.parse(readFileSync(path, 'utf8')) as LexiconFile;
  const nouns: Record<string, VictimCategory> = {};
  for (const [cat, words] of Object.entries(file.victim_nouns) as [VictimCategory, readonly string[]][]) for (const w of words) nouns[w] = cat;
  const objects = new RegExp(`^(?:${file.object_nouns.join('|')})$`, 'i');
  const triggers = file.triggers.map((t) => [new RegExp(`\\b(?:${t.patterns.join('|')})\\b`, 'gi'), t.kind, t.abducted] as [RegExp, ClaimKind, boolean?]);
  return { nouns, objects, triggers };
}
