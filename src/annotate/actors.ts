import type { Doc, Mention, Stage } from '../core/index.ts';
import { liveSentences } from '../core/index.ts';
import type { ActorDictionary, ActorEntry, DescriptionEntry, Inter } from './actor-dictionary.ts';
import { actorDictionary, matchAliases, pickActor, stateForce } from './actor-dictionary.ts';

interface RawHit {
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  readonly actors: ActorEntry[];
  readonly description?: DescriptionEntry;
}

// "Jihadists and their allies", "HTS ... together with organizations that have allied with it", "and allied groups".
// Looked for in the rest of the sentence after the mention.
const ALLIES_AFTER = /\b(?:and|together with|along with|with)\s+(?:its|their)?\s*(?:allies|allied (?:groups|factions|forces|militias|organi[sz]ations)|organi[sz]ations that (?:have )?allied|affiliated (?:groups|factions))/i;
// "backed by Turkey", "Iran-backed", "supported by Russia": an association, kept in `data.backed_by`.
const BACKED_BY = /^[\s,]*(?:which is |who are )?(?:backed|supported|armed) by ([A-Z][\p{L}-]+)/u;

/** The country an article is about: the most named country, the dateline counted three times. */
export function articleCountry(doc: Doc, dict: ActorDictionary): string | null {
  const live = liveSentences(doc);
  const counts = new Map<string, number>();
  const { countryNames } = actorDictionary();
  for (const s of live) {
    const text = doc.text.slice(s.span.start, s.span.end);
    for (const h of matchAliases(countryNames, text)) {
      for (const c of h.values) counts.set(c.name, (counts.get(c.name) ?? 0) + (s === live[0] ? 3 : 1));
    }
  }
  // Places resolved by the gazetteer, when that stage already ran, are stronger evidence than words.
  for (const p of doc.places) {
    const c = dict.countries.find((x) => x.iso2 === p.country);
    if (c) counts.set(c.name, (counts.get(c.name) ?? 0) + 2);
  }
  let best: string | null = null;
  let n = 0;
  for (const [k, v] of counts) if (v > n) [best, n] = [k, v];
  return best;
}

/**
 * The country a possessive or adjective right before a description names ("Mali's army", "Myanmar's military
 * government", "a Myanmar military jet"), or null.
 */
export function ownerCountry(text: string, start: number): string | null {
  const before = text.slice(Math.max(0, start - 40), start);
  const m = /(\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,2})(?:['’]s)?\s+$/u.exec(before);
  if (!m) return null;
  const hits = matchAliases(actorDictionary().countryNames, m[1]!);
  const h = hits.find((x) => x.end === m[1]!.length);
  return h?.values[0]?.name ?? null;
}

/** Find named actors and descriptions in the live sentences, longest match first, names before descriptions. */
function rawHits(doc: Doc): RawHit[] {
  const { matchers, aliases, acronyms } = actorDictionary();
  const out: RawHit[] = [];
  for (const s of liveSentences(doc)) {
    const text = doc.text.slice(s.span.start, s.span.end);
    const found: { start: number; end: number; actor?: ActorEntry; description?: DescriptionEntry }[] = [];
    for (const m of matchers) {
      m.re.lastIndex = 0;
      for (let x = m.re.exec(text); x; x = m.re.exec(text)) {
        if (!x[0]) {
          m.re.lastIndex++;
          continue;
        }
        found.push({ start: x.index, end: x.index + x[0].length, actor: m.actor, description: m.description });
      }
    }
    for (const am of [aliases, acronyms]) for (const h of matchAliases(am, text)) for (const actor of h.values) found.push({ start: h.start, end: h.end, actor });
    found.sort((a, b) => b.end - b.start - (a.end - a.start) || (a.actor ? 0 : 1) - (b.actor ? 0 : 1));
    const kept: RawHit[] = [];
    for (const f of found) {
      const same = kept.find((k) => k.start === f.start && k.end === f.end);
      if (same && f.actor && !same.description) {
        if (!same.actors.includes(f.actor)) same.actors.push(f.actor);
        continue;
      }
      if (kept.some((k) => k.start < f.end && f.start < k.end)) continue;
      kept.push({ start: f.start, end: f.end, sentence: s.index, actors: f.actor ? [f.actor] : [], description: f.actor ? undefined : f.description });
    }
    for (const k of kept) out.push({ ...k, start: k.start + s.span.start, end: k.end + s.span.start });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Inter of an actor in an article about `country`: a foreign state's forces are external forces there. */
export function interIn(a: { inter: Inter; country: string }, country: string | null): Inter {
  return a.inter === 'State forces' && country && a.country !== country ? 'External/Other forces' : a.inter;
}

/** Resolve every actor mention of a document to canonical names, by the article's country and date. */
export function annotateActors(doc: Doc): Doc {
  const { dict } = actorDictionary();
  const country = articleCountry(doc, dict);
  const day = doc.meta.published ? doc.meta.published.slice(0, 10) : null;
  const hits = rawHits(doc);
  const named = hits.filter((h) => h.actors.length).map((h) => pickActor(h.actors, country, day));
  const mentions: Mention[] = [];
  for (const h of hits) {
    let actor: { name: string; inter: Inter; country: string } | null = null;
    let rule = 'actor.alias';
    if (h.actors.length) actor = pickActor(h.actors, country, day);
    else if (h.description) {
      const d = h.description;
      rule = `actor.description.${d.resolve}`;
      // "A drone strike by Mali's army" in a story filed from Dakar: the possessive names the army's country.
      const owner = d.resolve === 'state' ? ownerCountry(doc.text, h.start) : null;
      if (owner) rule = 'actor.description.state.owner';
      if (d.resolve === 'state') actor = stateForce(dict, owner ?? country, d.role ?? 'military', day);
      else if (d.resolve === 'generic' && country) actor = { name: d.name!.replace('%C', country), inter: d.inter!, country };
      else {
        // "jihadists" → the one jihadist group the article names; two such groups leave it unresolved.
        const pool = [...new Set(named.filter((a) => (d.resolve === 'tag' ? a.tags?.includes(d.tag!) : a.inter === d.inter)))];
        if (pool.length === 1) actor = pool[0]!;
      }
    }
    if (!actor) continue;
    const after = doc.text.slice(h.end, doc.sentences[h.sentence]!.span.end);
    const backed = BACKED_BY.exec(after)?.[1] ?? null;
    mentions.push({
      span: { start: h.start, end: h.end },
      type: 'actor',
      text: doc.text.slice(h.start, h.end),
      rule,
      sentence: h.sentence,
      value: actor.name,
      data: { inter: interIn(actor, country), country: actor.country, allies: ALLIES_AFTER.test(after), ...(backed ? { backed_by: backed } : {}) },
    });
  }
  return { ...doc, mentions: [...doc.mentions, ...mentions] };
}

/** Stage: actor mentions (type "actor", value = canonical name, data = inter, country, allies) from the dictionary. */
export const actorStage: Stage = { name: 'actors', requires: ['sentences', 'removed'], assigns: ['mentions'], run: (doc) => annotateActors(doc) };
