import { readFileSync } from 'node:fs';
import { countryByIso2, countryByName } from './countries.ts';

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
    // "U.N." and "UN" are one name: "the U.N. humanitarian office".
    .replace(/\bU\.\s?N\.?(?=\s|$|')/g, 'UN')
    .replace(/\bU\.\s?S\.?(?=\s|$|')/g, 'US')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/[.,;:]+$/, '')
    .toLowerCase();
}

let cached: SourceIndex | null = null;

/** Make `index` the default dictionary until reset with null (evaluation ablations swap in a reduced file). */
export function useSources(index: SourceIndex | null): void {
  cached = index;
}

/** Load data/sources.json and index every name and alias (validated shape: data/sources.schema.json). */
export function loadSources(path: string | URL = new URL('../../data/sources.json', import.meta.url)): SourceIndex {
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
  const spelled = new Set(file.sources.flatMap((s) => [s.name, ...s.aliases, ...(s.country_aliases ?? [])]).filter((a) => !/^[A-Z][A-Z0-9]{1,7}$/.test(a)).map(normName));
  const acronyms = new Set(file.sources.flatMap((s) => [s.name, ...s.aliases]).filter((a) => /^[A-Z][A-Z0-9]{1,7}$/.test(a)).map(normName).filter((k) => !spelled.has(k)));
  const countryRes = Object.entries(file.countries).map(([cc, words]) => [cc, new RegExp(`\\b(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'g')] as const);
  const index: SourceIndex = {
    sources: file.sources,
    lookup(name, country) {
      const k = normName(name);
      // Acronyms match only as acronyms: the relative pronoun "who" is not the WHO.
      if (acronyms.has(k) && !/\p{Lu}/u.test(name)) return null;
      const exact = global.get(k) ?? (country ? local.get(country)?.get(k) : undefined);
      if (exact) return exact;
      return byAcronym(name, country) ?? generated(k, country) ?? stateMedia(k, country);
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

  // A description around a known acronym names that source: "UN humanitarian agency OCHA", "PDF spokesman",
  // "UN figures". The last acronym wins, because the description comes first ("UN … OCHA" → OCHA).
  function byAcronym(name: string, country?: string | null): KnownSource | null {
    const words = name.replace(/\bU\.\s?N\.?(?=\s|$|')/g, 'UN').replace(/['’]s\b/g, '').split(/[\s,()]+/);
    if (words.length < 2 || words.length > 7) return null;
    // Only descriptive words may surround it, not another name ("Reuters - Haitian police" is two sources).
    if (!words.every((w) => /^(?:[A-Z][A-Z0-9]{1,7}|\p{Ll}[\p{L}-]*|-|the)$/u.test(w))) return null;
    for (const w of [...words].reverse()) {
      if (!/^[A-Z][A-Z0-9]{1,7}$/.test(w)) continue;
      const hit = global.get(normName(w)) ?? (country ? local.get(country)?.get(normName(w)) : undefined);
      if (hit) return hit;
    }
    return null;
  }

  // "state media said", "Syrian state television", "the official news agency": the country's state outlet, as
  // agencies write it when the outlet is obvious to their readers (SANA in Syria, MRTV in Myanmar).
  function stateMedia(k: string, country?: string | null): KnownSource | null {
    const m = /^(?:([a-z][a-z -]+?)(?:'s)?\s+)?(?:state(?:-run| run|-owned)?|official|government(?:-run)?)\s+(?:media|television|tv|news agency|broadcaster|radio|press agency)$/.exec(k);
    if (!m) return null;
    const c = m[1] ? countryByName(m[1]) : country ? countryByIso2(country) : null;
    if (!c) return null;
    return file.sources.find((s) => s.country === c.iso2 && s.kind === 'state_media') ?? null;
  }

  // "Lebanon's health ministry", "the Somali police", "Ministry of Information" (in a Somalia article): a
  // government body named by country and function resolves to that country's known body of that function, or
  // to a generated "<Demonym> Ministry of <Function>" name so that every article spells it the same way.
  function generated(k: string, country?: string | null): KnownSource | null {
    const m = GENERATED.exec(k);
    if (!m) return null;
    const who = m[1] ?? m[2] ?? null;
    const c = who ? countryByName(who.replace(/'s$/, '')) : country ? countryByIso2(country) : null;
    if (!c) return null;
    const fn = (m[3] ?? m[4] ?? m[5] ?? '').replace(/^defense$/, 'defence').replace(/^public health$/, 'health');
    const body = fn ? 'ministry' : (m[6] ?? '');
    const own = file.sources.filter((s) => s.country === c.iso2);
    const match = own.find((s) => {
      const names = [s.name, ...s.aliases].map((n) => n.toLowerCase());
      if (body === 'ministry') return names.some((n) => /ministry/.test(n) && n.includes(fn === 'defence' ? 'defen' : fn));
      if (body === 'police') return s.kind === 'government' && names.some((n) => /\bpolice\b/.test(n));
      return s.kind === 'military' && names.some((n) => /\b(?:army|armed forces|defen[cs]e forces?|military)\b/.test(n)) && !/ministry/i.test(s.name);
    });
    if (match) return match;
    // A bare "the army" in a Gaza article may be Israel's: only a country named in the phrase generates a name.
    if (!who) return null;
    const dem = c.demonyms[0] ?? c.name;
    const title = fn.replace(/\b\w/g, (x) => x.toUpperCase());
    const name = body === 'ministry' ? `${dem} Ministry of ${title}` : body === 'police' ? `${dem} police` : `${dem} army`;
    const kind: SourceKind = body === 'ministry' ? (fn === 'defence' ? 'military' : 'government') : body === 'police' ? 'government' : 'military';
    return { id: `generated-${c.iso2.toLowerCase()}-${(fn || body).replace(/\s+/g, '-')}`, name, kind, aliases: [], country: c.iso2 };
  }
}

// Normalised (lower-case) forms: "lebanon's health ministry", "somali ministry of information", "the police" …
const FN = 'public health|health|defen[cs]e|interior|information|foreign affairs|justice';
const GENERATED = new RegExp(
  `^(?:([a-z][a-z -]+?'s)\\s+|([a-z]+)\\s+)?(?:(?:(${FN})\\s+ministry|ministry\\s+of\\s+(?:the\\s+)?(${FN})|ministry\\s+of\\s+(?:national\\s+)?(defen[cs]e))|(police|army|military))(?:\\s+(?:spokes(?:man|woman|person)|officials?|statement))?$`,
);
