import { readFileSync } from 'node:fs';

/** One known source from data/sources.json. */
export interface KnownSource {
  readonly id: string;
  readonly name: string;
  readonly kind: SourceKind;
  readonly aliases: readonly string[];
  readonly country?: string;
  /** Aliases valid only in an article about `country` ("the army", "the junta"). */
  readonly country_aliases?: readonly string[];
}

export type SourceKind =
  | 'monitor' | 'un_agency' | 'government' | 'military' | 'state_media' | 'news_agency' | 'ngo' | 'medical' | 'local_officials' | 'activists' | 'armed_group';

interface SourceFile {
  readonly version: number;
  readonly sources: readonly KnownSource[];
  readonly countries: Readonly<Record<string, readonly string[]>>;
}

/** The source dictionary with its alias index, loaded once. */
export interface SourceIndex {
  readonly sources: readonly KnownSource[];
  /** Look a name up ("SOHR", "the Observatory") in an article about `country` (ISO alpha-2 or null). */
  lookup(name: string, country?: string | null): KnownSource | null;
  /** The country an article is mostly about, from the dictionary's country words, or null. */
  countryOf(text: string): string | null;
}

/** Normalise a name for lookup: quotes, case, spacing and a leading article do not matter. */
export function normName(s: string): string {
  return s
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/[.,;:]+$/, '')
    .toLowerCase();
}

let cached: SourceIndex | null = null;

/** Load data/sources.json and index every name and alias (validated shape: data/sources.schema.json). */
export function loadSources(path = new URL('../../data/sources.json', import.meta.url)): SourceIndex {
  if (cached && typeof path !== 'string') return cached;
  const file = JSON.parse(readFileSync(path, 'utf8')) as SourceFile;
  const global = new Map<string, KnownSource>();
  const local = new Map<string, Map<string, KnownSource>>();
  for (const s of file.sources) {
    for (const a of [s.name, ...s.aliases]) if (!global.has(normName(a))) global.set(normName(a), s);
    for (const a of s.country_aliases ?? []) {
      const m = local.get(s.country ?? '') ?? new Map<string, KnownSource>();
      m.set(normName(a), s);
      local.set(s.country ?? '', m);
    }
  }
  const countryRes = Object.entries(file.countries).map(([cc, words]) => [cc, new RegExp(`\\b(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'g')] as const);
  const index: SourceIndex = {
    sources: file.sources,
    lookup(name, country) {
      const k = normName(name);
      return global.get(k) ?? (country ? local.get(country)?.get(k) : undefined) ?? null;
    },
    countryOf(text) {
      let best: string | null = null;
      let bestN = 0;
      for (const [cc, re] of countryRes) {
        const n = text.match(re)?.length ?? 0;
        if (n > bestN) (best = cc), (bestN = n);
      }
      return best;
    },
  };
  if (typeof path !== 'string') cached = index;
  return index;
}
