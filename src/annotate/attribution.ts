import type { Doc, Sentence, Span } from '../core/index.ts';
import type { KnownSource, SourceIndex, SourceKind } from '../resolve/sources.ts';
import { normName } from '../resolve/sources.ts';

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
  'said|says|say|reported|reports|announced|announces|told|tells|estimated|estimates|added|adds|stated|states|confirmed|confirms|wrote|writes|posted|claimed|claims|noted|tweeted|counted|recorded|documented|tallied|gave|put|spoke|warned|explained|indicated|revealed|declared|informed';
const RE_VERB = new RegExp(`\\b(${VERBS})\\b`, 'g');
// A subject phrase ends at these (it starts after the last one before the verb).
const SUBJECT_BOUNDARY = /[,;:—–(“”"]|\bthat\b|\band\b|\bwhile\b|\bbut\b|\bas\b/g;
const PRONOUN = /^(?:it|he|she|they|this|officials?)$/i;

// Anaphors point back to the most recent compatible source: "the NGO", "this NGO", "the monitor", "the same source".
const ANAPHOR = /^(?:the|this|that|said)\s+(?:same\s+(?:source|organi[sz]ation|monitor|group)|(?:[\w-]+\s+){0,2}?(ngo|monitor|observatory|agency|ministry|organi[sz]ation|group|office|body|governor|administration|military|army|watchdog|charity|network|centre|center|channel|broadcaster|television|outlet|mayor|police|service))$/i;
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
  const hit = ctx.index.lookup(phrase, ctx.country);
  if (hit) return { name: hit.name, kind: hit.kind, known: true };
  // "the SDF's media centre", "the ministry's spokesman" speak for their organisation.
  const poss = /^(.+?)['’]s\s+(?:[\w-]+\s+)?(?:centre|center|office|spokes\w+|statement|channel|account|press service|media)$/i.exec(phrase);
  if (poss) {
    const h = ctx.index.lookup(poss[1]!, ctx.country);
    if (h) return { name: h.name, kind: h.kind, known: true };
  }
  let p = phrase.replace(/^(?:the)\s+/i, '').replace(/\s+/g, ' ').trim();
  // "Donetsk regional governor Pavlo Kyrylenko", "Gov. Vyacheslav Gladkov": the role, not the person.
  p = p.replace(/^((?:[\p{L}.'’-]+\s+){0,4}?(?:governor|Governor|Gov\.|mayor|Mayor|spokes\w+|Spokes\w+|head|chief|minister|Minister|commander|official))\s+(?:\p{Lu}[\p{L}'’-]+\s*){1,3}$/u, '$1');
  // A person named alone ("Kyrylenko said") takes the role given with their name elsewhere in the article.
  if (/^(?:\p{Lu}[\p{L}'’-]+\s*){1,3}$/u.test(p) && !/^(?:[A-Z]{2,})$/.test(p)) {
    const sur = p.split(/\s+/).pop()!;
    const esc = sur.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m =
      new RegExp(`\\b((?:[\\p{L}.'’-]+\\s+){0,3}?(?:governor|Governor|Gov\\.|mayor|Mayor|head|chief|minister|Minister|commander))\\s+(?:\\p{Lu}[\\p{L}'’-]+\\s+){0,2}${esc}\\b`, 'u').exec(doc.text) ??
      new RegExp(`\\b${esc},\\s+(?:the\\s+)?((?:[\\p{L}'’-]+\\s+){0,6}?(?:governor|mayor|head|chief|minister|commander|spokes\\w+)(?:\\s+of\\s+(?:the\\s+)?\\p{Lu}[\\p{L}-]+(?:\\s+(?:Oblast|region|province|state))?)?)`, 'u').exec(doc.text);
    if (m) return resolvePhrase(m[1]!, doc, ctx);
  }
  p = p.replace(/^Gov\.\s*/, 'governor ').replace(/\b(\p{Lu}[\p{L}-]+)\s+(?:Region|region|Oblast)\s+[Gg]overnor$/u, '$1 regional governor');
  const h2 = ctx.index.lookup(p, ctx.country);
  if (h2) return { name: h2.name, kind: h2.kind, known: true };
  // Unnamed descriptions lose their place detail: "a doctor at Hama's national hospital" → "a doctor".
  if (/^(?:a|an|two|three|several)\s/i.test(p)) p = p.replace(/\s+(?:at|in|from|with|on|near)\s.*$/, '');
  // A named person with a role: "Oleksandr Prokudin, governor of Kherson Oblast" is cut before the role earlier.
  const role = /^(?:(\p{Lu}[\p{L}-]+)(?:\s+Oblast|\s+region|\s+province|\s+state)?\s+)?(regional\s+(?:military\s+)?)?([Gg]overnor|[Mm]ilitary [Aa]dministration|[Mm]ayor)(?:\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}-]+)(?:\s+(?:Oblast|region|province|state))?)?$/u.exec(p);
  if (role && (role[1] || role[4] || role[2]) && !/^(?:Regional|Russian|Ukrainian)$/.test(role[1] ?? '')) {
    let place: string | undefined = role[1] ?? role[4];
    if (!place) {
      // "the regional governor" — the region is named elsewhere: "governor of Kherson Oblast", "Kherson region".
      const m = /\bgovernor of (?:the )?(\p{Lu}[\p{L}-]+)|\b(\p{Lu}[\p{L}-]+) (?:Oblast|region|regional)\b/u.exec(doc.text);
      place = m ? (m[1] ?? m[2]) : undefined;
    }
    if (place) p = /mayor/i.test(role[3]!) ? `${place} mayor` : `${place} regional ${(role[2] ?? '').includes('military') ? 'military ' : ''}${role[3]!.toLowerCase()}`;
    return { name: p, kind: 'local_officials', known: false };
  }
  if (COMMON_START.test(p) && !/^(?:[A-Z]{2,}|\p{Lu}\p{Ll}+\s+\p{Lu})/u.test(p)) p = p[0]!.toLowerCase() + p.slice(1);
  return { name: p, kind: guessKind(p), known: false };
}

function guessKind(p: string): SourceKind | null {
  if (/\b(?:doctor|medic|hospital|health|medical|paramedic|rescue)/i.test(p)) return 'medical';
  if (/\b(?:official|governor|mayor|authorit|administration|council)/i.test(p)) return 'local_officials';
  if (/\b(?:activist|resident|witness|villager|community|local)/i.test(p)) return 'activists';
  if (/\b(?:military|army|security source|police)/i.test(p)) return 'military';
  if (/\b(?:ngo|group|organi[sz]ation|monitor)/i.test(p)) return 'ngo';
  return null;
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
    const stop = /[,;.:—–"“”]|\s(?:and\s+(?:said|added|reported)|who|which|while|as)\b/.exec(rest);
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
    // "said X" inversion: ", said the ministry".
    if (/,\s*$/.test(before) || /^\s*$/.test(before)) {
      const after = text.slice(vStart + m[0].length, s.span.end);
      const inv = /^\s+((?:the\s+)?(?!that\b|on\b|in\b|it\b|he\b|she\b|they\b)[\p{L}'’-]+(?:\s+(?!that\b|on\b|in\b)[\p{L}'’-]+){0,6})/u.exec(after);
      if (inv && /^(?:said|says|added|reported|told)$/.test(m[0])) {
        const st = vStart + m[0].length + inv[0].indexOf(inv[1]!);
        const ph = cleanPhrase(text, st, st + inv[1]!.length);
        found.push({ ...ph, cueStart: vStart, cueEnd: vStart + m[0].length, rule: 'attribution.said-inverted', via: [] });
        continue;
      }
    }
    // The subject: after the last boundary; a relative clause or an appositive sends us one segment back.
    const segs: { start: number; end: number }[] = [];
    let last = 0;
    SUBJECT_BOUNDARY.lastIndex = 0;
    for (const b of before.matchAll(SUBJECT_BOUNDARY)) {
      segs.push({ start: last, end: b.index });
      last = b.index + b[0].length;
    }
    segs.push({ start: last, end: before.length });
    let k = segs.length - 1;
    let seg = before.slice(segs[k]!.start, segs[k]!.end).trim();
    // "The monitor, which relies on a network of sources, said" → "The monitor".
    while (k > 0 && (/^(?:which|who|whose|based|a|an)\b/i.test(seg) || !seg) && segs[k - 1]) {
      const prev = before.slice(segs[k - 1]!.start, segs[k - 1]!.end).trim();
      if (/^(?:which|who|whose|based)\b/i.test(seg) || !seg || (/^\p{Lu}/u.test(prev) && prev.split(/\s+/).length <= 6 && !/\b(?:was|were|is|are|been|killed|died|hit|when|if|after|because|where|said)\b/i.test(prev))) {
        k--;
        seg = prev;
      } else break;
    }
    if (!seg || seg.split(/\s+/).length > 8 || /\d/.test(seg) || /\b(?:was|were|is|are|been|killed|died|hit|when|if|after|because|where)\b/i.test(seg)) continue;
    // Subjects of "said" that are not speakers: "Russian shelling killed three people … said" has no subject here.
    if (/^(?:also|then|later|earlier|previously|had|has|have|was|were|is|are|would|could|separately)$/i.test(seg)) continue;
    const segStart = s.span.start + segs[k]!.start + (before.slice(segs[k]!.start, segs[k]!.end).length - before.slice(segs[k]!.start, segs[k]!.end).trimStart().length);
    let phStart = segStart;
    // Drop sentence-adverbials: "On Monday, the ministry said", "Separately the army said".
    const lead = /^(?:(?:on|late on|early on)\s+\w+\s+|separately\s+|meanwhile\s+|earlier\s+|later\s+|also\s+)+/i.exec(seg);
    if (lead) phStart += lead[0].length;
    // Verbs after an auxiliary or adverb: "the ministry also said", "officials have said".
    const tail = /\s+(?:also|later|earlier|previously|separately|has|have|had|had\s+earlier|has\s+also|have\s+also|was|were|is|would|further)(?:\s+(?:also|earlier|previously))?\s*$/i.exec(text.slice(phStart, vStart));
    const phEnd = vStart - (tail ? tail[0].length : 0) - (/\s*$/.exec(text.slice(phStart, vStart - (tail ? tail[0].length : 0)))![0].length);
    if (phEnd <= phStart) continue;
    // Verbs that need a speaker-like subject: "gave", "put", "counted" only with a source-ish noun.
    const via: string[] = [];
    if (/^(?:told|tells)$/.test(m[0])) {
      const obj = /^\s+((?:the\s+)?(?:state\s+news\s+agency\s+|state\s+broadcaster\s+|state\s+media\s+|news\s+agency\s+)?[\p{Lu}][\p{L}-]*(?:[\s-]+\p{Lu}[\p{L}-]*){0,3})/u.exec(text.slice(vStart + m[0].length, s.span.end));
      if (obj) via.push(obj[1]!);
    }
    found.push({ start: phStart, end: phEnd, cueStart: vStart, cueEnd: vStart + m[0].length, rule: `attribution.${m[0] === 'told' || m[0] === 'tells' ? 'told' : 'said'}`, via });
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
    if (!phrase || /^(?:there|which|what|this|that|these|those|we|i|you|him|her|them|us)$/i.test(np)) continue;
    let res = resolvePhrase(phrase, doc, ctx);
    let rule = f.rule;
    const an = ANAPHOR.exec(phrase.trim()) ?? (PRONOUN.test(np) && !/^officials?$/.test(np) ? ['', ''] : null);
    if (!res.known && an) {
      const kinds = an[1] ? (KINDS_BY_HEAD[an[1].toLowerCase()] ?? null) : null;
      const prev = [...out].reverse().find((a) => a.span.start <= f.start && (!kinds || (a.kind && kinds.includes(a.kind))));
      if (prev) {
        res = { name: prev.name, kind: prev.kind, known: prev.known };
        rule = `${rule}+coref`;
      }
    }
    const ind = !res.known ? INDEFINITE.exec(phrase.trim()) : null;
    const via = f.via.map((v) => ctx.index.lookup(v, ctx.country)?.name ?? v.replace(/^(?:the\s+)?(?:state\s+news\s+agency|state\s+broadcaster|state\s+media|news\s+agency)\s+/i, ''));
    const a = { span: { start: f.start, end: f.end }, cue: { start: f.cueStart, end: f.cueEnd }, ...res, via, sentence: s.index, rule };
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
  if (doc.meta.credit) return pick(doc.meta.credit);
  const head = doc.text.slice(0, 200);
  const dl = /^[^\n]{0,80}?\((AFP|Reuters|AP|dpa|Xinhua|Anadolu)\)/.exec(head);
  if (dl) return pick(dl[1]);
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
  const push = (n: string | null | undefined) => {
    if (n && !chain.includes(n)) chain.push(n);
  };
  push(outlet);
  if (!a) return chain;
  push(credit);
  for (const v of a.via) push(v);
  // The innermost source goes last even if it repeats the outlet ("Reuters" estimates in a Reuters story).
  if (chain[chain.length - 1] !== a.name) chain.push(a.name);
  return chain;
}

export type { KnownSource };
