import type { Claim, Doc, Mention, Place, SitrepEvent, Span, Stage, TimeExpr } from '../core/index.ts';
import { liveSentences } from '../core/index.ts';
import { actorDictionary, matchAliases } from '../annotate/actor-dictionary.ts';
import { articleCountry } from '../annotate/actors.ts';
import type { EventActor } from '../resolve/actors.ts';
import { actorForEvent, countryInfo, stateMilitary } from '../resolve/actors.ts';
import { stateForce } from '../annotate/actor-dictionary.ts';
import { areAllies } from './alliances.ts';
import { classifySentence } from './classifier.ts';
import { eventNote } from './notes.ts';
import { datelineSpan, isMetonymy, isReportingTime } from './event-context.ts';
import { disorderType, eventTypeOf, findTriggers } from './taxonomy.ts';

// Clause boundaries: "; ", ", while ", ", but ", " — ": actor, action and place must come from one clause.
const CLAUSE_BREAK = /;\s+|,\s+(?:while|whereas|but|although|as|which)\s+|\s+—\s+(?=[a-z])/g;
// A denial or a forecast reports no event: "the ministry denied that civilians were killed", "could flee".
const NOT_AN_EVENT = /\b(?:denied|denies|deny|rejected (?:claims|reports)|no evidence|could|might|may|would|will|threaten(?:ed|s)? to|warned (?:of|that)|feared|risk of|plans? to|preparing to|if\b)/i;
// ACLED's conservative reading of vague figures: "dozens" → 12, "hundreds" → 100, "several" → 3.
const VAGUE_ACLED: Record<string, number> = { dozens: 12, hundreds: 100, several: 3, scores: 20, thousands: 1000, 'a few': 3, 'a number of': 3 };

// The sentence model's confidence: above VETO its "None" overrules a trigger; a clause with no trigger needs ALONE.
const VETO = 0.7;
const ALONE = 0.7;

interface Clause {
  readonly span: Span;
  readonly sentence: number;
}

/** Split a sentence into clauses at strong boundaries. */
function clauses(doc: Doc, s: { span: Span; index: number }): Clause[] {
  const text = doc.text.slice(s.span.start, s.span.end);
  const out: Clause[] = [];
  let last = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) {
    out.push({ span: { start: s.span.start + last, end: s.span.start + m.index }, sentence: s.index });
    last = m.index + m[0].length;
  }
  out.push({ span: { start: s.span.start + last, end: s.span.end }, sentence: s.index });
  return out;
}

const within = (c: Span, x: Span) => c.start <= x.start && x.end <= c.end;

