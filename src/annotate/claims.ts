import type { Claim, ClaimKind, Doc, Mention, Sentence, SourceRef, Span, Stage, VictimCategory } from '../core/index.ts';
import { liveSentences, withLayer } from '../core/index.ts';
import { loadSources } from '../resolve/sources.ts';
import { type Attribution, chainOf, creditOf, findAttributions } from './attribution.ts';
import { findQuantities, type Quantity, shareOf } from './quantities.ts';
import { loadLexicon } from './lexicon.ts';

// Victim nouns, non-person nouns and triggers are data (data/claims/lexicon.json, schema beside it): "people"
// is the total, "troops" are soldiers, "jihadists" fighters; "200 shells" is not a claim.
const LEXICON = loadLexicon();
const NOUNS: Record<string, VictimCategory> = LEXICON.nouns;
const OBJECTS = LEXICON.objects;
const TRIGGERS = LEXICON.triggers;

interface Trigger {
  start: number;
  end: number;
  kind: ClaimKind;
  abducted: boolean;
}

function triggersIn(text: string, s: Span): Trigger[] {
  const body = text.slice(s.start, s.end);
  const out: Trigger[] = [];
  for (const [re, kind, abd] of TRIGGERS) for (const m of body.matchAll(re)) out.push({ start: s.start + m.index, end: s.start + m.index + m[0].length, kind, abducted: !!abd });
  return out.sort((a, b) => a.start - b.start);
}

// Forecasts, threats and denials are not claims: "could kill", "threatened to", "denied that any civilians were killed".
// A reason clause ends the modal's reach: "the toll could rise because several people were still missing".
const MODAL = /\b(?:could|might|may|would|will|threaten(?:s|ed)? to|risk(?:s|ed)?|fear(?:s|ed)?|feared|warned that|denied|denies|deny|no one|nobody|without)\b(?:(?!\b(?:because|since|as|after)\b)[^,.;]){0,40}$/i;

// Background cues: "since 2011", "since the start of the war", "the war has killed", "last year".
const BACKGROUND = /\b(?:since (?:(?:\w+ )?(?:19|20)\d\d|then|the (?:start|beginning|outbreak)|the (?:war|conflict|coup|invasion|uprising)|it (?:began|started|erupted))|(?:war|conflict|fighting|violence|insurgency|crisis) (?:has|have|had) (?:killed|displaced|left|forced|uprooted)|in (?:19|20)\d\d|last year|in recent years|over the (?:past|last) (?:\w+ )?(?:years|decade)|(?:a|an) (?:similar|earlier|previous) (?:attack|strike|incident|raid|massacre)|previously|(?:19|20)\d\d (?:war|offensive|crackdown|exodus|campaign)|in total|overall|so far)\b/i;

// Paragraph of each sentence of the article being read (set by buildClaims, read by `carried`).
let sentenceParagraph = new Map<number, number>();

interface Draft {
  q: Quantity;
  span: Span;
  headEnd: number;
  category: VictimCategory;
  hasNoun: boolean;
  kind: ClaimKind | null;
  abducted: boolean;
  sentence: Sentence;
  background: boolean;
  parentIdx: number | null;
  share: number | null;
  shareCat: VictimCategory | null;
  /** "two of them", "Eight of the wounded", "one of its officers", "the remaining eleven": a part of an earlier figure. */
  partitive: Partitive | null;
  /** "The ministry said the dead included 12 children": a part of the last figure of that kind in earlier sentences. */
  backref: ClaimKind | null;
}

interface Partitive {
  /** "of them": the part of the nearest figure; "the remaining": a sibling of the previous part. */
  form: 'pronoun' | 'noun' | 'remaining';
  /** The kind the partitive's noun implies: "of the wounded" → injured, "of the dead" → killed. */
  implied: ClaimKind | null;
}

// Partitive nouns that name a kind of victim: "Eight of the wounded", "52 of the dead", "three of the abducted".
const KIND_NOUN: Record<string, ClaimKind> = { dead: 'killed', killed: 'killed', victims: 'killed', fatalities: 'killed', wounded: 'injured', injured: 'injured', abducted: 'detained', kidnapped: 'detained', hostages: 'detained', detainees: 'detained', detained: 'detained', arrested: 'detained', displaced: 'displaced', missing: 'missing' };
// "four of them children", "Eight of them are still missing", "two of them in a serious condition".
const PART_PRONOUN = /^\s+of\s+(?:them|whom|those|these)\b(?:\s+([\p{L}-]+))?/u;
// "Eight of the wounded", "three of the suspects"; not "three of its fighters", which are counted here first.
const PART_NOUN = /^\s+of\s+the\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/u;
// A part named after a back-reference to earlier victims: "the dead included", "The injured persons, among them".
const BACKREF_BEFORE = /\bthe\s+(dead|victims|casualties|injured|wounded|abducted|detainees)\b(?:\s+(?:persons|people))?(?:\s+(?:included|include|includes|were|are)|\s*,?\s+(?:among them|among whom|including))\s*$/i;

