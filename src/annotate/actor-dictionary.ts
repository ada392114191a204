import { readFileSync } from 'node:fs';
import path from 'node:path';

/** ACLED actor types as written in current exports, with their numeric `inter` codes. */
export const INTER_CODES = {
  'State forces': 1,
  'Rebel group': 2,
  'Political militia': 3,
  'Identity militia': 4,
  Rioters: 5,
  Protesters: 6,
  Civilians: 7,
  'External/Other forces': 8,
} as const;
export type Inter = keyof typeof INTER_CODES;

/** One dictionary actor (data/actors/actors.json). */
export interface ActorEntry {
  readonly id: string;
  readonly name: string;
  readonly inter: Inter;
  readonly country: string;
  readonly active: { readonly from: string | null; readonly to: string | null };
  readonly role?: 'military' | 'police' | 'military-rival';
  readonly aliases: readonly string[];
  readonly acronyms?: readonly string[];
  readonly patterns?: readonly string[];
  readonly tags?: readonly string[];
}

/** A description ("government forces", "jihadists") resolved from context, not a name. */
export interface DescriptionEntry {
  readonly id: string;
  readonly resolve: 'state' | 'generic' | 'tag' | 'inter';
  readonly role?: 'military' | 'police';
  readonly name?: string;
  readonly inter?: Inter;
  readonly tag?: string;
  readonly patterns: readonly string[];
}

export interface CountryEntry {
  readonly name: string;
  readonly iso2: string;
  readonly iso: string;
  readonly names: readonly string[];
}

export interface ActorDictionary {
  readonly version: string;
  readonly actors: readonly ActorEntry[];
  readonly descriptions: readonly DescriptionEntry[];
  readonly countries: readonly CountryEntry[];
}

/** A compiled matcher: one regex and what it stands for. */
export interface Matcher {
  readonly re: RegExp;
  readonly actor?: ActorEntry;
  readonly description?: DescriptionEntry;
}

/**
 * Literal names in a token trie: thousands of aliases (the generated base has ~8,000) cost one pass over a
 * sentence's words instead of one regex scan each. Tokens fold case (except for acronyms), curly
 * apostrophes and hyphens, so "al-Qaeda" and "al Qaeda" are one alias.
 */
export interface AliasMatcher<T = ActorEntry> {
  readonly caseSensitive: boolean;
  readonly root: TrieNode<T>;
}

interface TrieNode<T> {
  readonly next: Map<string, TrieNode<T>>;
  values: T[] | null;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Words of a text with their offsets. */
export function tokenize(text: string): { t: string; start: number; end: number }[] {
  const out: { t: string; start: number; end: number }[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) out.push({ t: m[0].replace(/’/g, "'"), start: m.index, end: m.index + m[0].length });
  return out;
}

/** Build a token trie from (name, value) pairs. */
export function aliasMatcher<T>(pairs: readonly [string, T][], caseSensitive: boolean): AliasMatcher<T> {
  const root: TrieNode<T> = { next: new Map(), values: null };
  for (const [alias, value] of pairs) {
    let node = root;
    for (const { t } of tokenize(alias)) {
      const k = caseSensitive ? t : t.toLowerCase();
      let n = node.next.get(k);
      if (!n) {
        n = { next: new Map(), values: null };
        node.next.set(k, n);
      }
      node = n;
    }
    if (node === root) continue;
    node.values ??= [];
    if (!node.values.includes(value)) node.values.push(value);
  }
  return { caseSensitive, root };
}

/** Every alias occurrence in a text (all lengths at every start, so callers can prefer the longest). */
export function matchAliases<T>(m: AliasMatcher<T>, text: string): { start: number; end: number; values: readonly T[] }[] {
  const toks = tokenize(text);
  const out: { start: number; end: number; values: readonly T[] }[] = [];
  for (let i = 0; i < toks.length; i++) {
    let node: TrieNode<T> | undefined = m.root;
    for (let j = i; j < toks.length && node; j++) {
      node = node.next.get(m.caseSensitive ? toks[j]!.t : toks[j]!.t.toLowerCase());
      if (node?.values) out.push({ start: toks[i]!.start, end: toks[j]!.end, values: node.values });
    }
  }
  return out;
}

const DATA_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'data', 'actors');
interface Compiled {
  readonly dict: ActorDictionary;
  readonly matchers: Matcher[];
  readonly aliases: AliasMatcher;
  readonly acronyms: AliasMatcher;
  /** Country names and demonyms, case-sensitive ("Niger", not "niger"), for the article's country focus. */
  readonly countryNames: AliasMatcher<CountryEntry>;
}
let cached: Compiled | null = null;