// A party's stated reason for its own act is not an event to code: the Idlib leader "said the attack was launched
// 'because the regime had started shelling areas where civilians were located, which caused the exodus…'".
const REASON = /\b(?:because|in response to|in retaliation (?:for|against)|as a response to|to avenge|in revenge for|after (?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?\s+had)\b/giu;
const SPEECH_BEFORE = /\b(?:said|says|say|claimed|claims|stated|announced|argued|explained|justified|insisted|told|according to)\b|[“"«]/iu;
const QUOTE_END = /[”"»]/u;

/**
 * Spans of a sentence that give a speaker's reasons ("because …", "in response to …") inside reported speech:
 * from the connective to the end of the quotation, or of the sentence when the speech is not quoted.
 */
export function reportedReasons(text: string, sentence: Span): Span[] {
  const body = text.slice(sentence.start, sentence.end);
  const out: Span[] = [];
  REASON.lastIndex = 0;
  for (let m = REASON.exec(body); m; m = REASON.exec(body)) {
    if (!SPEECH_BEFORE.test(body.slice(0, m.index))) continue;
    const open = body.slice(0, m.index).match(/[“"«]/gu)?.length ?? 0;
    const close = body.slice(0, m.index).match(/[”»]/gu)?.length ?? 0;
    const q = open > close ? QUOTE_END.exec(body.slice(m.index)) : null;
    const span = { start: sentence.start + m.index, end: q ? sentence.start + m.index + q.index : sentence.end };
    // Only a reason that tells of violence is set aside; "because he was not authorised to speak" stays as it is.
    if (findTriggers(text.slice(span.start, span.end)).length) out.push(span);
  }
  return out;
}

/** The clause text with spans set aside replaced by spaces (offsets unchanged). */
function blank(text: string, clause: Span, holes: readonly Span[]): string {
  let out = text.slice(clause.start, clause.end);
  for (const h of holes) {
    const a = Math.max(h.start, clause.start);
    const b = Math.min(h.end, clause.end);
    if (a < b) out = out.slice(0, a - clause.start) + ' '.repeat(b - a) + out.slice(b - clause.start);
  }
  return out;
}

// A clause that states how things are ("HTS controls most of Idlib", "Turkey sends a message to Damascus") reports
// no event; the sentence model alone codes an event only when a verb tells of something that happened.
const STATES = new Set(['Abduction/forced disappearance']);
// Present-tense control and possession describe a situation, not an event: "is held by", "are controlled by".
const STATIVE = /\b(?:is|are|remains?|has long been|have long been)\s+(?:\w+\s+)?(?:held|controlled|run|governed|occupied|dominated|administered)\b|\b(?:controls|holds)\s+(?:most|much|parts?|large|all)\b/i;

const TERRITORY_TYPES = new Set(['Government regains territory', 'Non-state actor overtakes territory', 'Non-violent transfer of territory']);
const TERRITORY_WORD = /\b(?:towns?|villages?|cit(?:y|ies)|areas?|districts?|territor(?:y|ies)|control|positions?|bases?|hills?|regions?|neighbou?rhoods?|localit(?:y|ies)|front ?lines?|crossings?|airports?|roads?|highways?)\b/i;

/** Share of a text inside quotation marks (straight or curly). */
function quotedShare(text: string): number {
  let inside = 0;
  for (const m of text.matchAll(/[“"]([^”"]*)[”"]/g)) inside += m[1]!.length;
  return text.length ? inside / text.length : 0;
}

const HAPPENED = /\b(?:\p{L}{2,}ed|was|were|had|has been|have been|took|fled|fought|shot|hit|struck|blew|stole|broke|overran|held|met|left|began|gave|won|lost|drove|threw|set|ran|burnt|burned|led|caught|sent|brought|made|fell|seized|came|went)\b/iu;

/** ACLED fatalities from a killed claim: the lowest credible figure, vague words per ACLED. */
export function acledFatalities(c: Claim): number {
  const h = c.hedge?.toLowerCase() ?? '';
  for (const [w, n] of Object.entries(VAGUE_ACLED)) if (h.includes(w)) return n;
  return c.low ?? c.best ?? c.high ?? 0;
}

// Words that make a clause about an event's toll rather than a new happening: "maintained its toll of 32".
/**
 * The range over several accounts of one toll ("the network maintained its toll of 32 … an official had told AFP
 * that 45 were killed"): the lowest and highest figures, the first account's best estimate.
 */
function accountsRange(claims: readonly Claim[]): { low: number | null; best: number | null; high: number | null } {
  const top = claims.filter((c) => c.part_of == null && !c.share);
  const lows = top.map((c) => c.low ?? c.best).filter((x): x is number => x != null);
  const highs = top.map((c) => c.high ?? c.best ?? c.low).filter((x): x is number => x != null);
  return { low: lows.length ? Math.min(...lows) : null, best: top[0]?.best ?? null, high: highs.length ? Math.max(...highs) : null };
}

// A death stated with a generic verb and nothing else ("45 people were killed"): another account of an event told.
const GENERIC_KILL = /\b(?:were|was|had been|have been|has been)\s+(?:\w+\s+)?killed\b|\b(?:died|dead)\b/i;
const TOLL_WORD = /\b(?:toll|tally|death count|body count|casualty figures?)\b/i;

const SIDES = ['civilians', 'soldiers', 'fighters'] as const;

/**
 * ACLED fatalities of one event from its killed claims: a total ("killed 45 people") wins at its lowest figure;
 * otherwise the distinct victim groups add up ("six soldiers and four fighters" → 10, civilians killed in a
 * battle included), each group at its lowest figure, children and women counted only when no civilians are.
 */
export function eventFatalities(all: readonly Claim[]): number {
  // "The army said it killed about 15 assailants": a belligerent's count of the enemy it killed is a claim, never
  // ACLED fatalities (GOLD.md convention 1); its count of its own dead still is.
  const killed = all.filter((c) => !(['military', 'armed_group'].includes(String(c.source.kind)) && (c.victims.category === 'fighters' || c.victims.category === 'soldiers') && c.perpetrator && c.perpetrator !== c.victims.actor));
  if (!killed.length) return 0;
  const low = (cs: readonly Claim[]) => Math.min(...cs.map(acledFatalities));
  const totals = killed.filter((c) => c.victims.category === 'total' || c.victims.category === 'unknown');
  if (totals.length) return low(totals);
  let sum = 0;
  for (const side of SIDES) {
    const cs = killed.filter((c) => c.victims.category === side);
    if (cs.length) sum += low(cs);
  }
  if (!killed.some((c) => c.victims.category === 'civilians')) {
    const cs = killed.filter((c) => c.victims.category === 'children' || c.victims.category === 'women');
    if (cs.length) sum += Math.max(...cs.map(acledFatalities));
  }
  return sum;
}


/** The event day and ACLED time precision of a time expression: the middle of a span for precision 2/3. */
function eventDay(t: TimeExpr): { day: string; tp: 1 | 2 | 3 } | null {
  if (!t.value || t.time_precision == null) return null;
  const [a, b] = t.value.split('/');
  if (a!.length === 7) return { day: `${a}-15`, tp: 3 };
  if (!b) return { day: a!, tp: t.time_precision };
  const mid = new Date((Date.parse(`${a}T00:00:00Z`) + Date.parse(`${b}T00:00:00Z`)) / 2);
  return { day: mid.toISOString().slice(0, 10), tp: t.time_precision };
}

/** The middle day of a span of days; for an even span the earlier of the two middle days (GOLD.md). */
function middleDay(a: string, b: string): string {
  const days = Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
  return new Date(Date.parse(`${a}T00:00:00Z`) + Math.floor(days / 2) * 86400000).toISOString().slice(0, 10);
}

const PLACE_RANK: Record<string, number> = { village: 0, city: 0, other: 1, road: 2, admin2: 2, region: 3, admin1: 3, country: 9 };

/** The most telling place in a clause: the smallest named place, never a whole country if anything finer exists. */
function bestPlace(places: readonly Place[]): Place | null {
  // "the road connecting Damascus with Aleppo": the road is the place, its two ends only name it.
  const roads = places.filter((p) => p.feature === 'road');
  const ok = places.filter((p) => p.lat != null && p.feature !== 'country' && (p.feature === 'road' || !roads.some((r) => within(r.span, p.span))));
  return [...ok].sort((a, b) => (PLACE_RANK[a.feature] ?? 5) - (PLACE_RANK[b.feature] ?? 5))[0] ?? null;
}

/** The article's main place: the finest place of the first sentence that has one (among `places`). */
function mainPlace(doc: Doc, places: readonly Place[] = doc.places): Place | null {
  for (const s of liveSentences(doc)) {
    const p = bestPlace(places.filter((x) => x.sentence === s.index));
    if (p) return p;
  }
  return null;
}

interface Draft {
  /** True when the clause or sentence names its own date or place (not inherited from context). */
  anchored: boolean;
  sub: string;
  type: string;
  a1: EventActor | null;
  a2: EventActor | null;
  assoc1: string | null;
  day: string | null;
  tp: 1 | 2 | 3 | null;
  place: Place | null;
  claims: number[];
  fatal: number;
  range: { low: number | null; best: number | null; high: number | null };
  evidence: { field: string; span: Span }[];
  sentence: number;
  confidence: number;
  rule: string;
  /** Indices of the killed claims that make up `fatal`. */
  killedIdx: number[];
  /** Named allies fighting on side 1 or 2 ("Military Forces of Iran (1989-)" beside the Syrian army). */
  assoc: { 1?: string; 2?: string };
  /** The battle an ally's casualty belongs to. */
  joins: Draft | null;
}

// "Hamas-run", "RSF-administered": the group names who governs a place or a body, not who acted.
const RUNS_PLACE = /^[-‑ ](?:run|administered|governed|appointed|affiliated)\b/i;

const ARMED = new Set(['State forces', 'Rebel group', 'Political militia', 'Identity militia', 'External/Other forces']);

/** Build ACLED-style events, clause by clause, from the article's triggers, actors, times, places and claims. */
export function buildEvents(doc: Doc): Doc {
  const { dict } = actorDictionary();
  const pubDay = doc.meta.published ? doc.meta.published.slice(0, 10) : null;
  // The dateline says where the reporter files from and when: "GOMA (AFP) —", "AMMAN, Oct 16 (Reuters) -".
  // Its place is the location only when the article names nothing better; its date is the filing date.
  const dateline = datelineSpan(doc);
  const inDateline = (x: Span) => !!dateline && within(dateline, x);
  const datelinePlace = bestPlace(doc.places.filter((p) => inDateline(p.span)));
  const places = doc.places.filter((p) => !inDateline(p.span) && !isMetonymy(doc, p));
  const article = mainPlace(doc, places);
  const countryName = articleCountry(doc, dict) ?? countryInfo(article?.country ?? datelinePlace?.country ?? null)?.name ?? null;
  const eventTimes = doc.times.filter((t) => !inDateline(t.span));
  const namedCountries = new Set(matchAliases(actorDictionary().countryNames, doc.text).flatMap((h) => h.values.map((c) => c.name)));
  const sentencesByIndex = new Map(doc.sentences.map((x) => [x.index, x]));
  const drafts: Draft[] = [];
  // The last event date seen in the current paragraph, and the article's main event date (the first one).
  let lastDay: { day: string; tp: 1 | 2 | 3 } | null = null;
  let lastParagraph = -1;
  // The article's main event date: its first current, non-reporting date ("Accounts of Saturday's attack …").
  const firstTime = eventTimes.find((t) => !t.background && eventDay(t) && !isReportingTime(doc, t));
  let mainDay: { day: string; tp: 1 | 2 | 3 } | null = firstTime ? eventDay(firstTime) : null;
  for (const s of liveSentences(doc)) {
    if (s.paragraph !== lastParagraph) {
      lastDay = null;
      lastParagraph = s.paragraph;
    }
    const reasons = reportedReasons(doc.text, s.span);
    for (const c of clauses(doc, s)) {
      const text = doc.text.slice(c.span.start, c.span.end);
      const times = eventTimes.filter((t) => within(c.span, t.span));
      const sentTimes = eventTimes.filter((t) => t.sentence === s.index);
      const usable = (ts: TimeExpr[]) => ts.filter((t) => !t.background && eventDay(t));
      // The event's own date first; a statement's date ("said on Tuesday") only when nothing else dates it.
      const own = usable(times).filter((t) => !isReportingTime(doc, t));
      const current = own.length ? own : usable(sentTimes).filter((t) => !isReportingTime(doc, t));
      const reporting = usable(sentTimes).filter((t) => isReportingTime(doc, t));
      // Background history ("since 2011", "in March 2020") never makes an event.
      if (times.some((t) => t.background) && !current.length) continue;
      // "…following a truce agreed following an offensive by regime forces in March 2020": a sentence whose only
      // dates are background is history, however the clause splitter cut it.
      if (!current.length && sentTimes.length && sentTimes.every((t) => t.background)) continue;
      if (NOT_AN_EVENT.test(text)) continue;
      const live = blank(doc.text, c.span, reasons);
      if (!live.trim()) continue;
      const hits = findTriggers(live);
      let sub: string | null = hits[0]?.trigger.sub_event_type ?? null;
      let type: string | null = hits[0]?.trigger.event_type ?? null;
      let rule = sub ? 'events.trigger' : '';
      let confidence = sub ? 0.8 : 0;
      const model = classifySentence(live);
      // A clause the model is sure carries no event (background, analysis, a quoted opinion) vetoes a stray trigger:
      // "Kidnappings for ransom have become common on the region's main roads".
      // Claims count for the event whose clause states them ("The fighting … has killed more than 200 people"); a
      // clause without figures of its own takes its sentence's.
      const inSentence = doc.claims.map((cl, i) => ({ cl, i })).filter(({ cl }) => !cl.background && within(s.span, cl.span));
      const inClause = inSentence.filter(({ cl }) => within(c.span, cl.span));
      // A toll restated later ("has killed more than 200 people since yesterday") links this clause to the event
      // that first stated it, without counting twice.
      const restated = doc.claims.map((cl, i) => ({ cl, i })).filter(({ cl }) => !cl.background && cl.kind === 'killed' && cl.part_of == null && cl.also.some((x) => within(c.span, x)));
      // A clause restating a toll already reported ("The fighting … has killed more than 200 people") speaks of that
      // event, whatever the model says.
      const tolls = restated.length > 0;
      if (sub && model?.sub_event_type === 'None' && model.probability >= VETO && !tolls) continue;
      // With a stated reason blanked out the model reads less: it still codes the event when the whole clause gives
      // the same reading confidently ("said the strikes hit 18 targets …, in response to the group's attacks").
      const sure = !!model && (model.probability >= ALONE || (live !== text && classifySentence(text)?.sub_event_type === model.sub_event_type && (classifySentence(text)?.probability ?? 0) >= ALONE));
      // Abductions last: "Their fate remains unknown" still reports one.
      // "The Sudan Doctors Network maintained its toll of 32 people killed", "A local official had earlier told AFP
      // that 45 people were killed": a clause about a toll with no trigger,
      // date, place or actor of its own is another account of the event just told, and counts (at ACLED's lowest).
      const last = drafts.at(-1);
      const ownToll = inClause.filter(({ cl }) => cl.kind === 'killed' && cl.part_of == null && !cl.share);
      if (!sub && last && ownToll.length && (TOLL_WORD.test(live) || GENERIC_KILL.test(live)) && last.type !== 'Strategic developments' && !current.length && !places.some((p) => within(c.span, p.span)) && !doc.mentions.some((m) => m.type === 'actor' && within(c.span, m.span))) {
        last.claims = [...new Set([...last.claims, ...ownToll.map(({ i }) => i)])];
        last.killedIdx = [...new Set([...last.killedIdx, ...ownToll.map(({ i }) => i)])];
        last.fatal = eventFatalities(last.killedIdx.map((i) => doc.claims[i]!));
        last.range = accountsRange(last.killedIdx.map((i) => doc.claims[i]!));
        for (const { cl } of ownToll) last.evidence.push({ field: 'fatalities', span: cl.span });
        continue;
      }
      // The model alone never codes a direct quotation ("“We heard the plane and then everything was smoke,” said a
      // stallholder"), a state of affairs ("Idlib is held by HTS and allied factions"), or the catch-all Other on
      // less than near-certainty ("Schools in the town were closed").
      const quoted = quotedShare(doc.text.slice(s.span.start, s.span.end)) > 0.4;
      const stative = STATIVE.test(live);
      const enough = model?.sub_event_type === 'Other' ? model.probability >= 0.9 : true;
      // A change of control needs something to control: a place or a territory word in the clause ("recovered the
      // last bodies from the rubble" is not a recapture).
      const territorial = !model || !TERRITORY_TYPES.has(model.sub_event_type) || TERRITORY_WORD.test(live) || places.some((p) => within(c.span, p.span));
      if (!sub && model && sure && enough && territorial && !quoted && !stative && model.sub_event_type !== 'None' && (HAPPENED.test(live) || STATES.has(model.sub_event_type))) {
        sub = model.sub_event_type;
        type = eventTypeOf(sub);
        rule = 'events.classifier';
        confidence = model.probability * 0.8;
      }
      if (!sub || !type) continue;
      // "the health ministry in the Hamas-run territory": a group that runs a place is no party to this event.
      const actors = doc.mentions.filter((m): m is Mention & { value: string } => m.type === 'actor' && !!m.value && within(c.span, m.span) && !RUNS_PLACE.test(doc.text.slice(m.span.end, m.span.end + 16)));
      const claims = inClause.length ? inClause : inSentence;
      let killed = claims.filter(({ cl }) => cl.kind === 'killed' && cl.part_of == null && !cl.share);
      const when = current[0] ? eventDay(current[0]) : ((reporting[0] ? eventDay(reporting[0]) : null) ?? lastDay ?? mainDay);
      if (current[0]) {
        lastDay = eventDay(current[0]);
        mainDay ??= lastDay;
      }
      let day = when?.day ?? pubDay;
      let tp = when?.tp ?? (pubDay ? 2 : null);
      // "3,000 residents have fled into the forest since the strike": displacement since a day runs until the report,
      // so it is dated at the middle of that span with week precision.
      const from = current[0]?.value?.split('/')[0];
      if (sub === 'Displacement' && day && pubDay && tp !== 3 && day < pubDay && /\bsince\b/i.test(live)) {
        day = middleDay(from && from.length === 10 ? from : day, pubDay);
        tp = 2;
      }
      // A month-precision event sits on the 15th, but never after the report: "since the start of the month".
      if (tp === 3 && day && pubDay && day > pubDay) day = pubDay;
      // The event's own clause, then its sentence, then the nearest earlier sentence of the paragraph, then the
      // article's main place; the dateline last ("KYIV —" is where the reporter is, not where the strike was).
      const clausePlaces = places.filter((p) => within(c.span, p.span));
      let place = bestPlace(clausePlaces) ?? bestPlace(places.filter((p) => p.sentence === s.index));
      for (let k = s.index - 1; !place && k >= 0 && sentencesByIndex.get(k)?.paragraph === s.paragraph; k--) place = bestPlace(places.filter((p) => p.sentence === k));
      place ??= article ?? datelinePlace;
      // Generic actors belong to where the event happened: "Russian drones struck … Sumy" hurts Civilians (Ukraine),
      // even in an article that names Russia more often than Ukraine.
      // A place resolved abroad that the article never names as a country ("Fano" the town in Italy) is a gazetteer slip.
      const placeCountry = countryInfo(place?.country ?? null)?.name ?? null;
      const local = placeCountry && namedCountries.has(placeCountry) ? placeCountry : countryName;
      // "the army" was resolved before places were known: the event's country, once places are resolved, decides it
      // (a Myanmar story naming China twice), unless a possessive named the owner ("Mali's army").
      const at = (m: Mention) => {
        if (m.rule === 'actor.description.state' && countryName && m.data?.country !== countryName) {
          const e = stateForce(dict, countryName, m.value!.startsWith('Police') ? 'police' : 'military', day);
          if (e) return actorForEvent(e.name, countryName, day);
        }
        return actorForEvent(m.value!, countryName, day);
      };
      const police = () => {
        const e = stateForce(dict, countryName, 'police', day);
        return e ? actorForEvent(e.name, countryName, day) : null;
      };
      const armed = actors.filter((m) => ARMED.has(String(m.data?.inter)));
      // "killed in airstrikes by the Russian air force": the actor after "by" is the perpetrator.
      const byActor = armed.find((m) => /\bby\s+(?:the\s+)?$/i.test(doc.text.slice(Math.max(c.span.start, m.span.start - 12), m.span.start)));
      const first = byActor ?? armed[0];
      let a1 = first ? at(first) : null;
      const other = armed.find((m) => first && m.value !== first.value);
      let a2: EventActor | null = other ? at(other) : null;
      const civ = actors.find((m) => m.data?.inter === 'Civilians') ?? (claims.some(({ cl }) => cl.victims.category === 'civilians' || cl.victims.category === 'children') ? null : undefined);
      const civilians = local ? actorForEvent(`Civilians (${local})`, local, day) : null;
      // "The fighting ... has killed 200": a battle with no named side continues the article's last battle.
      const prevBattle = drafts.filter((x) => x.type === 'Battles' && x.a1).at(-1);
      if (type === 'Battles' && !a1 && prevBattle) [a1, a2] = [prevBattle.a1, prevBattle.a2];
      // "Shells hit the central market" names no striker: the striker the source names for these deaths ("killed by
      // Houthi shelling" in a claim). Borrowing the striker of an earlier strike of the same kind merged distinct
      // strikes on dev (recall 0.930 -> 0.925), so an unnamed striker otherwise stays unnamed.
      if (!a1 && (type === 'Explosions/Remote violence' || type === 'Violence against civilians')) {
        const perp = claims.map(({ cl }) => cl.perpetrator).find((x): x is string => !!x);
        a1 = perp ? actorForEvent(perp, countryName, day) : null;
        if (a1 && a2?.name === a1.name) a2 = null;
      }
      let joins: Draft | null = null;
      let ally: { side: 1 | 2; name: string } | null = null;
      // "Fighters stormed the town of Kutum on Saturday, killing 45 people": an assault on a place whose only named
      // side is the attackers and whose dead are people, not combatants, is an attack on civilians, not a battle.
      const assault = hits[0] && /^(?:stormed|raided|attacked)\b/i.test(live.slice(hits[0].start, hits[0].end)) && !hits.some((h) => /^(?:clash|fight|battle|fought|firefight|gun ?battle|exchanged)/i.test(live.slice(h.start, h.end)));
      if (sub === 'Armed clash' && assault && a1 && a1.inter !== 'State forces' && !other && killed.length && killed.every(({ cl }) => ['civilians', 'children', 'women', 'total'].includes(cl.victims.category))) {
        sub = 'Attack';
        type = 'Violence against civilians';
      }
      if (type === 'Battles') {
        // A seized village or a clash with one side named: the other side is the state (or its main rival).
        if (a1 && !a2) a2 = a1.inter === 'State forces' ? null : stateMilitary(countryName, day);
        // "A general of the Revolutionary Guards was killed in combat" in an article about the Syrian army's battle:
        // Iran fights beside Syria, so its loss belongs to the battle on Syria's side, never to an Iran–Syria clash.
        if (a1 && a2 && areAllies(a1.name, a2.name, day)) {
          const fellow = a1;
          const host = drafts.filter((x) => x.type === 'Battles' && x.a1 && [x.a1.name, x.a2?.name].some((n) => n && (n === a2!.name || areAllies(n, fellow.name, day)))).at(-1);
          if (host) {
            joins = host;
            const side = host.a1!.name === a2.name || areAllies(host.a1!.name, fellow.name, day) ? 1 : 2;
            ally = { side, name: fellow.name };
            [a1, a2] = [host.a1, host.a2];
            sub = 'Armed clash';
          } else {
            ally = { side: 2, name: fellow.name };
            a1 = null;
          }
        }
      } else if (sub === 'Displacement') {
        a1 = civilians;
        a2 = null;
      } else if (type === 'Protests' || type === 'Riots') {
        const who = actors.find((m) => m.data?.inter === 'Protesters' || m.data?.inter === 'Rioters');
        const crowd = local ? actorForEvent(`${type === 'Riots' ? 'Rioters' : 'Protesters'} (${local})`, local, day) : null;
        // "Police fired tear gas at the demonstrators": a crowd met with force faces the police unless named otherwise.
        a2 = sub === 'Peaceful protest' ? null : (a1 ?? police());
        a1 = who ? at(who) : crowd;
      } else if (type === 'Violence against civilians') {
        // Violence against civilians always has civilians as actor2; an unnamed perpetrator is an unidentified group.
        if (!a1 && local) a1 = actorForEvent(`Unidentified Armed Group (${local})`, local, day);
        if (!a2 || a2.inter !== 'Civilians') a2 = civilians;
      } else if (sub === 'Arrests') {
        // "Police arrested 14 people": the state force detains, the detained are civilians unless a group is named.
        a1 ??= police();
        a2 ??= civilians;
      } else if (civ !== undefined) {
        a2 = civilians;
      } else if (type === 'Explosions/Remote violence' && !a2 && killed.some(({ cl }) => ['total', 'unknown', 'women', 'children'].includes(cl.victims.category))) {
        // "An air strike on a school killed 17 people": one-sided remote violence hits civilians.
        a2 = civilians;
      }
      // "at least 19 civilians killed in airstrikes by the Russian air force" is part of the day's toll, and all of
      // the air strikes' toll: a part whose perpetrator is this clause's actor counts for this event.
      if (a1 && !killed.length) killed = inClause.filter(({ cl }) => cl.kind === 'killed' && !cl.share && cl.perpetrator === a1!.name);
      const fatal = type === 'Strategic developments' ? 0 : eventFatalities(killed.map(({ cl }) => cl));
      const k = killed[0]?.cl;
      const evidence: { field: string; span: Span }[] = [{ field: 'sub_event_type', span: hits[0] ? { start: c.span.start + hits[0].start, end: c.span.start + hits[0].end } : c.span }];
      if (first) evidence.push({ field: 'actor1', span: first.span });
      if (other) evidence.push({ field: 'actor2', span: other.span });
      if (current[0]) evidence.push({ field: 'event_date', span: current[0].span });
      if (place) evidence.push({ field: 'location', span: place.span });
      for (const { cl } of killed) evidence.push({ field: 'fatalities', span: cl.span });
      const draft: Draft = {
        anchored: !!current[0] || !!bestPlace(clausePlaces) || places.some((p) => p.sentence === s.index && p.lat != null && p.feature !== 'country'),
        sub,
        type,
        a1,
        a2,
        assoc1: first?.data?.allies ? 'allied groups' : null,
        day,
        tp,
        place,
        claims: claims.map(({ i }) => i),
        fatal,
        range: k ? { low: k.low, best: k.best, high: k.high } : { low: null, best: null, high: null },
        evidence,
        sentence: s.index,
        confidence,
        rule,
        killedIdx: [...killed, ...restated].map(({ i }) => i),
        assoc: ally ? { [ally.side]: ally.name } : {},
        joins,
      };
      // "…launched an offensive against regime troops and cut off a vital road, citing more than 200 deaths": the
      // road taken is one event, the fighting that killed 200 another; the clash carries the dead.
      if (sub === 'Non-state actor overtakes territory' || sub === 'Government regains territory') {
        const fights = hits.some((h) => h.trigger.sub_event_type === 'Armed clash');
        if (killed.length && fights) {
          const taken = new Set(killed.map(({ i }) => i));
          drafts.push({ ...draft, claims: draft.claims.filter((i) => !taken.has(i)), killedIdx: [], fatal: 0, range: { low: null, best: null, high: null }, evidence: draft.evidence.filter((e) => e.field !== 'fatalities') });
          drafts.push({ ...draft, sub: 'Armed clash', evidence: [...draft.evidence], rule: `${rule}.fighting` });
          continue;
        }
      }
      drafts.push(draft);
    }
  }
  // One event per sub-type, day, location and actor pair: later mentions of the same event add evidence.
  const merged: Draft[] = [];
  const home = new Map<Draft, Draft>();
  for (const d of drafts) {
    // An offensive restated in several sentences ("launched on Thursday", "the day before") is one battle,
    // dated at its earliest reported day.
    let same = merged.find((m) => m.sub === d.sub && (m.day === d.day || d.type === 'Battles') && (m.place?.name ?? null) === (d.place?.name ?? null) && m.a1?.name === d.a1?.name && (m.a2?.name ?? null) === (d.a2?.name ?? null));
    // A clause with neither its own date nor its own place that names no new actor restates the last event of its
    // type: "The fighting has forced 300,000 people from their homes", "The shells fall on houses".
    const sides = (m: Draft) => [m.a1?.name, m.a2?.name].filter(Boolean);
    // An ally's loss joins its side's battle; a battle restating another's death toll is that battle.
    if (!same && d.joins) same = home.get(d.joins);
    if (!same && d.type === 'Battles' && d.killedIdx.length) same = merged.find((m) => m.sub === d.sub && m.killedIdx.some((i) => d.killedIdx.includes(i)));
    if (!same && !d.anchored) same = merged.filter((m) => m.type === d.type && [d.a1?.name, d.a2?.name].every((n) => !n || sides(m).includes(n) || n.startsWith('Civilians'))).at(-1);
    // A toll with no trigger, date, place or perpetrator of its own ("A local official had earlier told AFP that 45
    // people were killed") tells more of the event before it, whatever type the sentence model guesses.
    if (!same && !d.anchored && d.rule === 'events.classifier' && !d.a1 && d.killedIdx.length && !merged.at(-1)?.killedIdx.length) {
      same = merged.at(-1);
      // Two accounts of one toll: ACLED keeps the lowest ("32 killed" by the doctors, "45" by an official → 32).
      if (same && same.type !== 'Strategic developments') {
        same.killedIdx = [...new Set([...same.killedIdx, ...d.killedIdx])];
        same.fatal = eventFatalities(same.killedIdx.map((i) => doc.claims[i]!));
        d.fatal = same.fatal;
      }
    }
    if (!same) {
      merged.push(d);
      home.set(d, d);
      continue;
    }
    home.set(d, same);
    // The restatement that says more precisely where it happened places the event: "northern Syria" then "less
    // than 10 kilometers from … Aleppo".
    if (d.killedIdx.some((i) => same!.killedIdx.includes(i)) && d.place && (!same.place || (d.place.precision ?? 9) < (same.place.precision ?? 9))) same.place = d.place;
    same.killedIdx = [...new Set([...same.killedIdx, ...d.killedIdx])];
    same.assoc = { ...d.assoc, ...same.assoc };
    same.claims = [...new Set([...same.claims, ...d.claims])];
    same.evidence.push(...d.evidence);
    if (d.fatal > same.fatal) {
      same.fatal = d.fatal;
      same.range = d.range;
    }
    same.assoc1 ??= d.assoc1;
    if (d.day && same.day && d.day < same.day) [same.day, same.tp] = [d.day, d.tp];
  }
  const country = countryInfo(countryName);
  const events: SitrepEvent[] = merged.map((d) => toEvent(doc, d, country));
  // The main event first: the deadliest, then the earliest in the text.
  events.sort((a, b) => b.fatalities - a.fatalities || a.sentence - b.sentence);
  return { ...doc, events };
}

function toEvent(doc: Doc, d: Draft, country: { name: string; iso: string } | null): SitrepEvent {
  const loc = d.place?.resolved_name ?? d.place?.name ?? null;
  const note = eventNote({ event_type: d.type, sub_event_type: d.sub, actor1: d.a1?.name ?? null, actor2: d.a2?.name ?? null, event_date: d.day, location: loc, fatalities: d.fatal, fatalities_range: d.range }, !!d.assoc1);
  const sources = [...new Set(d.claims.map((i) => doc.claims[i]?.source.name).filter((x): x is string => !!x))];
  return {
    event_type: d.type,
    sub_event_type: d.sub,
    disorder_type: disorderType(d.type, d.sub),
    actor1: d.a1?.name ?? null,
    // Allies are named only generically ("and its allies"), so no canonical associated actor is claimed.
    assoc_actor_1: d.assoc[1] ?? null,
    inter1: d.a1?.inter ?? null,
    actor2: d.a2?.name ?? null,
    assoc_actor_2: d.assoc[2] ?? null,
    inter2: d.a2?.inter ?? null,
    interaction: d.a1 ? `${d.a1.inter}${d.a2 ? `-${d.a2.inter}` : ' only'}` : null,
    civilian_targeting: d.a2?.inter === 'Civilians' && d.sub !== 'Displacement' ? 'Civilians targeted' : null,
    event_date: d.day,
    time_precision: d.tp,
    country: country?.name ?? null,
    iso: country?.iso ?? null,
    admin1: d.place?.admin1 ?? null,
    admin2: null,
    location: loc,
    latitude: d.place?.lat ?? null,
    longitude: d.place?.lon ?? null,
    geo_precision: d.place?.precision ?? null,
    fatalities: d.fatal,
    fatalities_range: d.range,
    claims: d.claims,
    sources,
    notes: note,
    evidence: d.evidence,
    sentence: d.sentence,
    confidence: Math.round(d.confidence * 100) / 100,
    rule: d.rule,
  };
}

/** Stage: ACLED-style events from claims, places, times and actors. */
export const eventStage: Stage = { name: 'events', requires: ['claims', 'places', 'times', 'mentions'], assigns: ['events'], run: (doc) => buildEvents(doc) };
