import type { Doc, Sentence, Span } from '../core/index.ts';
import type { KnownSource, SourceIndex, SourceKind } from '../resolve/sources.ts';
import { normName } from '../resolve/sources.ts';
import { type PersonRole, peopleOf, ROLE_NOUN, roleOf, splitTitled } from './people.ts';

/** A cited source found in one sentence: who says so, through whom, and the words that said it. */
export interface Attribution {
  /** The source phrase as written ("the Syrian Observatory for Human Rights", "a medical source"). */
  readonly span: Span;
  /** The reporting words ("according to", "said", "citing"). */
  readonly cue: Span;
  /** Canonical name for a known source, else the phrase as written ("residents", "a medical source"). */
  readonly name: string;
  readonly kind: SourceKind | null;
  readonly known: boolean;
  /** Intermediaries between the outlet (and its credited agency) and `name` ("X told AFP" → AFP). */
  readonly via: readonly string[];
  readonly sentence: number;
  readonly rule: string;
}

const VERBS =
  'said|says|say|reported|reports|announced|announces|told|tells|estimated|estimates|added|adds|stated|states|confirmed|confirms|wrote|writes|posted|claimed|claims|noted|tweeted|counted|recorded|documented|tallied|gave|put|spoke|warned|explained|indicated|revealed|declared|informed' +
  // A source's own toll: "the network maintained its toll of 32", "the monitor raised its death toll to 50".
  '|(?:maintained|maintains|raised|raises|revised|revises|updated|updates|lowered|lowers|kept|keeps)(?= (?:its|their|the) (?:overall |latest |death |casualty )?tolls?\\b)';