// Capitalised words after a number that are dates, not a people: "12 May", "30 Monday".
const MONTH_DAY = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** Read the victim noun phrase after a quantity: "at least 19 civilians", "62 members of the regime forces". */
function victimPhrase(text: string, q: Quantity, sEnd: number, prevCat: VictimCategory | null): { end: number; category: VictimCategory; hasNoun: boolean; object: boolean } {
  let i = q.span.end;
  const words: { w: string; start: number; end: number }[] = [];
  // Ages are adjectives between the article and the noun: "a 12-year-old boy".
  const re = /\s*(\d{1,3}-year-old|[\p{L}][\p{L}'’-]*)/uy;
  re.lastIndex = i;
  for (let k = 0; k < 6; k++) {
    const m = re.exec(text.slice(0, sEnd));
    if (!m) break;
    words.push({ w: m[1]!, start: re.lastIndex - m[1]!.length, end: re.lastIndex });
  }
  // "of them", "of whom": the noun is elsewhere.
  if (/^\s+of\s+(?:them|whom|those)/i.test(text.slice(i, i + 20))) return { end: i, category: 'unknown', hasNoun: false, object: false };
  // A vague amount takes its noun through "of": "dozens of soldiers", "hundreds of thousands of displaced people".
  if (q.form === 'vague' && words[0]?.w.toLowerCase() === 'of' && !/^(?:its|their|the|his|her|these|this|that)$/i.test(words[1]?.w ?? '')) words.shift();
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const lw = w.w.toLowerCase();
    if (k === 0 && /^of$/.test(lw) && /^(?:its|their|the|his|her)$/i.test(words[1]?.w ?? '')) {
      k++;
      continue;
    }
    if (lw in NOUNS) {
      let cat = NOUNS[lw]!;
      let end = w.end;
      if (lw === 'others') cat = prevCat === 'soldiers' || prevCat === 'fighters' ? prevCat : 'total';
      // "members of the regime forces" / "suspected Islamic State members": forces and police are soldiers.
      if (lw === 'members' || lw === 'member') {
        const of = /^\s+of\s+(?:the\s+)?((?:[\p{L}'’-]+\s+){0,4}?(?:forces|army|police|military|troops|group|militia|militias|organi[sz]ation|movement|brigades?|[\p{Lu}][\p{L}-]+))\b/u.exec(text.slice(end, sEnd));
        if (of) {
          end += of[0].length;
          cat = /\b(?:regime|security|government|armed|state|army|police|military)\b/i.test(of[1]!) && /forces|army|police|military/i.test(of[1]!) ? 'soldiers' : 'fighters';
        }
      }
      // "police officers".
      if (lw === 'officers' && /^police$/i.test(words[k - 1]?.w ?? '')) cat = 'soldiers';
      return { end, category: cat, hasNoun: true, object: false };
    }
    if (OBJECTS.test(lw)) return { end: i, category: 'unknown', hasNoun: false, object: true };
    // Stop at verbs and prepositions: "19 were killed", "11 in the city".
    if (/^(?:were|was|are|is|have|has|had|been|who|which|that|in|on|at|from|by|with|since|during|after|before|near|across|and|or|but|as|for|to|of|including|among|among|including|killed|died|wounded|injured|dead|missing|displaced|fled|detained|arrested|abducted|said|according|overnight|today|yesterday|tonight|earlier|later|also|too|then|when|while|respectively)$/i.test(lw)) {
      // A capitalised people noun before the verb: "more than 49,000 Palestinians have been killed".
      if (k > 0 && k <= 2 && words.slice(0, k).every((x) => /^\p{Lu}\p{Ll}+s$/u.test(x.w) || (k === 1 && /^\p{Lu}\p{Ll}{3,}$/u.test(x.w) && !MONTH_DAY.test(x.w))) && words[0]!.start - i <= 1) return { end: words[k - 1]!.end, category: 'total', hasNoun: true, object: false };
      // "14,000 displaced people", "11 dead", "eight wounded".
      if (k === 0 && /^(?:dead|wounded|injured|missing|displaced|detained)$/i.test(lw)) {
        const nxt = words[1];
        if (nxt && nxt.w.toLowerCase() in NOUNS) return { end: nxt.end, category: NOUNS[nxt.w.toLowerCase()]!, hasNoun: true, object: false };
        return { end: w.end, category: 'unknown', hasNoun: true, object: false };
      }
      return { end: i, category: 'unknown', hasNoun: false, object: false };
    }
    // Adjectives and names between the number and the noun: "innocent", "Ukrainian", "Hayat Tahrir al-Sham".
    if (k >= 4) break;
  }
  // Capitalised demonyms used as nouns: "up to 45,000 Rohingya fled".
  const cap = words.findIndex((w) => !/^\p{Lu}/u.test(w.w));
  if (cap > 0) return { end: words[cap - 1]!.end, category: 'total', hasNoun: true, object: false };
  // Any other word right after the number is an unknown noun ("200 shells", "5 cents"): not people.
  if (words.length && words[0]!.start - i <= 1 && /^\p{Ll}/u.test(words[0]!.w)) return { end: i, category: 'unknown', hasNoun: false, object: true };
  return { end: i, category: 'unknown', hasNoun: false, object: false };
}

/** The claim kind for a quantity: the predicate after its noun phrase, inside it, or just before it. */
function kindFor(text: string, q: Draft, trig: Trigger[], quants: Draft[]): Trigger | null {
  // "19 civilians were killed", "a general …, was killed yesterday", "16 people were wounded, some seriously":
  // the words between the noun phrase and a later trigger must be only auxiliaries, a PP or an aside.
  // Also a relative clause ("Three civilians who were travelling with the convoy were also killed"), a place or origin
  // PP ("Between 10 and 15 people from my family are missing") and manner adverbs ("was slightly wounded").
  const FILL = /^(?:\s+(?:of|from)\s+[^,.;]{1,60}?)?(?:\s*,[^,.;]{1,70},|\s*[—–][^—–.;]{1,70}[—–])?(?:\s+(?:who|that)(?:\s+(?:were|was)\s+[a-z]+ing\b[^,.;]{0,50}?)?)?(?:\s+(?:were|was|are|is|have|has|had|been|being|got|remain|remained|reported|still|also|later|reportedly|allegedly|believed to have been|thought to have been|feared|newly|now|internally|forcibly|temporarily|already|again|once again|all|both|since|subsequently|[a-z]{3,}ly))*\s+$/i;
  for (const t of trig) {
    if (t.start <= q.span.end || t.start - q.span.end > 160) continue;
    if (FILL.test(text.slice(q.span.end, t.start))) return t;
  }
  // A figure coordinated with the next one shares its later predicate: "twelve combatants and three civilians had been killed".
  const next = quants.find((o) => o.q.span.start >= q.span.end);
  if (next && q.hasNoun && /^\s+(?:and|or)\s+$|^\s*,?\s+as well as\s+$/i.test(text.slice(q.span.end, next.q.span.start))) {
    const t = kindFor(text, next, trig, quants);
    if (t && t.start >= next.span.end) return t;
  }
  // A trigger around the figure: "forced more than 300,000 people from their homes", "took 14 servicemen prisoner".
  const around = trig.find((x) => x.start < q.q.span.start && x.end >= q.span.end);
  if (around) return around;
  // Reduced relative / noun: "at least 19 civilians killed in airstrikes", "more than 200 deaths", "11 dead".
  const own = trig.find((x) => x.start >= q.q.span.end && x.start <= q.span.end + 1);
  if (own) return own;
  // "killing at least 19", "killed three people and wounded 11": the nearest trigger before, with no other
  // quantity between that already follows it.
  const isToll = (x: Trigger) => /\btoll$/i.test(text.slice(x.start, x.end));
  const before = trig.filter((x) => x.end <= q.q.span.start && q.q.span.start - x.end < (isToll(x) ? 220 : 90) && !quants.some((o) => o !== q && o.q.span.start > x.end && o.q.span.start < q.q.span.start && o.kind === x.kind && text.slice(x.end, o.q.span.start).trim().length < 30 && false));
  const last = before[before.length - 1];
  if (last) {
    const gap = text.slice(last.end, q.q.span.start);
    // The trigger must govern the number: "killed at least 19", "wounded 11", "toll of 11", "death toll rose to 40", "including four children".
    if (!/[.;]/.test(gap) && gap.length < 90) return last;
    // A toll noun governs its number through a long subject: "The death toll from Russian air strikes on a market
    // in the town of X on Wednesday has risen to 19 civilians".
    if (!/[.;]/.test(gap) && gap.length < 220 && isToll(last) && /\b(?:rose|risen|rises|climbed|climbs|increased|reached|jumped|grew|stood|stands|was|is|now)\b(?:\s+(?:to|at))?\s*(?:at least|more than|over|nearly|about|some|around)?\s*$/i.test(gap)) return last;
  }
  return null;
}

/**
 * The draft an earlier-sentence back-reference points to: the last figure with a kind (of the wanted kind when the
 * words say it, "Eight of the wounded") in the three sentences before, not itself a share.
 */
function earlierDraft(drafts: readonly Draft[], sentence: number, want: ClaimKind | null): number | null {
  // A stated total first ("11 people kidnapped", not "Route Nationale 1" nor "a nurse" before it), then any figure
  // with victims, then any figure at all ("wounded 11").
  const passes: ((p: Draft) => boolean)[] = [(p) => p.hasNoun && (p.category === 'total' || p.category === 'unknown') && !p.partitive, (p) => p.hasNoun, () => true];
  for (const ok of passes) {
    for (let i = drafts.length - 1; i >= 0; i--) {
      const p = drafts[i]!;
      if (p.sentence.index >= sentence) continue;
      if (p.sentence.index < sentence - 3) break;
      if (p.share === null && p.kind && (!want || p.kind === want) && ok(p)) return i;
    }
  }
  return null;
}

/**
 * A partitive right after a number: "four of them children", "Eight of the wounded", "one of its officers", or a
 * remainder before it: "the remaining eleven". Returns the span to cover and the victims its noun names.
 */
function partitiveAt(text: string, q: Quantity, s: Span): { start: number; end: number; category: VictimCategory | null; partitive: Partitive } | null {
  const after = text.slice(q.span.end, s.end);
  const before = text.slice(Math.max(s.start, q.span.start - 20), q.span.start);
  const rem = /\bthe\s+(?:remaining|other)\s+$/i.exec(before);
  if (rem) return { start: q.span.start - rem[0].length + rem[0].search(/the/i), end: q.span.end, category: null, partitive: { form: 'remaining', implied: null } };
  const pr = PART_PRONOUN.exec(after);
  if (pr) {
    const noun = pr[1]?.toLowerCase();
    const cat = noun ? NOUNS[noun] : undefined;
    // The noun joins the span only when it names victims: "four of them children", not "two of them in".
    return { start: q.span.start, end: cat || !pr[1] ? q.span.end + pr[0].length : q.span.end + pr[0].slice(0, pr[0].lastIndexOf(pr[1]!)).trimEnd().length, category: cat && cat !== 'unknown' ? cat : null, partitive: { form: 'pronoun', implied: null } };
  }
  const pn = PART_NOUN.exec(after);
  if (pn) {
    // The noun is the first word or, after an adjective, the second: "of the wounded", "of its own soldiers".
    const isNoun = (w: string | undefined) => !!w && (w in NOUNS || w in KIND_NOUN || /^(?:suspects|passengers|residents|prisoners)$/.test(w));
    const w1 = pn[1]!.toLowerCase();
    const w2 = pn[2]?.toLowerCase();
    const noun = isNoun(w1) ? w1 : isNoun(w2) ? w2! : null;
    if (!noun) return null;
    const cut = noun === w1 ? pn[0].length - (pn[2] ? pn[0].length - pn[0].lastIndexOf(pn[1]!) - pn[1]!.length : 0) : pn[0].length;
    const cat = NOUNS[noun];
    return { start: q.span.start, end: q.span.end + cut, category: cat && cat !== 'unknown' ? cat : 'total', partitive: { form: 'noun', implied: KIND_NOUN[noun] ?? null } };
  }
  return null;
}

/**
 * The victims of a share: "nearly half of whom are children", "a third of them Lebanese" (a people: civilians),
 * "nearly a third of them in Sagaing Region" (a where: the total), "women and children make up more than half of
 * the dead" (the noun before). Null when nothing says who the share is.
 */
function shareCategory(text: string, q: Quantity, s: Span): VictimCategory | null {
  const after = text.slice(q.span.end, s.end);
  const m = /^\s+of\s+(?:whom|them|those|these|the\s+\w+)\s+(?:(?:are|were|being|was)\s+)?([\p{L}]+)/u.exec(after);
  if (m) {
    const w = m[1]!;
    const cat = NOUNS[w.toLowerCase()];
    if (cat && cat !== 'unknown') return cat;
    if (/^\p{Lu}\p{Ll}+$/u.test(w) && !/^(?:In|At|To|From|The)$/.test(w)) return 'civilians';
    if (/^(?:in|to|from|at|towards|inside|outside|across)$/i.test(w)) return 'total';
  }
  // "women and children make up more than half of the dead", "children account for a third of the displaced".
  const before = /([\p{L}]+)(?:\s+and\s+([\p{L}]+))?\s+(?:make up|made up|account for|accounted for|represent|represented|are|were)\s+$/u.exec(text.slice(s.start, q.span.start));
  if (before && /^\s+of\s+the\s+(?:dead|killed|victims|wounded|injured|displaced)\b/i.test(after)) {
    const a = NOUNS[before[1]!.toLowerCase()];
    const b = before[2] ? NOUNS[before[2].toLowerCase()] : undefined;
    if (a && b && a !== b) return 'civilians';
    if (a && a !== 'unknown') return a;
  }
  return null;
}

/**
 * The country an article reports from, for bare institutions ("the Ministry of Information" in a Somalia story):
 * the resolved places, towns and provinces weighing more than country names, which often name an actor ("Israel
 * has carried out strikes" in a Gaza story full of Rafah and Khan Younis). The dateline's place does not vote:
 * "BEIRUT (Reuters) —" heads Syria stories too. Null when no place resolved.
 */
export function articleCountry(doc: Doc): string | null {
  const head = /^[^\n]{0,80}?(?:\([^)]{1,40}\)\s*)?(?:—|–|\s-\s)/.exec(doc.text);
  const datelineEnd = head ? head[0].length : 0;
  const votes = new Map<string, number>();
  for (const pl of doc.places) {
    if (!pl.country || pl.span.end <= datelineEnd || isRemovedSpan(doc, pl.span)) continue;
    const w = pl.feature === 'country' ? 0.5 : pl.feature === 'region' ? 1 : 2;
    votes.set(pl.country, (votes.get(pl.country) ?? 0) + w);
  }
  let best: string | null = null;
  let bestN = 0;
  for (const [cc, n] of votes) if (n > bestN) (best = cc), (bestN = n);
  return best;
}

function isRemovedSpan(doc: Doc, s: Span) {
  return doc.removed.some((r) => r.span.start <= s.start && s.end <= r.span.end);
}

/** Build the article's claims: quantities linked to kinds, victims, perpetrators, sources and background. */
export function buildClaims(doc: Doc): { claims: Claim[]; mentions: Mention[] } {
  const text = doc.text;
  const sentences = liveSentences(doc);
  const index = loadSources();
  const country = articleCountry(doc) ?? index.countryOf(text);
  const actx = { index, country };
  const attrs = findAttributions(doc, sentences, actx);
  sentenceParagraph = new Map(doc.sentences.map((x) => [x.index, x.paragraph]));
  const credit = creditOf(doc, actx);
  const outlet = doc.meta.outlet;
  // Outlets that are themselves counting organisations (UN agencies, NGOs, ministries), not news media.
  const outletHit = outlet ? index.lookup(outlet, country) : null;
  const outletOwn = outletHit && !NEWS_KINDS.has(outletHit.kind) ? { name: outletHit.name, kind: outletHit.kind } : null;
  const actorMentions = doc.mentions.filter((m) => m.type === 'actor');
  const drafts: Draft[] = [];
  for (const s of sentences) {
    const trig = triggersIn(text, s.span);
    const qs = findQuantities(text, s.span.start, s.span.end);
    const sd: Draft[] = [];
    let prevCat: VictimCategory | null = null;
    for (const q of qs) {
      if (isRemovedSpan(doc, q.span)) continue;
      // A quantity inside a source phrase ("two residents said") is a speaker, not a victim count.
      if (attrs.some((a) => a.sentence === s.index && a.span.start <= q.span.start && q.span.end <= a.span.end)) continue;
      const v = victimPhrase(text, q, s.span.end, prevCat);
      if (v.object) continue;
      const d: Draft = { q, span: { start: q.span.start, end: Math.max(v.end, q.span.end) }, headEnd: v.end, category: v.category, hasNoun: v.hasNoun, kind: null, abducted: false, sentence: s, background: false, parentIdx: null, share: null, shareCat: null, partitive: null, backref: null };
      if (q.form === 'share') {
        const cat = shareCategory(text, q, s.span);
        if (!cat) continue;
        d.shareCat = cat;
        d.category = cat;
        d.share = q.fraction ?? null;
      } else {
        const part = partitiveAt(text, q, s.span);
        // "Two of the girls were later released": a release is not a count of victims.
        if (part && /^\s+(?:were|was|have been|had been|are)\s+(?:later\s+|since\s+|subsequently\s+)?(?:released|freed|rescued|discharged|found alive)\b/i.test(text.slice(part.end, s.span.end))) continue;
        if (part) {
          d.partitive = part.partitive;
          d.span = { start: part.start, end: Math.max(part.end, d.span.end) };
          if (part.category) d.category = part.category;
          d.hasNoun = true;
        } else if (q.form === 'single' && !v.hasNoun) continue;
        const back = BACKREF_BEFORE.exec(text.slice(s.span.start, q.span.start));
        if (!part && back && !sd.length) d.backref = KIND_NOUN[back[1]!.toLowerCase()] ?? null;
      }
      sd.push(d);
      if (v.hasNoun) prevCat = v.category;
    }
    for (const d of sd) {
      const t = kindFor(text, d, trig, sd) ?? (d.partitive?.implied ? { start: d.q.span.end, end: d.span.end, kind: d.partitive.implied, abducted: d.partitive.implied === 'detained' && /abduct|kidnap|hostage/i.test(text.slice(d.q.span.end, d.span.end)) } : null);
      // "security forces killed three of them": "them" are people never counted, so the figure stands alone.
      if (d.partitive?.form === 'pronoun' && t && t.end <= d.q.span.start && !sd.some((o) => o !== d && o.q.span.start < d.q.span.start)) {
        d.partitive = null;
        d.hasNoun = false;
      }
      // "two wounded, one of them in critical condition": a lone "one of them" needs a predicate of its own.
      if (d.partitive?.form === 'pronoun' && /^one$/i.test(text.slice(d.q.span.start, d.q.span.end)) && !(t && t.start >= d.span.end)) {
        d.partitive = null;
        d.hasNoun = false;
        continue;
      }
      if (t) {
        d.kind = t.kind;
        d.abducted = t.abducted;
        // A modal or denial before the predicate: "could kill", "denied that any civilians were killed".
        const lo = Math.min(t.start, d.q.span.start);
        // The month is not the modal: "Niamey, 1 May (ANP) – Twelve soldiers were killed".
        if (MODAL.test(text.slice(s.span.start, lo).replace(/(?<=\S\s*)\bMay\b/g, 'month')) || /\b(?:could|might|may|would|will)\s+(?:have\s+)?(?:be\s+)?$/i.test(text.slice(s.span.start, t.start))) d.kind = null;
      }
    }
    // Parts inside one sentence: "182 fighters—among them 102 jihadists", "killed nine civilians, including four children".
    for (let k = 0; k < sd.length; k++) {
      const d = sd[k]!;
      if (d.share !== null) {
        // "more than 14,000 people … nearly half of whom are children"; or the previous sentence's figure:
        // "more than 135,000 people have fled. Nearly half of them are children, the agency said."
        // A figure with victims first: not the date in "since October 7, nearly 40 percent of them children".
        const before = [...sd.slice(0, k)].reverse().filter((p) => p.share === null && p.kind);
        const parent = before.find((p) => p.hasNoun) ?? before[0];
        const idx = parent ? drafts.length + sd.indexOf(parent) : earlierDraft(drafts, s.index, null);
        if (idx !== null) {
          d.kind = drafts[idx]?.kind ?? parent!.kind;
          d.parentIdx = idx;
        } else d.kind = null;
        continue;
      }
      if (d.partitive) {
        // "the remaining eleven" after "three of the suspects" is the suspects' sibling; "two of them" after
        // "Eight of the wounded" is a part of the eight; otherwise the nearest earlier figure, in this sentence or
        // the last three ("11 people kidnapped … Eight of them are still missing").
        const want = d.partitive.implied ?? null;
        const prevIn = [...sd.slice(0, k)].reverse().find((p) => p.share === null && p.kind && (!want || p.kind === want));
        let idx = prevIn ? drafts.length + sd.indexOf(prevIn) : earlierDraft(drafts, s.index, want);
        if (d.partitive.form === 'remaining' && idx !== null) {
          const sib = idx >= drafts.length ? sd[idx - drafts.length]! : drafts[idx]!;
          if (sib.partitive && sib.parentIdx !== null) idx = sib.parentIdx;
        }
        if (idx !== null) {
          d.parentIdx = idx;
          const p = idx >= drafts.length ? sd[idx - drafts.length]! : drafts[idx]!;
          d.kind ??= p.kind;
          if (!d.partitive.implied && d.category === 'unknown') d.category = p.category;
        }
        continue;
      }
      const gap = k > 0 ? text.slice(sd[k - 1]!.span.end, d.q.span.start) : '';
      if (k > 0 && /\b(?:among them|among whom|including|of whom|of them|among the dead|among the victims|among those)\b/i.test(gap)) {
        // Nested parts go to the nearest figure with victims or a kind: "182 fighters—among them 102 jihadists",
        // not the date in "since Oct. 8, including 17 civilians".
        const pk = sd.slice(0, k).findLastIndex((p) => p.kind || p.hasNoun);
        if (pk >= 0) {
          d.parentIdx = drafts.length + pk;
          d.kind ??= sd[pk]!.kind;
        }
      } else if (k > 0 && d.kind && d.q.form === 'single' && /^\s*,\s*$/.test(gap) && sd[k - 1]!.parentIdx === null && sd[k - 1]!.share === null && (sd[k - 1]!.q.low ?? 0) > 1) {
        // Named members after a count, as an apposition with a predicate of its own: "killed two civilians, a mother
        // and her daughter". Before the verb ("Two civilians, a man and his mother, were killed") gold lists only the count.
        d.parentIdx = drafts.length + k - 1;
      } else if (k > 0 && sd[k - 1]!.parentIdx !== null && /^\s*(?:,\s*)?(?:and\s+)?$/i.test(gap) && (d.kind === null || d.kind === sd[k - 1]!.kind)) {
        // Coordinated parts share the parent: "among them 183 children and 94 women", "including 10 women and three babies".
        d.parentIdx = sd[k - 1]!.parentIdx;
        d.kind ??= sd[k - 1]!.kind;
      } else if (d.backref) {
        // "The ministry said the dead included 12 children and seven women": the last death toll told before.
        const idx = earlierDraft(drafts, s.index, d.backref);
        if (idx !== null) {
          d.parentIdx = idx;
          d.kind ??= drafts[idx]!.kind;
        }
      } else if (d.kind && /^\s+(?:were|was|are|is)\s+among\s+(?:the\s+dead|those\s+killed|the\s+victims|the\s+(?:injured|wounded)|those\s+(?:injured|wounded))\b/i.test(text.slice(d.span.end, s.span.end)) && !sd.slice(0, k).some((p) => p.kind === d.kind)) {
        // "two police officers were among those killed": a part of the toll told earlier.
        const idx = earlierDraft(drafts, s.index, d.kind);
        if (idx !== null) d.parentIdx = idx;
      }
    }
    drafts.push(...sd);
  }
  // Background: cues in the clause of the figure, and background dates from the times stage.
  for (const d of drafts) {
    const s = d.sentence.span;
    const clause = text.slice(s.start, s.end);
    const times = doc.times.filter((t) => t.sentence === d.sentence.index);
    d.background = BACKGROUND.test(clause) || (times.length > 0 && times.every((t) => t.background));
    // "in 2024" about the publication year is today's news.
    if (d.background && !/\b(?:since|last year|has killed|have killed|has displaced|have displaced|recent years|over the|similar|earlier|previous|previously|in total|overall|so far)\b/i.test(clause)) {
      const year = doc.meta.published?.slice(0, 4);
      const years = [...clause.matchAll(/\bin (?:\w+ )?((?:19|20)\d\d)\b/g)].map((m) => m[1]);
      if (year && years.length && years.every((y) => y === year)) d.background = false;
    }
  }
  // Enumerations after a total: "These are 182 anti-regime fighters …, 62 members … and about 20 civilians".
  const keep = drafts.filter((d) => d.kind || /^\s*(?:these|they|those|this|the (?:dead|victims|casualties))\s+(?:are|were|include|included|includes)\b/i.test(text.slice(d.sentence.span.start, d.q.span.start)));
  const claims: Claim[] = [];
  const draftToClaim = new Map<Draft, number>();
  let lastTotal: number | null = null;
  for (const d of keep) {
    const sentStart = text.slice(d.sentence.span.start, d.q.span.start);
    const enumerating = /^\s*(?:these|they|those|this|the (?:dead|victims|casualties))\s+(?:are|were|include|included|includes)\b|^\s*the casualties include\b/i.test(sentStart);
    let parent: number | null = d.parentIdx !== null && draftToClaim.has(drafts[d.parentIdx]!) ? draftToClaim.get(drafts[d.parentIdx]!)! : null;
    if (parent === null && enumerating && lastTotal !== null) parent = lastTotal;
    const kind = d.kind ?? (parent !== null ? claims[parent]!.kind : null);
    if (!kind) continue;
    // Bare numbers need a clear predicate next to them: "wounded 11", "11 dead"; a lone "one" is a pronoun.
    if (!d.hasNoun && d.q.form !== 'share' && /^(?:one)$/i.test(text.slice(d.q.span.start, d.q.span.end))) continue;
    let nums = { low: d.q.low, best: d.q.best, high: d.q.high };
    let share: Claim['share'] = null;
    if (d.share !== null && parent !== null) {
      nums = shareOf(claims[parent]!, d.share);
      share = { of: parent, fraction: d.share };
      parent = null;
    } else if (d.share !== null) continue;
    const src = sourceFor(d, attrs, parent !== null ? claims[parent]!.source : null, outlet, credit, text, outletOwn);
    const victimsActor = actorIn(actorMentions, d.span, 'victim', text);
    const perpetrator = actorIn(actorMentions, d.sentence.span, 'perpetrator', text, d.span);
    const unit = /\bhouseholds?\b/i.test(text.slice(d.span.start, d.span.end)) ? 'households' : /\bfamilies\b/i.test(text.slice(d.span.start, d.span.end)) ? 'families' : 'people';
    const category = unit !== 'people' ? 'unknown' : d.category;
    // The same figure about the same victims repeated later is one claim with `also` spans.
    const dup = claims.findIndex((c) => c.kind === kind && c.low === nums.low && c.best === nums.best && c.high === nums.high && (c.victims.category === category || c.victims.category === 'unknown' || category === 'unknown') && c.background === d.background);
    if (dup >= 0) {
      const c = claims[dup]!;
      // Prefer a named source over a vague one ("a non-governmental organization said" … "according to the Observatory").
      const source = c.source.name === null || (!isKnown(c.source.name) && src.name && isKnown(src.name)) ? src : c.source;
      claims[dup] = { ...c, also: [...c.also, d.span], source, victims: c.victims.category === 'unknown' ? { ...c.victims, category } : c.victims };
      draftToClaim.set(d, dup);
      if (claims[dup]!.part_of === null && (category === 'total' || category === 'unknown')) lastTotal = dup;
      continue;
    }
    const claim: Claim = {
      kind,
      ...nums,
      hedge: d.q.hedge,
      unit,
      victims: { category, actor: victimsActor },
      perpetrator,
      source: src,
      background: d.background,
      span: share ? d.q.span : d.span,
      also: [],
      sentence: d.sentence.index,
      part_of: parent,
      share,
      ...(d.abducted ? { abducted: true } : {}),
      rule: `claims.${d.q.rule}`,
    };
    draftToClaim.set(d, claims.length);
    if (parent === null && share === null && (category === 'total' || category === 'unknown')) lastTotal = claims.length;
    claims.push(claim);
  }
  linkSplitTotals(claims);
  const mentions: Mention[] = [];
  for (const a of attrs) {
    mentions.push({ span: a.span, type: 'source', text: text.slice(a.span.start, a.span.end), rule: a.rule, sentence: a.sentence, value: a.name, data: { kind: a.kind, known: a.known } });
    mentions.push({ span: a.cue, type: 'attribution', text: text.slice(a.cue.start, a.cue.end), rule: a.rule, sentence: a.sentence, value: a.name });
  }
  for (const d of drafts) mentions.push({ span: d.q.span, type: 'quantity', text: text.slice(d.q.span.start, d.q.span.end), rule: d.q.rule, sentence: d.sentence.index, data: { low: d.q.low, best: d.q.best, high: d.q.high, hedge: d.q.hedge } });
  return { claims, mentions };

  function isKnown(name: string) {
    return index.sources.some((s) => s.name === name);
  }
}

/**
 * A total told first and broken down in a later sentence: "shelling killed three people … one man was killed in
 * Antonivka and two women died in Bilozerka". When the free figures of one kind in a sentence add up exactly to
 * the last free figure of that kind in the three sentences before, they are its parts.
 */
function linkSplitTotals(claims: Claim[]): void {
  const free = (c: Claim) => c.part_of === null && c.share === null && !c.background && c.best !== null && c.low === c.best;
  const bySentence = new Map<number, number[]>();
  claims.forEach((c, i) => {
    if (free(c)) bySentence.set(c.sentence, [...(bySentence.get(c.sentence) ?? []), i]);
  });
  for (const [sent, idxs] of bySentence) {
    for (const kind of new Set(idxs.map((i) => claims[i]!.kind))) {
      const parts = idxs.filter((i) => claims[i]!.kind === kind);
      if (parts.length < 2) continue;
      const sum = parts.reduce((n, i) => n + claims[i]!.best!, 0);
      const total = claims.findLastIndex((c, j) => !parts.includes(j) && c.kind === kind && free(c) && c.sentence < sent && c.sentence >= sent - 3);
      const t = claims[total];
      if (!t || t.best !== sum || !['total', 'civilians', 'unknown'].includes(t.victims.category)) continue;
      for (const i of parts) claims[i] = { ...claims[i]!, part_of: total };
    }
  }
}

const NEWS_KINDS = new Set(['news_agency', 'state_media']);

/** The attribution governing a figure: nearest in its sentence; "citing X" makes X the innermost source. */
function sourceFor(d: Draft, attrs: readonly Attribution[], inherited: SourceRef | null, outlet: string | null, credit: string | null, text: string, own: { name: string; kind: string } | null = null): SourceRef {
  const inSent = attrs.filter((a) => a.sentence === d.sentence.index);
  // An organisation publishing its own figures is the whole chain; a newspaper carrying agency copy is not.
  const outletChain = own ? (outlet ? [outlet] : []) : chainOf(outlet, credit, null);
  // A figure nobody is cited for is the outlet's own: a newspaper's (name null) or, when the outlet is itself an
  // organisation that counts (OCHA's flash update, a ministry's statement), that organisation's (GOLD.md rule 5).
  if (!inSent.length) return inherited ?? carried(d, attrs, outlet, credit, text) ?? { name: own?.name ?? null, kind: own?.kind ?? null, chain: outletChain, span: null, rule: own ? 'attribution.outlet-own' : 'attribution.none' };
  const dist = (a: Attribution) => Math.min(Math.abs(a.span.start - d.span.end), Math.abs(d.span.start - a.span.end), Math.abs(a.cue.start - d.span.end), Math.abs(d.span.start - a.cue.end));
  const main = inSent.filter((a) => !/citing/.test(a.rule)).sort((a, b) => dist(a) - dist(b))[0];
  const cited = inSent.find((a) => /citing/.test(a.rule) && (!main || a.span.start > main.span.start));
  let chosen = main ?? cited!;
  let via = [...chosen.via];
  if (main && cited) {
    via = [...main.via, main.name];
    chosen = cited;
  }
  void text;
  return { name: chosen.name, kind: chosen.kind, chain: chainOf(outlet, credit, { name: chosen.name, via }), span: chosen.span, rule: chosen.rule };
}

/**
 * Wire copy attributes once and continues: "Shelling killed two people, the governor said. Seven others were
 * wounded." The unattributed figure takes the source of the nearest earlier attributed sentence in its paragraph,
 * or in the previous paragraph. Not for the outlet's own context: background and perfect-tense summaries
 * ("Thousands of people have fled the district", "the war has killed …").
 */
function carried(d: Draft, attrs: readonly Attribution[], outlet: string | null, credit: string | null, text: string): SourceRef | null {
  if (d.background) return null;
  const clause = text.slice(d.sentence.span.start, d.sentence.span.end);
  if (/\b(?:have|has)\s+(?:been\s+)?(?:fled|displaced|killed|left|forced|uprooted|died)\b/i.test(clause) && !/^\s*(?:the|this|that)\s+(?:same|toll)/i.test(clause)) return null;
  const prev = attrs.filter((a) => a.sentence < d.sentence.index && !/citing/.test(a.rule));
  const last = prev[prev.length - 1];
  if (!last) return null;
  const para = (i: number) => sentenceParagraph.get(i) ?? -1;
  const gap = para(d.sentence.index) - para(last.sentence);
  if (gap !== 0) return null;
  const cited = attrs.find((a) => a.sentence === last.sentence && /citing/.test(a.rule) && a.span.start > last.span.start);
  const chosen = cited ?? last;
  const via = cited ? [...last.via, last.name] : [...last.via];
  return { name: chosen.name, kind: chosen.kind, chain: chainOf(outlet, credit, { name: chosen.name, via }), span: chosen.span, rule: `${chosen.rule}+carried` };
}

/**
 * Actor roles from actor mentions: inside the victim phrase → victims ("62 members of the regime forces");
 * after "by" or as the subject of the sentence's predicate → perpetrator ("airstrikes by the Russian air force").
 */
function actorIn(actors: readonly Mention[], s: Span, role: 'victim' | 'perpetrator', text: string, victim?: Span): string | null {
  // Generic civilians are a category, not a named actor ("at least 19 civilians" → victims.actor null).
  if (role === 'victim') return actors.find((m) => m.span.start >= s.start && m.span.end <= s.end && !/^Civilians \(/.test(m.value ?? ''))?.value ?? null;
  const cands = actors.filter((m) => m.span.start >= s.start && m.span.end <= s.end && !(victim && m.span.start >= victim.start && m.span.end <= victim.end));
  const by = cands.find((m) => /\bby\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.span.start - 12), m.span.start)));
  if (by) return by.value ?? null;
  const subj = cands.find((m) => victim && m.span.end <= victim.start);
  return subj?.value ?? null;
}

/** Stage: quantities, attribution and casualty/displacement/detention claims. */
export const claimStage: Stage = {
  name: 'claims',
  requires: ['sentences', 'removed', 'times', 'mentions', 'places'],
  assigns: ['claims', 'mentions'],
  run: (doc) => {
    const { claims, mentions } = buildClaims(doc);
    return withLayer(withLayer(doc, 'claims', claims), 'mentions', [...doc.mentions, ...mentions]);
  },
};