/** Load the curated dictionary plus the generated state-forces base (when built), compiled once. */
export function actorDictionary(): Compiled {
  if (cached) return cached;
  const dict = JSON.parse(readFileSync(path.join(DATA_DIR, 'actors.json'), 'utf8')) as ActorDictionary;
  let generated: ActorEntry[] = [];
  let genCountries: CountryEntry[] = [];
  try {
    // The generated base (scripts/build-actors.ts) gives every country its state forces and names.
    const g = JSON.parse(readFileSync(path.join(DATA_DIR, 'state-forces.generated.json'), 'utf8')) as { actors: ActorEntry[]; countries?: CountryEntry[] };
    generated = g.actors;
    genCountries = g.countries ?? [];
  } catch {
    // The generated base is optional: curated entries cover the evaluated conflicts.
  }
  const curatedCountries = new Set(dict.actors.filter((a) => a.inter === 'State forces').map((a) => `${a.country}|${a.role}`));
  const actors = [...dict.actors, ...generated.filter((g) => !curatedCountries.has(`${g.country}|${g.role}`))];
  const known = new Set(dict.countries.map((c) => c.iso2));
  const full: ActorDictionary = { ...dict, actors, countries: [...dict.countries, ...genCountries.filter((c) => !known.has(c.iso2))] };
  const matchers: Matcher[] = [];
  for (const a of actors) {
    for (const p of a.patterns ?? []) matchers.push({ re: new RegExp(`(?<![\\p{L}\\d])${p}(?![\\p{L}\\d])`, 'giu'), actor: a });
  }
  for (const d of dict.descriptions) for (const p of d.patterns) matchers.push({ re: new RegExp(`(?<![\\p{L}\\d])${p}(?![\\p{L}\\d])`, 'giu'), description: d });
  const aliases = aliasMatcher(actors.flatMap((a) => a.aliases.map((al): [string, ActorEntry] => [al, a])), false);
  // Acronyms are case-sensitive: "IS" the group, not "is" the verb.
  const acronyms = aliasMatcher(actors.flatMap((a) => (a.acronyms ?? []).map((al): [string, ActorEntry] => [al, a])), true);
  const countryNames = aliasMatcher(full.countries.flatMap((c) => c.names.map((n): [string, CountryEntry] => [n, c])), true);
  cached = { dict: full, matchers, aliases, acronyms, countryNames };
  return cached;
}

/** True when the actor existed on `day` (`YYYY-MM-DD`); an unknown day accepts any period. */
export function activeOn(a: ActorEntry, day: string | null): boolean {
  if (!day) return true;
  return (!a.active.from || a.active.from <= day) && (!a.active.to || day < a.active.to);
}

/**
 * The state force of `country` with `role` on `day`: "government forces" in Syria is the Assad-era army
 * before 8 December 2024 and the new government's forces after it.
 */
export function stateForce(dict: ActorDictionary, country: string | null, role: 'military' | 'police', day: string | null): ActorEntry | null {
  if (!country) return null;
  const cands = dict.actors.filter((a) => a.inter === 'State forces' && a.country === country && a.role === role);
  return cands.find((a) => activeOn(a, day)) ?? cands.at(-1) ?? null;
}

/** Among several actors one name may denote ("SNA", "Islamic State", "Syrian army"), the one fitting country and day. */
export function pickActor(cands: readonly ActorEntry[], country: string | null, day: string | null): ActorEntry {
  const score = (a: ActorEntry) => (a.country === country ? 2 : 0) + (activeOn(a, day) ? 1 : 0);
  return [...cands].sort((x, y) => score(y) - score(x))[0]!;
}

/** The country record by English name. */
export function countryRecord(dict: ActorDictionary, name: string | null): CountryEntry | null {
  return name ? (dict.countries.find((c) => c.name === name) ?? null) : null;
}