const RE_VERB = new RegExp(`\\b(${VERBS})\\b`, 'g');
// A subject phrase ends at these (it starts after the last one before the verb).
const SUBJECT_BOUNDARY = /[,;:—–(“”"]|\bthat\b|\band\b|\bwhile\b|\bbut\b|\bas\b/g;
// A person's name: "Oleksandr Prokudin", "Brigadier General Mesfin Abebe"; roles their appositive gives them.
const PERSON = /^(?:(?:Brigadier|Major|Lieutenant|General|Gen\.|Colonel|Col\.|Captain|Capt\.|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)\s+)*(?:\p{Lu}[\p{L}'’-]+\s+){0,3}\p{Lu}[\p{L}'’-]+$/u;
const ROLE = /\b(?:governor|mayor|head|chief|minister|commander|spokes(?:man|woman|person)|director|president|leader|official|administration|officer)\b/i;
const PRONOUN = /^(?:it|he|she|they|him|her|them|this|officials?)$/i;

// Anaphors point back to the most recent compatible source: "the NGO", "this NGO", "the monitor", "the same source".
const ANAPHOR = /^(?:the|this|that|said)\s+(?:same\s+(?:sources?|organi[sz]ation|monitor|group|communiqu[eé]|statement|report|figures|tally|officials?|ministry)|(?:[\w-]+\s+){0,2}?(ngo|monitor|observatory|agency|ministry|organi[sz]ation|group|office|body|governor|administration|military|army|watchdog|charity|network|centre|center|channel|broadcaster|television|outlet|mayor|police|service|mission|commission|committee|movement|team|company|coordination|general|command|source|communiqu[eé]|statement|official|spokes(?:man|woman|person)))$/i;
// Indefinite organisation descriptions name a known source given elsewhere in the article: "a war monitor said".
const INDEFINITE = /^(?:a|an)\s+(?:[\w-]+\s+){0,3}?(ngo|monitor|non-governmental organi[sz]ation|rights group|human rights group|watchdog|observatory)$/i;
const KINDS_BY_HEAD: Record<string, readonly SourceKind[]> = {
  ngo: ['ngo', 'monitor', 'medical'],
  'non-governmental organization': ['ngo', 'monitor', 'medical'],
  'non-governmental organisation': ['ngo', 'monitor', 'medical'],
  organization: ['ngo', 'monitor', 'medical', 'un_agency'],
  organisation: ['ngo', 'monitor', 'medical', 'un_agency'],
  group: ['ngo', 'monitor', 'activists', 'armed_group', 'medical'],
  'rights group': ['ngo', 'monitor'],
  'human rights group': ['ngo', 'monitor'],
  watchdog: ['monitor', 'ngo'],
  charity: ['ngo', 'medical'],
  network: ['monitor', 'ngo', 'medical', 'activists'],
  monitor: ['monitor', 'ngo'],
  observatory: ['monitor'],
  agency: ['news_agency', 'state_media', 'un_agency'],
  office: ['un_agency', 'government'],
  body: ['un_agency', 'government', 'ngo'],
  ministry: ['government', 'military', 'medical'],
  governor: ['local_officials', 'government'],
  administration: ['local_officials', 'government'],
  military: ['military'],
  army: ['military'],
  centre: ['armed_group', 'ngo', 'monitor', 'government', 'military'],
  center: ['armed_group', 'ngo', 'monitor', 'government', 'military'],
  channel: ['state_media', 'news_agency'],
  broadcaster: ['state_media', 'news_agency'],
  television: ['state_media', 'news_agency'],
  outlet: ['state_media', 'news_agency'],
  mayor: ['local_officials'],
  police: ['government', 'local_officials'],
  service: ['government', 'military'],
  mission: ['un_agency'],
  commission: ['ngo', 'government', 'un_agency'],
  committee: ['activists', 'medical', 'ngo', 'local_officials'],
  movement: ['activists', 'armed_group'],
  team: ['military', 'medical'],
  coordination: ['activists'],
  // "The general said" after "Command head Brigadier General Mesfin Abebe told ENA".
  general: ['military'],
  command: ['military'],
  // "the source said" after "a medical source at the hospital said".
  source: ['medical', 'military', 'local_officials', 'activists', 'government'],
  // "The official, who spoke on condition of anonymity, said" after "a military official told Garowe Online".
  official: ['local_officials', 'military', 'government'],
  // "the spokesman told AFP" after "a spokesman for the local People's Defence Force".
  spokesman: ['armed_group', 'military', 'government', 'local_officials'],
  spokeswoman: ['armed_group', 'military', 'government', 'local_officials'],
  spokesperson: ['armed_group', 'military', 'government', 'local_officials'],
};

// Unnamed speakers keep their words but lose sentence-initial capitals: "Residents said" → "residents".
const COMMON_START = /^(?:A|An|Residents|Witnesses|Officials|Local|Security|Medical|Activists|Sources|Rescuers|Rights|Humanitarian|Community|Hospital|Doctors|Villagers|Health|Military|Government|Several|Many|Two|Three|Relatives|Survivors|Aid|Monitors|Police|Medics)\b/;

/** Everything attribution needs from the rest of the article. */
export interface AttributionContext {
  readonly index: SourceIndex;
  readonly country: string | null;
}

interface Found {
  start: number;
  end: number;
  cueStart: number;
  cueEnd: number;
  rule: string;
  via: string[];
  /** An appositive describing the speaker ("Prokudin, governor of Kherson Oblast, said"). */
  alt?: { start: number; end: number };
}

/** Trim a source phrase: drop a trailing parenthetical acronym "(CHRO)" and relative clauses. */
function cleanPhrase(text: string, start: number, end: number): { start: number; end: number } {
  let s = text.slice(start, end);
  const cut = /\s*(?:\(|,|\bwhich\b|\bwho\b|\bciting\b|(?<!-)\bbased\b|\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\bin\s+a\s+statement\b|\bby\s+(?:phone|telephone)\b|\bon\s+(?:Telegram|X|Facebook|Twitter)\b).*$/s.exec(s);
  if (cut && cut.index > 0) s = s.slice(0, cut.index);
  const lead = /^\s*/.exec(s)![0].length;
  const trail = /\s*$/.exec(s)![0].length;
  return { start: start + lead, end: start + s.length - trail };
}

/** Resolve a written source phrase to a known source, completing roles ("governor of Kherson Oblast"). */
export function resolvePhrase(phrase: string, doc: Doc, ctx: AttributionContext): { name: string; kind: SourceKind | null; known: boolean } {
  phrase = phrase.replace(/[()]/g, ' ').replace(/[\s,]+$/, '').trim();
  // The report is not the speaker: "earlier reports from Aamin Ambulance" → Aamin Ambulance; nor is a possessive
  // determiner part of a description: "their families" → "families".
  phrase = phrase.replace(/^(?:(?:earlier|initial|later|first|latest)\s+)?(?:reports?|figures|data|statements?|accounts?)\s+(?:from|by|of)\s+/i, '').replace(/^(?:their|his|her)\s+(?=\p{Ll})/iu, '');
  // An unnamed individual is described as written, not promoted to the body they serve: "a military official told
  // Garowe Online" → "a military official", "a security source" (GOLD.md: unnamed speakers as written).
  if (/^(?:a|an)\s+(?:[\p{Ll}-]+\s+){1,3}(?:official|source|officer)$/u.test(phrase)) return { name: phrase.replace(/^An?\b/, (x) => x.toLowerCase()).replace(/^(an?)\s+(?:second|third|fourth|further|different)\s+/i, 'a '), kind: guessKind(phrase), known: false };
  const hit = ctx.index.lookup(phrase, ctx.country);
  if (hit) return { name: hit.name, kind: hit.kind, known: true };
  const own = ownName(phrase, doc, ctx);
  if (own) return own;
  // "the SDF's media centre", "the ministry's spokesman" speak for their organisation.
  const poss = /^(.+?)['’]s\s+(?:[\w-]+\s+)?(?:centre|center|office|spokes\w+|statement|channel|account|press service|media|general staff|command|headquarters|leadership)$/i.exec(phrase);
  if (poss) {
    const h = ctx.index.lookup(poss[1]!, ctx.country);
    if (h) return { name: h.name, kind: h.kind, known: true };
  }
  // "X reporter", "an AFP correspondent": the agency's own reporting.
  // "An Associated Press reporter at Al-Awda Hospital", "a Reuters witness": the agency's own reporting.
  const rep = /^(?:an?\s+|the\s+)?(.+?)\s+(?:reporters?|correspondents?|journalists?|photographers?|team|witness|cameraman|crew)$/i.exec(phrase.replace(/\s+(?:at|in|from|near|inside|on)\s.*$/, ''));
  if (rep) {
    const h = ctx.index.lookup(rep[1]!, ctx.country);
    if (h && (h.kind === 'news_agency' || h.kind === 'state_media')) return { name: h.name, kind: h.kind, known: true };
  }
  // "director of Aamin Ambulance", "a spokesman for the 444 Brigade", "head of the Zaporizhzhia Regional Military
  // Administration": a role inside an organisation speaks for it.
  const of = /^(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:head|chief|director|spokes(?:man|woman|person)|commander|president|leader|member|official|officer|representative|secretary|coordinator)\s+(?:of|for|at)\s+(.+)$/i.exec(phrase);
  if (of) {
    // "a member of the citizen movement Lucha" speaks for Lucha; "a doctor of medicine" does not name a body.
    const inner = resolvePhrase(of[1]!, doc, ctx);
    if (inner.known || (inner.kind === 'local_officials' && (!/^(?:a|an)\s/i.test(phrase.trim()) || /^\p{Lu}/u.test(of[1]!.replace(/^the\s+/i, ''))))) return inner;
    if (inner.name !== of[1] && /civil society|committee|police|government/.test(inner.name)) return inner;
    // An organisation the dictionary does not know, named in full: "a spokesman for the Tiger Battalion" speaks
    // for "Tiger Battalion" (GOLD.md: spokespeople → the organisation they speak for).
    const org = of[1]!.replace(/^the\s+/i, '');
    if (/^(?:spokes|head|chief|director|commander|leader|president)/i.test(phrase.replace(/^(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?=(?:spokes|head|chief|director|commander|leader|president)\w*\s+(?:of|for|at)\b)/i, '')) && new RegExp(`^${CAP_NAME}$`, 'u').test(org) && /\s/.test(org) && !isPlaceName(doc, org)) return { name: fullForm(org), kind: guessKind(org), known: false };
  }
  const local = placedBody(phrase, doc);
  if (local) return { name: local, kind: guessKind(local), known: false };
  // A possessive toponym is not part of an organisation's name: "Haiti's National Human Rights Defense Network"
  // → "National Human Rights Defense Network" (GOLD.md convention 4 treats it as a possessive institution).
  const possName = new RegExp(`^(?:the\\s+)?\\p{Lu}[\\p{L}-]+(?:\\s+\\p{Lu}[\\p{L}-]+)?['’]s\\s+(${CAP_NAME})$`, 'u').exec(phrase);
  // "Al Jazeera's Tareq Abu Azzoum": an outlet's own correspondent is the outlet's reporting.
  const possessor = possName ? ctx.index.lookup(phrase.replace(/['’]s\s.*$/, ''), ctx.country) : null;
  if (possessor && (possessor.kind === 'news_agency' || possessor.kind === 'state_media')) return { name: possessor.name, kind: possessor.kind, known: true };
  if (possName && possName[1]!.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).length >= 2) {
    const h = ctx.index.lookup(possName[1]!, ctx.country);
    return h ? { name: h.name, kind: h.kind, known: true } : { name: fullForm(possName[1]!), kind: guessKind(possName[1]!), known: false };
  }
  // "Russian-installed governor of the occupied part of the Kherson region" → "Russian-installed Kherson governor".
  const inst = /^(?:the\s+)?(Russian|Moscow)-(?:installed|appointed)\s+(?:governor|head|leader)\b.*?\b(\p{Lu}[\p{L}-]+)\s+(?:region|Oblast|oblast|province)\b/u.exec(phrase) ?? /^(?:the\s+)?(Russian|Moscow)-(?:installed|appointed)\s+(\p{Lu}[\p{L}-]+)\s+(?:regional\s+)?(?:governor|head)$/u.exec(phrase);
  if (inst) return { name: `Russian-installed ${inst[2]} governor`, kind: 'local_officials', known: false };
  // "The Russian-installed head of the occupied part of the region": the region the article names.
  if (/^(?:the\s+)?(?:Russian|Moscow)-(?:installed|appointed)\s+(?:governor|head|leader)\b/i.test(phrase)) {
    const r = regionNamed(doc.text);
    if (r) return { name: `Russian-installed ${r} governor`, kind: 'local_officials', known: false };
  }
  // "the Emergency Lawyers group", "the Lucha movement": a name with a generic noun after it.
  const gen = /^(?:the\s+)?((?:\p{Lu}[\p{L}'’-]*\s+){1,5})(?:group|organi[sz]ation|network|movement|initiative)$/u.exec(phrase);
  if (gen) {
    const h = ctx.index.lookup(gen[1]!.trim(), ctx.country);
    if (h) return { name: h.name, kind: h.kind, known: true };
  }
  let p = phrase.replace(/^(?:the)\s+/i, '').replace(/\s+/g, ' ').trim();
  // Coordinated speakers keep the first: "local officials and a civil society group", "Rohingya activists and a community leader".
  p = p.replace(/\s+and\s+(?:a|an|the|other)\s.*$/i, '');
  // Counting words are not part of the description: "two local sources" → "local sources", "a second security
  // source" → "a security source".
  p = p.replace(/^(?:two|three|four|five|six|several|some|both|multiple|\d+)\s+(?=\S+(?:\s+\S+){0,3}$)/i, '').replace(/^(an?)\s+(?:second|third|fourth|further|different)\s+/i, 'a ');
  // A person speaks for the role the article gives them: "police spokesperson Sadik Adan Ali Dudishe" and later
  // "Dudishe said" → the police; "Command head Brigadier General Mesfin Abebe" → the army (a rank, no known body).
  const titled = splitTitled(p);
  const person = titled ?? (PERSON.test(p) && !/^(?:[A-Z]{2,})$/.test(p) ? roleOf(peopleIn(doc), p) : null);
  if (person && person.role.trim().toLowerCase() !== p.toLowerCase()) return resolveRole(person.role, person.ranked, doc, ctx);
  // "Donetsk regional governor Pavlo Kyrylenko", "Gov. Vyacheslav Gladkov": the role, not the person.
  p = p.replace(/^((?:[\p{L}.'’-]+\s+){0,4}?(?:governor|Governor|Gov\.|mayor|Mayor|spokes\w+|Spokes\w+|head|chief|minister|Minister|commander|official))\s+(?:\p{Lu}[\p{L}'’-]+\s*){1,3}$/u, '$1');
  // A person named alone ("Kyrylenko said") takes the role given with their name elsewhere in the article.
  if (/^(?:\p{Lu}[\p{L}'’-]+\s*){1,3}$/u.test(p) && !/^(?:[A-Z]{2,})$/.test(p)) {
    const sur = p.split(/\s+/).pop()!;
    const esc = sur.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m =
      new RegExp(`\\b((?:[\\p{L}.'’-]+\\s+){0,3}?(?:governor|Governor|Gov\\.|mayor|Mayor|head|chief|minister|Minister|commander))\\s+(?:\\p{Lu}[\\p{L}'’-]+\\s+){0,2}${esc}\\b`, 'u').exec(doc.text) ??
      // "the head of the Zaporizhzhia Regional Military Administration, Yurii Malashko": a titled organisation, then the name.
      new RegExp(`\\b((?:head|chief|governor|mayor|commander|director|spokes\\w+)\\s+of\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{L}-]*\\s+){0,5}\\p{Lu}[\\p{L}-]*),\\s+(?:\\p{Lu}[\\p{L}'’-]+\\s+){0,2}${esc}\\b`, 'u').exec(doc.text) ??
      new RegExp(`\\b${esc},\\s+(?:the\\s+)?((?:[\\p{L}'’-]+\\s+){0,6}?(?:governor|mayor|head|chief|minister|commander|spokes\\w+)(?:\\s+of\\s+(?:the\\s+)?\\p{Lu}[\\p{L}-]+(?:\\s+(?:Oblast|region|province|state))?)?)`, 'u').exec(doc.text);
    if (m) return resolvePhrase(m[1]!, doc, ctx);
  }
  p = p.replace(/\bGov\.(?=\s|$)/g, 'governor').trim().replace(/\b(\p{Lu}[\p{L}-]+)\s+(?:Region|region|Oblast)\s+[Gg]overnor$/u, '$1 regional governor');
  const h2 = ctx.index.lookup(p, ctx.country);
  if (h2) return { name: h2.name, kind: h2.kind, known: true };
  // Unnamed descriptions lose their place detail: "a doctor at Hama's national hospital" → "a doctor".
  if (/^(?:a|an|two|three|several)\s/i.test(p)) p = p.replace(/\s+(?:(?:at|in|from|with|on|near|inside)\b|of\s+(?:the\s+)?(?=\p{Lu})).*$/u, '');
  // Trailing locatives of plural descriptions: "Palestinian medical sources inside the camp", "elders in a village near X".
  else if (!/^\p{Lu}[\p{L}-]*\s+\p{Lu}/u.test(p)) p = p.replace(/\s+(?:inside|in|at|near|from)\s+(?:the|a|an)\s.*$/i, '');
  const h3 = ctx.index.lookup(p, ctx.country);
  if (h3) return { name: h3.name, kind: h3.kind, known: true };
  // A named person with a role: "Oleksandr Prokudin, governor of Kherson Oblast" is cut before the role earlier.
  const role = /^(?:(\p{Lu}[\p{L}-]+)(?:\s+Oblast|\s+region|\s+province|\s+state)?\s+)?([Rr]egional\s+(?:[Mm]ilitary\s+)?)?([Gg]overnor|[Mm]ilitary [Aa]dministration|[Mm]ayor)(?:\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}-]+)(?:\s+(?:Oblast|region|province|state))?)?$/u.exec(p);
  // A bare "governor" (from "Gov. Vyacheslav Gladkov") is the governor of the region the article names.
  if (role && (role[1] || role[4] || role[2] || /^governor$/i.test(p)) && !/^(?:Regional|Russian|Ukrainian)$/.test(role[1] ?? '')) {
    let place: string | undefined = role[1] ?? role[4];
    if (!place) {
      // "the regional governor" — the region is named elsewhere: "governor of Kherson Oblast", "Kherson region".
      const m = /\bgovernor of (?:the )?(\p{Lu}[\p{L}-]+)|\b(\p{Lu}[\p{L}-]+) (?:Oblast|region|regional)\b/u.exec(doc.text);
      place = m ? (m[1] ?? m[2]) : undefined;
    }
    if (place) p = /mayor/i.test(role[3]!) ? `${place} mayor` : `${place} regional ${(role[2] ?? '').toLowerCase().includes('military') ? 'military ' : ''}${role[3]!.toLowerCase()}`;
    return { name: p, kind: 'local_officials', known: false };
  }
  if (COMMON_START.test(p) && !/^(?:[A-Z]{2,}|\p{Lu}\p{Ll}+\s+\p{Lu})/u.test(p)) p = p[0]!.toLowerCase() + p.slice(1);
  return { name: p, kind: guessKind(p), known: false };
}

// A name is capitalised words, numbers and the small words inside names: "Deir Ezzor 24", "Office for the
// Coordination of Humanitarian Affairs", "Armed Conflict Location & Event Data".
const CAP_NAME = "\\p{Lu}[\\p{L}'’.&-]*(?:\\s+(?:(?:of|for|the|and|on|in|de|du|des|al|el|&)\\s+)*(?:\\p{Lu}[\\p{L}'’.&-]*|\\d+))*";
// Descriptions written before a name: "the Britain-based Syrian Observatory …", "state-run National News
// Agency", "State news agency SANA", "the local Deir Ezzor 24 network".
const DESCRIBED_NAME = new RegExp(
  `^(?:the\\s+|an?\\s+)?((?:(?:[\\p{L}]+-(?:based|run|owned|backed|funded|affiliated|aligned|linked)|state|local|independent|official|monitoring|news|rights|humanitarian|media|press|agency|group|network|monitor|organi[sz]ation|broadcaster|channel|outlet|newspaper|website|ngo|charity|watchdog)\\s+)+)(${CAP_NAME})(?:\\s+(?:network|group|monitor|organi[sz]ation|agency|website|outlet|channel|project))?$`,
  'u',
);
const RE_ACRONYM_DEF = new RegExp(`(${CAP_NAME})\\s+\\(([A-Z][A-Za-z]{1,9})\\)`, 'gu');
const acronymCache = new WeakMap<Doc, Map<string, string>>();

/** "Full Name (ACR)" definitions of the article: CHRO → Chin Human Rights Organization. */
function acronymsOf(doc: Doc): Map<string, string> {
  let m = acronymCache.get(doc);
  if (m) return m;
  m = new Map();
  for (const d of doc.text.matchAll(RE_ACRONYM_DEF)) {
    const words = d[1]!.split(/\s+/);
    const acr = d[2]!;
    // Keep the name's last words whose initials spell the acronym ("… by the Chin Human Rights Organization
    // (CHRO)"), else a name of three capitalised words or more whose acronym is in another language ("U.N.
    // Integrated Office in Haiti (BINUH)").
    const caps = (ws: string[]) => ws.filter((w) => /^\p{Lu}/u.test(w) && !/^(?:The)$/.test(w));
    let name: string | null = null;
    for (let i = 0; i < words.length; i++) {
      const tail = words.slice(i);
      if (caps(tail).map((w) => w[0]!.toUpperCase()).join('') === acr.replace(/[a-z]/g, '')) {
        name = tail.join(' ');
        break;
      }
    }
    if (!name && caps(words).length >= 3 && !/^(?:The|A|An)$/.test(words[0]!)) name = words.join(' ');
    if (name && !m.has(acr)) m.set(acr, name);
  }
  acronymCache.set(doc, m);
  return m;
}

/** Spell a name in full English: "U.N. Integrated Office in Haiti" → "United Nations Integrated Office in Haiti". */
function fullForm(name: string): string {
  return name.replace(/^(?:U\.\s?N\.?|UN)\s+(?=\p{Lu})/u, 'United Nations ');
}

/**
 * The canonical form of an organisation the dictionary does not know, derived from how the article writes it:
 * an acronym the article defines, a capitalised name after a description ("the Britain-based Syrian
 * Observatory for Human Rights"), a U.N. prefix spelled out, a place's officials ("a Hirshabelle official").
 */
function ownName(phrase: string, doc: Doc, ctx: AttributionContext): { name: string; kind: SourceKind | null; known: boolean } | null {
  const p = phrase.trim().replace(/^the\s+/i, '');
  const canon = (n: string) => {
    const h = ctx.index.lookup(n, ctx.country) ?? ctx.index.lookup(fullForm(n), ctx.country);
    return h ? { name: h.name, kind: h.kind, known: true } : { name: fullForm(n), kind: guessKind(n), known: false };
  };
  if (/^[A-Z][A-Za-z]{1,9}$/.test(p) && /^(?:[A-Z][a-z]*){2,}$/.test(p)) {
    const full = acronymsOf(doc).get(p);
    if (full) return canon(full);
  }
  // The description comes first, so its first letter's case is the sentence's: "State news agency SANA".
  const d = DESCRIBED_NAME.exec(phrase.trim().replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase()));
  if (d && /\p{Lu}/u.test(d[2]!) && !isPlaceName(doc, d[2]!)) return canon(d[2]!);
  if (/^(?:U\.\s?N\.?|UN)\s+\p{Lu}/u.test(p) && new RegExp(`^${CAP_NAME}$`, 'u').test(p)) return canon(p);
  // "a Hirshabelle official", "Kassala officials": the officials of a place the article names.
  const off = /^(?:an?\s+|the\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s+(?:government\s+|state\s+|regional\s+|local\s+)?officials?$/u.exec(phrase.trim());
  if (off && isPlaceName(doc, off[1]!)) return { name: `${off[1]} officials`, kind: 'local_officials', known: false };
  return null;
}

/** Whether the resolved places layer has a place written exactly `name`. */
function isPlaceName(doc: Doc, name: string): boolean {
  return doc.places.some((pl) => doc.text.slice(pl.span.start, pl.span.end) === name);
}

/**
 * The first-level division of the places named inside `within` (or, when null, the one the article names
 * most), from the resolved places layer; countries and regions do not count.
 */
function regionOfPlaces(doc: Doc, within: { start: number; end: number } | null): string | null {
  const counts = new Map<string, number>();
  for (const pl of doc.places) {
    if (!pl.admin1 || pl.feature === 'country' || pl.feature === 'region') continue;
    // A dateline ("KYIV, Oct 24 (Reuters) -") says where the reporter is, not whose governor speaks.
    if (/^\p{Lu}[\p{Lu}\s'’.-]+$/u.test(doc.text.slice(pl.span.start, pl.span.end)) && /^[\s,(]/.test(doc.text.slice(pl.span.end, pl.span.end + 2))) continue;
    if (within && (pl.span.start < within.start || pl.span.end > within.end)) continue;
    if (within) return pl.admin1;
    counts.set(pl.admin1, (counts.get(pl.admin1) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

// Collective bodies that take the name of their place: "Beni territory civil society", "Butembo police".
const BODY = '(?:civil society|local committee|resistance committee|community|youth|police|provincial government|regional authorit(?:ies|es)|authorities|government|administration|council)';

/**
 * A local body named through its place: "a civil society leader in Beni territory" → "Beni territory civil
 * society"; "the president of the civil society of the Bahema Badjere chiefdom"; "the town's police commander"
 * (in an article about Butembo) → "Butembo police"; "the provincial government" → "Ituri provincial government".
 */
const RE_BODY_IN = new RegExp(`^(${BODY})(?:\\s+(?:${ROLE_NOUN})s?)?\\s+(?:in|of|for|from)\\s+(?:the\\s+)?(\\p{Lu}[\\p{L}'’-]*(?:\\s+[\\p{L}'’-]+){0,3})$`, 'u');
const RE_PLACE_POSS = new RegExp(`^(town|city|village|camp|province|region|state|district)['’]s\\s+(${BODY})(?:\\s+(?:${ROLE_NOUN}))?$`, 'u');

function placedBody(phrase: string, doc: Doc): string | null {
  const p = phrase.trim().replace(/^(?:the|a|an)\s+/i, '');
  const lead = RE_BODY_IN.exec(p);
  if (lead) return `${lead[2]} ${lead[1]}`;
  const poss = RE_PLACE_POSS.exec(p);
  if (poss) {
    const place = mainPlace(doc, /^(?:town|city|village|camp)$/.test(poss[1]!) ? 'town' : 'region');
    return place ? `${place} ${poss[2]}` : null;
  }
  const qual = /^(provincial|regional|state)\s+(government|authorit(?:ies|es)|administration)$/i.exec(p);
  if (qual) {
    const place = mainPlace(doc, 'region');
    return place ? `${place} ${qual[1]!.toLowerCase()} ${qual[2]!.toLowerCase().replace(/^authorites$/, 'authorities')}` : null;
  }
  return null;
}

/** The region the text names most often as "X region", "X Oblast", "X Regional …" (earliest on ties). */
function regionNamed(text: string): string | null {
  const count = new Map<string, number>();
  for (const m of text.matchAll(/\b(\p{Lu}[\p{L}-]+)\s+(?:[Oo]blast|[Rr]egion|[Rr]egional)\b/gu)) if (!/^(?:The|Russian|Ukrainian|In|A)$/.test(m[1]!)) count.set(m[1]!, (count.get(m[1]!) ?? 0) + 1);
  let best: string | null = null;
  for (const [n, c] of count) if (best === null || c > count.get(best)!) best = n;
  return best;
}

/** The article's most mentioned town, or its most mentioned first-level region (earliest on ties). */
function mainPlace(doc: Doc, unit: 'town' | 'region'): string | null {
  const count = new Map<string, number>();
  for (const pl of doc.places) {
    const name = unit === 'town' ? (pl.feature === 'city' || pl.feature === 'village' ? pl.name.replace(/^(?:town|city|village) of\s+/i, '') : null) : pl.admin1;
    if (name) count.set(name, (count.get(name) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [n, c] of count) if (best === null || c > count.get(best)!) best = n;
  return best;
}

const peopleCache = new WeakMap<Doc, PersonRole[]>();
/** The article's person → role map, built once per document. */
function peopleIn(doc: Doc): PersonRole[] {
  let p = peopleCache.get(doc);
  if (!p) {
    p = peopleOf(doc.text);
    peopleCache.set(doc, p);
  }
  return p;
}

/** A role as a source: the body it names, else (for a ranked officer) the article country's army, else the role. */
function resolveRole(role: string, ranked: boolean, doc: Doc, ctx: AttributionContext): { name: string; kind: SourceKind | null; known: boolean } {
  const r = resolvePhrase(role, doc, ctx);
  if (r.known || !ranked) return r;
  const army = ctx.index.lookup('the army', ctx.country);
  return army ? { name: army.name, kind: army.kind, known: true } : r;
}

function guessKind(p: string): SourceKind | null {
  if (/\b(?:doctor|medic|hospital|health|medical|paramedic|rescue)/i.test(p)) return 'medical';
  if (/\b(?:official|governor|mayor|authorit|administration|council)/i.test(p)) return 'local_officials';
  if (/\b(?:activist|resident|witness|villager|community|local)/i.test(p)) return 'activists';
  if (/\b(?:military|army|security source|police)/i.test(p)) return 'military';
  if (/\b(?:ngo|group|organi[sz]ation|monitor)/i.test(p)) return 'ngo';
  return null;
}

// Finite verbs and clause words that a speaker phrase never contains: "one man was killed when a shell hit".
const FINITE = /\b(?:was|were|is|are|been|had|has|have|killed|died|hit|struck|fled|when|if|after|because|where|while|said|says|received|collected|documents?|operates|relies)\b/i;
// Chunks that describe the speaker rather than name it: relative clauses and appositives
// ("which relies on a network of sources", "one of the groups that document abuses", "known by its acronym MSF").
const DESCRIBES = /^(?:which|who|whom|whose|that|where|based|known|also known|better known|one of|himself|herself|itself|operat|run by|set up)\b/i;

/** Bounds of the speaker of a reporting verb: the subject noun phrase of its clause, with any appositive. */
function subjectOf(text: string, sStart: number, vStart: number): { start: number; end: number; appositive?: { start: number; end: number } } | null {
  // The clause starts after the last hard boundary: a sentence end the splitter missed ("… on Monday. Kharkiv
  // regional governor Oleh Syniehubov said"), a semicolon, a colon or a quotation mark.
  let from = sStart;
  for (const b of text.slice(sStart, vStart).matchAll(/[.!?]["”’]?\s+(?=\p{Lu})|[;:“”"]\s*/gu)) {
    // Abbreviations are not boundaries: "Gov. Vyacheslav Gladkov", "U.N. officials".
    if (/\b(?:Gov|Gen|Col|Lt|Maj|Capt|Brig|Sgt|Dr|Mr|Mrs|Ms|St|Rep|Sen|U\.N|U\.S|No)\.\s*$/.test(text.slice(sStart, sStart + b.index + 1)) || /\b\p{Lu}\.\s*$/u.test(text.slice(sStart, sStart + b.index + 1))) continue;
    from = sStart + b.index + b[0].length;
  }
  // Auxiliaries and adverbs between subject and verb: "the ministry also said", "officials have said".
  let to = vStart;
  const tail = /\s+(?:(?:also|later|earlier|previously|separately|further|has|have|had|was|were|is|would|had\s+earlier|has\s+also|have\s+also)\s*)+$/i.exec(text.slice(from, vStart));
  if (tail) to = from + tail.index;
  const chunks: { start: number; end: number }[] = [];
  let last = from;
  for (const b of text.slice(from, to).matchAll(/\s*(?:,|—|–|\s-\s|\()\s*|\)/g)) {
    chunks.push({ start: last, end: from + b.index });
    last = from + b.index + b[0].length;
  }
  chunks.push({ start: last, end: to });
  const nonEmpty = (c: { start: number; end: number }) => text.slice(c.start, c.end).trim().length > 0;
  let k = chunks.length - 1;
  let appositive: { start: number; end: number } | undefined;
  // "X, the head of Y, said": the verb follows a closed appositive; the speaker is X, described by Y.
  if (!nonEmpty(chunks[k]!)) {
    k--;
    if (k < 0) return null;
    appositive = chunks[k];
    k--;
    while (k >= 0 && appositive && DESCRIBES.test(text.slice(appositive.start, appositive.end).trim()) && k > 0 && DESCRIBES.test(text.slice(chunks[k]!.start, chunks[k]!.end).trim())) {
      appositive = chunks[k];
      k--;
    }
    if (k < 0 || !nonEmpty(chunks[k]!)) {
      k = chunks.indexOf(appositive!);
      appositive = undefined;
    }
  }
  const head = chunks[k]!;
  let hs = head.start;
  let he = head.end;
  let seg = text.slice(hs, he);
  // Leading adverbials and conjunctions: "On Monday the ministry", "But rights groups", "Separately, police".
  const lead = /^\s*(?:(?:and|but|however|meanwhile|separately|earlier|later|also|in addition|on|late on|early on)\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the same day)\s+)?)+/i.exec(seg);
  if (lead && lead[0].trim()) {
    hs += lead[0].length;
    seg = text.slice(hs, he);
  }
  // The clause may start inside the chunk: "… and a community leader who" has no verb; "that the toll was" has.
  const clause = [...seg.matchAll(/\b(?:that|and said|as|while|when|after|because)\s+/gi)].pop();
  if (clause && clause.index + clause[0].length < seg.length) {
    hs += clause.index + clause[0].length;
    seg = text.slice(hs, he);
  }
  // A relative clause inside the head ends it: "a resident who fled to Ouagadougou", "a villager who helped".
  const rel = /\s+(?:who|which|whose|that)\b.*$/is.exec(seg);
  if (rel && rel.index > 0) {
    he = hs + rel.index;
    seg = text.slice(hs, he);
  }
  const trimmed = seg.trim();
  if (!trimmed || trimmed.split(/\s+/).length > 12 || /\d/.test(trimmed) || FINITE.test(trimmed)) return null;
  if (/^(?:also|then|later|earlier|previously|had|has|have|was|were|is|are|would|could|separately)$/i.test(trimmed)) return null;
  hs += seg.length - seg.trimStart().length;
  he = hs + trimmed.length;
  if (appositive) {
    const a = text.slice(appositive.start, appositive.end).trim();
    if (!a || FINITE.test(a.replace(/^(?:one of|which|who|that)\b.*$/i, '')) || a.split(/\s+/).length > 12) appositive = undefined;
  }
  return { start: hs, end: he, ...(appositive ? { appositive } : {}) };
}

/**
 * A coordinated verb shares the sentence's subject: "The town's police commander denied that …, saying they had
 * fired "only tear gas", and said 15 people had been arrested" → the commander said it.
 */
function sharedSubject(text: string, sStart: number, vStart: number): { start: number; end: number; appositive?: { start: number; end: number } } | null {
  if (!/(?:^|[\s,])(?:and|but)\s+(?:(?:also|later)\s+)?$/i.test(text.slice(Math.max(sStart, vStart - 20), vStart))) return null;
  const head = /^\s*((?:[\p{L}'’.-]+\s+){0,7}?)(?=(?:denied|said|told|added|confirmed|announced|reported|claimed|accused|insisted|stated|warned|urged|called)\b)/u.exec(text.slice(sStart, vStart));
  if (!head || !head[1]!.trim() || FINITE.test(head[1]!)) return null;
  const start = sStart + head[0].length - head[1]!.length;
  return { start, end: start + head[1]!.trimEnd().length };
}

/** Find the source phrases of one sentence. */
function findInSentence(doc: Doc, s: Sentence): Found[] {
  const text = doc.text;
  const found: Found[] = [];
  const body = text.slice(s.span.start, s.span.end);
  const at = (k: number) => s.span.start + k;
  // "according to X" / "citing X" / "figures from X" / "the toll, given by X".
  for (const m of body.matchAll(/\b(according to|citing|quoting|figures (?:from|by|compiled by|released by|provided by)|data (?:from|compiled by)|(?:given|provided|compiled|released) by)\s+/gi)) {
    const start = at(m.index + m[0].length);
    const rest = text.slice(start, s.span.end);
    // "citing more than 200 deaths" cites a figure, not a source.
    if (/^(?:\d|more|at least|over|nearly|about|some|dozens|hundreds|thousands)/i.test(rest)) continue;
    // Dots inside initials do not end the phrase: "according to the U.N. Integrated Office in Haiti".
    const masked = rest.replace(/\b(?:\p{Lu}\.){2,}/gu, (x) => x.replace(/\./g, '_'));
    const stop = /[,;.:—–"“”]|\s(?:and\s+(?:said|added|reported)|who|which|while|as)\b/.exec(masked);
    const ph = cleanPhrase(text, start, start + (stop ? stop.index : rest.length));
    if (ph.end <= ph.start || ph.end - ph.start > 90) continue;
    const cue = m[1]!.toLowerCase();
    const rule = cue === 'according to' ? 'attribution.according-to' : /^(?:citing|quoting)/.test(cue) ? 'attribution.citing' : 'attribution.figures-from';
    found.push({ ...ph, cueStart: at(m.index), cueEnd: at(m.index + m[1]!.length), rule, via: [] });
  }
  // "X's figures", "X's tally".
  for (const m of body.matchAll(/((?:\p{Lu}[\p{L}-]*\s+){0,6}\p{Lu}[\p{L}-]*)['’]s\s+(?:figures|tally|count|data|toll)\b/gu)) {
    found.push({ start: at(m.index), end: at(m.index + m[1]!.length), cueStart: at(m.index + m[1]!.length), cueEnd: at(m.index + m[0].length), rule: 'attribution.possessive-figures', via: [] });
  }
  // "X said" / "X told AFP" / "X reported": the subject is the phrase just before the verb.
  for (const m of body.matchAll(RE_VERB)) {
    const vStart = at(m.index);
    const before = text.slice(s.span.start, vStart);
    // "said X" inversion: "…, said the ministry." — only when the speaker phrase closes the clause; "Prokudin,
    // governor of Kherson Oblast, said one man was killed" is a subject with an appositive, not an inversion.
    if (/,\s*$/.test(before) || /^\s*$/.test(before)) {
      const after = text.slice(vStart + m[0].length, s.span.end);
      const inv = /^\s+((?:the\s+)?(?!that\b|on\b|in\b|it\b|he\b|she\b|they\b)[\p{L}'’.-]+(?:\s+(?!that\b|on\b|in\b)[\p{L}'’.-]+){0,6}?)\s*(?:[,.;:”"]|$)/u.exec(after);
      if (inv && /^(?:said|says|added|reported|told)$/.test(m[0]) && !FINITE.test(inv[1]!)) {
        const st = vStart + m[0].length + inv[0].indexOf(inv[1]!);
        const ph = cleanPhrase(text, st, st + inv[1]!.length);
        found.push({ ...ph, cueStart: vStart, cueEnd: vStart + m[0].length, rule: 'attribution.said-inverted', via: [] });
        continue;
      }
    }
    const subj = subjectOf(text, s.span.start, vStart) ?? sharedSubject(text, s.span.start, vStart);
    if (!subj) continue;
    // "according to two residents who said …": the according-to phrase is already a source.
    if (/^(?:according to|citing|quoting)\b/i.test(text.slice(subj.start, subj.end))) continue;
    const via: string[] = [];
    if (/^(?:told|tells)$/.test(m[0])) {
      const obj = /^\s+((?:the\s+)?(?:state\s+news\s+agency\s+|state\s+broadcaster\s+|state\s+media\s+|news\s+agency\s+)?[\p{Lu}][\p{L}-]*(?:[\s-]+\p{Lu}[\p{L}-]*){0,3})/u.exec(text.slice(vStart + m[0].length, s.span.end));
      if (obj) via.push(obj[1]!);
    } else {
      // The medium that carried a statement is an intermediary: "said in a statement read on state television MRTV",
      // "said in a communique carried by the state news agency ANP".
      const carrier = /^\s+(?:(?:on\s+\p{Lu}\p{Ll}+day\s+)?in\s+an?\s+(?:statement|communiqu[eé]|message|post|video|address)\s+)?(?:read|carried|broadcast|aired|published|relayed|quoted)\s+(?:out\s+)?(?:on|by|in)\s+((?:the\s+)?(?:(?:state(?:-run)?|official|national)\s+)?(?:television|TV|news\s+agency|broadcaster|media|radio)?\s*(?:\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3})?)/u.exec(text.slice(vStart + m[0].length, s.span.end));
      if (carrier && carrier[1]!.trim()) via.push(carrier[1]!.trim());
    }
    found.push({ start: subj.start, end: subj.end, ...(subj.appositive ? { alt: subj.appositive } : {}), cueStart: vStart, cueEnd: vStart + m[0].length, rule: `attribution.${m[0] === 'told' || m[0] === 'tells' ? 'told' : 'said'}`, via });
  }
  // A speaker followed by a quote: `X said: "…"` is covered above; `"…," the ministry said` too.
  return found;
}

/** Every attribution of the article's live sentences, anaphors and indefinites resolved. */
export function findAttributions(doc: Doc, sentences: readonly Sentence[], ctx: AttributionContext): Attribution[] {
  const raw: { f: Found; s: Sentence }[] = [];
  for (const s of sentences) for (const f of findInSentence(doc, s)) raw.push({ f, s });
  raw.sort((a, b) => a.f.start - b.f.start);
  const out: Attribution[] = [];
  const pending: { i: number; kinds: readonly SourceKind[] }[] = [];
  for (const { f, s } of raw) {
    const phrase = doc.text.slice(f.start, f.end);
    const np = normName(phrase);
    // Speakers that are not sources: "Russian shelling killed … and wounded 11 … said" yields odd subjects; keep
    // only phrases that look like a name or a description of people or bodies.
    if (!phrase || /^(?:there|which|who|whom|what|this|that|these|those|we|i|you|us)$/i.test(np)) continue;
    let res = resolvePhrase(phrase, doc, ctx);
    // A governor named without a region ("Gov. Vyacheslav Gladkov") governs the region named in the same sentence:
    // "In Russia's Belgorod region, Gov. Vyacheslav Gladkov said …".
    if (res.kind === 'local_officials' && /regional governor$/.test(res.name) && /^(?:the\s+)?(?:regional\s+)?(?:[Gg]overnor|Gov\.)/.test(phrase.trim())) {
      const here = /\b(\p{Lu}[\p{L}-]+)\s+(?:[Oo]blast|region)\b/u.exec(doc.text.slice(s.span.start, s.span.end));
      // Else the province of a place named in the sentence ("a missile struck … in Kharkiv …, regional governor
      // Oleh Syniehubov said" → Kharkiv), else the article's most named province.
      const region = here?.[1] ?? regionOfPlaces(doc, s.span) ?? regionOfPlaces(doc, null);
      if (region) res = { ...res, name: `${region} regional governor` };
    }
    let rule = f.rule;
    let span = { start: f.start, end: f.end };
    // The appositive speaks when the head does not resolve: a person ("Prokudin, governor of Kherson Oblast")
    // or a description ("The medical charity, known by its French acronym MSF").
    if (f.alt && !res.known) {
      const altText = doc.text.slice(f.alt.start, f.alt.end).replace(/^(?:known|also known|better known)\s+(?:as|by\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:acronym|name|initials))\s+/i, '');
      const alt = resolvePhrase(altText, doc, ctx);
      if (alt.known || (PERSON.test(phrase.trim()) && ROLE.test(altText))) {
        res = alt;
        span = { start: f.alt.start, end: f.alt.end };
        rule = `${rule}+appositive`;
      }
    }
    // A capitalised word after the article is a name, not an anaphor: "the SITE Intelligence Group".
    // "the Health Ministry" is still a description of a body named before.
    const caps = phrase.trim().split(/\s+/).slice(1).filter((w) => /^\p{Lu}/u.test(w) && !/^(?:Health|Defen[cs]e|Interior|Information|Foreign|Media|Press|Security|Military|Ministry|Office|Group|Agency)$/.test(w));
    const named = /^(?:the|this|that)\s+\p{Lu}/iu.test(phrase.trim()) && caps.length >= 2;
    const an = named ? null : (ANAPHOR.exec(phrase.trim().replace(/^same\s/i, 'the same ')) ?? (PRONOUN.test(np) && !/^officials?$/.test(np) ? ['', ''] : null));
    // "according to the same UN office" points back even though "UN" alone would resolve: the earlier UN office.
    const sameRef = /^(?:the\s+)?same\s/i.test(phrase.trim());
    if ((!res.known || sameRef) && an) {
      const head = an[1]?.toLowerCase() ?? null;
      const kinds = head ? (KINDS_BY_HEAD[head] ?? null) : null;
      const earlier = [...out].reverse().filter((a) => a.span.start <= f.start);
      // An antecedent that used the same head noun comes first: "the U.N. Integrated Office in Haiti … The office
      // said" is the UN office, not the police quoted in between; "the bus company … the company said".
      const sameHead = head ? earlier.find((a) => new RegExp(`\\b${head}\\b`, 'i').test(doc.text.slice(a.span.start, a.span.end)) && (a.known || !INDEFINITE.test(doc.text.slice(a.span.start, a.span.end).trim()))) : undefined;
      // A described noun with no known kind is a new speaker, not an anaphor: "according to the bus company".
      const described = head !== null && !kinds && /^(?:the|this|that)\s+\S+\s+\S/i.test(phrase.trim());
      const prev = sameHead ?? (described ? undefined : earlier.find((a) => !kinds || (a.kind && kinds.includes(a.kind))));
      if (prev) {
        res = { name: prev.name, kind: prev.kind, known: prev.known };
        rule = `${rule}+coref`;
      }
    }
    const ind = !res.known ? INDEFINITE.exec(phrase.trim()) : null;
    // A medium with no name the article or the dictionary gives ("read on national television") is not a link.
    // Nor is an unnamed one ("carried by state media"): gold chains list outlets the text names.
    const via = f.via.flatMap((v) => {
      // Lower-case media words describe ("state television MRTV"); capitalised ones name ("Radio Dabanga").
      const bare = v.replace(/^(?:[Tt]he\s+)?(?:(?:[Ss]tate(?:-run)?|[Oo]fficial|[Nn]ational)\s+)?(?:news\s+agency|broadcaster|media|television|TV|radio)\s*/, '').replace(/^(?:[Ss]tate(?:-run)?|[Oo]fficial|[Nn]ational)\s+(?=\p{Ll})/u, '');
      if (!/\p{Lu}/u.test(bare)) return [];
      return [ctx.index.lookup(v, ctx.country)?.name ?? bare];
    });
    const a = { span, cue: { start: f.cueStart, end: f.cueEnd }, ...res, via, sentence: s.index, rule };
    if (ind) pending.push({ i: out.length, kinds: KINDS_BY_HEAD[ind[1]!.toLowerCase()] ?? ['ngo', 'monitor'] });
    out.push(a);
  }
  // "a war monitor said" in the lead names the monitor that the article names later (or earlier).
  for (const p of pending) {
    const a = out[p.i]!;
    const cands = out.filter((b) => b.known && b.kind && p.kinds.includes(b.kind));
    const next = cands.find((b) => b.span.start > a.span.start) ?? cands.reverse().find((b) => b.span.start < a.span.start);
    if (next) out[p.i] = { ...a, name: next.name, kind: next.kind, known: true, rule: `${a.rule}+indefinite` };
  }
  // "citing X" makes X the inner source of the sentence's main attribution: "MRTV reported, citing the military".
  return out;
}

/** The agency whose copy an outlet carries: meta credit, a "(AFP)" dateline, or "a correspondent of AFP". */
export function creditOf(doc: Doc, ctx: AttributionContext): string | null {
  const outlet = doc.meta.outlet;
  const canon = (n: string) => ctx.index.lookup(n, ctx.country)?.name ?? n;
  const outletName = outlet ? canon(outlet) : null;
  const pick = (n: string | null | undefined) => {
    if (!n) return null;
    const c = canon(n);
    return c === outletName ? null : c;
  };
  // "Al Jazeera and news agencies" credits the outlet itself and unnamed agencies: no agency to name.
  if (doc.meta.credit) return outletName && doc.meta.credit.toLowerCase().includes(outletName.toLowerCase()) && !ctx.index.lookup(doc.meta.credit, ctx.country) ? null : pick(doc.meta.credit);
  const head = doc.text.slice(0, 200);
  const dl = /^[^\n]{0,80}?\((AFP|Reuters|AP|dpa|Xinhua|Anadolu)\)/.exec(head);
  if (dl) return pick(dl[1]);
  // Any agency the dictionary knows in a dateline: "Niamey, 3 December (ANP) –" → Niger Press Agency.
  const dl2 = /^[^\n]{0,80}?\(([\p{Lu}][\p{L}.-]{1,15}(?:\s[\p{Lu}][\p{L}.-]*){0,2})\)\s*[-–—]/u.exec(head);
  const dlHit = dl2 ? ctx.index.lookup(dl2[1]!, ctx.country) : null;
  if (dlHit && (dlHit.kind === 'news_agency' || dlHit.kind === 'state_media')) return pick(dlHit.name);
  // An agency the dictionary does not know still credits its copy from the dateline, "Bamako, 4 May (AMAP) –",
  // named as the article spells the acronym out, else as written; unless it abbreviates the outlet itself
  // ("Mogadishu (SONNA) –" in the Somali National News Agency's own copy).
  const acr = dl2 && !dlHit && /^[A-Z]{2,6}$/.test(dl2[1]!) ? dl2[1]! : null;
  const abbreviates = (a: string, n: string) => new RegExp(`^${a.split('').join('.*')}`, 'i').test(n.replace(/[^\p{L}\s]/gu, ''));
  if (acr && !(outlet && abbreviates(acr, outlet))) return pick(acronymsOf(doc).get(acr) ?? acr);
  // A closing credit line: "(Naharnet, with Reuters)", "(With Reuters)", "— with AFP".
  const tail = /\(\s*(?:[^()\n]{1,40},\s*)?[Ww]ith\s+([^()\n]{2,40}?)\s*\)|(?:^|\n)\s*[-–—]?\s*[Ww]ith\s+(AFP|Reuters|AP|agencies)\s*$/mu.exec(doc.text);
  if (tail) {
    const hit = ctx.index.lookup((tail[1] ?? tail[2])!.replace(/\s+and\s+.*$/, ''), ctx.country);
    if (hit && (hit.kind === 'news_agency' || hit.kind === 'state_media')) return pick(hit.name);
  }
  const corr = /\b(?:correspondents?|reporters?|journalists?|photographers?)\s+(?:of|for|from|with)\s+((?:the\s+)?\p{Lu}[\p{L}-]*(?:[\s-]\p{Lu}[\p{L}-]*){0,3})|\b(AFP|Reuters|AP)\s+(?:correspondent|reporter|journalist)s?\b/u.exec(doc.text);
  if (corr) {
    const n = (corr[1] ?? corr[2])!;
    const hit = ctx.index.lookup(n, ctx.country);
    if (hit && (hit.kind === 'news_agency' || hit.kind === 'state_media')) return pick(hit.name);
  }
  return null;
}

/** The chain from the outlet inwards: [outlet, credited agency, …intermediaries, innermost source]. */
export function chainOf(outlet: string | null, credit: string | null, a: { name: string; via: readonly string[] } | null): string[] {
  const chain: string[] = [];
  // "the Libya Observer" is the outlet Libya Observer; "ENA" the Ethiopian News Agency that publishes the story.
  const initials = (n: string) => n.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  const same = (x: string, y: string) => normName(x) === normName(y) || (/^[A-Z]{2,6}$/.test(y) && initials(x) === y) || (/^[A-Z]{2,6}$/.test(x) && initials(y) === x);
  const push = (n: string | null | undefined) => {
    if (n && !chain.some((c) => same(c, n))) chain.push(n);
  };
  push(outlet);
  // Agency copy on an aggregator names the agency even for an unsourced figure: [Outlet, Agency] (GOLD.md rule 5).
  push(credit);
  if (!a) return chain;
  for (const v of a.via) push(v);
  // The outlet's or agency's own reporting ("an AP reporter counted 15 bodies") adds nothing to the chain.
  push(a.name);
  return chain;
}

export type { KnownSource };
