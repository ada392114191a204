import type { Span } from '../core/index.ts';
import { fold } from './fold.ts';
import type { Gazetteer, GazPlace } from './gazetteer.ts';

/** A recognised toponym before resolution: its span, candidates and the context words around it. */
export interface Toponym {
  span: Span;
  /** The name itself, without type words ("Aleppo" in "the province of Aleppo"). */
  core: Span;
  places: GazPlace[];
  variant: boolean;
  sentence: number;
  /** What the context says it is: "province of Aleppo" → admin1, "city of Idlib" → city. */
  typed: 'admin1' | 'city' | 'admin2' | 'other' | null;
  typeRule: string | null;
  relative: { distance_km: number | null; direction: string | null } | null;
  /** "in the Kherson direction": near a town, not in it. */
  near: boolean;
  /** "northwestern Syria" built from a direction word and a country or admin1. */
  direction: string | null;
  dateline: boolean;
  /** Index of the coordinated list it belongs to ("Aleppo, Hama and Lattakia"). */
  group: number;
  /** "Hama-Homs highway": the other end, for a road made of two places. */
  roadTo?: Toponym;
  roadSpan?: Span;
}

const TOKEN = /[\p{L}\p{M}\d'’ʿʾ]+/gu;
const UPPER = /^\p{Lu}/u;
// Words GeoNames knows as places that news copy uses as ordinary capitalised words ("Wednesday", "Gen",
// "Victory", "Police"); a one-word match on these is never a place.
const STOP = new Set(
  'jan feb mar apr jun jul aug sep sept oct nov dec gov about between among over under after while across mobile arab monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december gen general president minister prime victory police army government the a an this that these those but and or in on at of for with by from to as it its he she they we our their his her there here when while after before since during if so not no yes all some many most more less much one two three four five six seven eight nine ten first second third last next new old said says according observatory ministry council forces force security union university institute committee agency news press media reuters afp ap north south east west central northern southern eastern western mr mrs ms dr saint st mount lake river sea gulf bay island islands state region province city town village district hospital market school mosque church camp road highway street square bridge airport port base border front line centre center international national united human rights war peace hope liberty independence freedom unity justice progress democracy union federal republic kingdom empire royal king queen prince sheikh imam pope colonel captain major lieutenant sergeant commander chief spokesman spokesperson official officials analyst analysts residents witnesses photo video source sources update background note editing reporting additional'.split(' '),
);
// Words that never begin a place name even when the gazetteer has one ("The Hague" aside, "The Gambia" is rare in copy).
const FUNCTION_WORDS = new Set('the a an this that these those but and or in on at of for with by from to as it its he she they we our their his her there here when while after before since during if so not no yes all some many most more less much said says according'.split(' '));
const TITLES = new Set('president gen general col colonel lt maj major capt captain sgt mr mrs ms dr minister spokesman spokeswoman spokesperson analyst commander leader sheikh imam king prince pope emir governor mayor envoy ambassador chief secretary senator judge bishop cardinal saint'.split(' '));
const ADMIN_WORDS = new Set(['province', 'provinces', 'governorate', 'governorates', 'oblast', 'oblasts', 'region', 'regions', 'state', 'states']);
const CITY_WORDS = new Set(['city', 'town', 'village', 'metropolis', 'capital', 'port', 'hamlet']);
// "Lubero territory" (DR Congo), "East Gojjam zone" (Ethiopia): second-level units under local names.
const ADMIN2_WORDS = new Set(['district', 'districts', 'township', 'county', 'raion', 'subdistrict', 'territory', 'territories', 'zone']);
const OTHER_WORDS = new Set(['neighbourhood', 'neighborhood', 'quarter', 'suburb', 'camp', 'crossing']);
// Capitalised words that may follow a name and still belong to it ("Kherson Oblast", "Gaza Strip").
const FOLLOWERS = new Set([...ADMIN_WORDS, ...CITY_WORDS, ...ADMIN2_WORDS, ...OTHER_WORDS, 'strip', 'direction', 'front', 'axis', 'area', 'countryside', 'highway', 'road', 'desert', 'dam']);
// "the Damascus regime", "Kyiv authorities": the government, not the place (metonymy).
const METONYMY_NEXT = new Set(['regime', 'government', 'authorities', 'administration', "regime's", "government's"]);
const SPEECH = new Set(['said', 'says', 'say', 'claimed', 'claims', 'denied', 'denies', 'accused', 'accuses', 'announced', 'warned', 'warns', 'insisted', 'insists', 'wants', 'responded', 'blamed', 'rejected', 'condemned', 'vowed', 'did', 'does', 'pressed', 'presses', 'intensified', 'intensifies', 'launched', 'annexed', 'demanded', 'demands', 'threatened', 'threatens', 'refused', 'agreed']);
// "Lebanon's health ministry", "Russia's defence ministry", "Ukraine's General Staff", "Sudan's army-aligned
// government": a possessive naming an institution or armed body is not a place ("Russia's full-scale invasion" is).
const POSSESSIVE_INSTITUTION = /^['’]s\s+(?:[\p{L}-]+\s+){0,3}?(?:army|military|armed forces|forces|ministry|government|governor|mayor|administration|authorities|air force|general staff|navy|police|president|presidency|prime minister|parliament|embassy|defen[cs]e|civil defen[cs]e|intelligence|security services|group|correspondent|newsroom|central bank|junta|regime|leader|leadership|officials|troops|soldiers|militias?|ambassador|envoy|spokes(?:man|woman|person)|cabinet|council|state media|news agency)\b/iu;
// "Gaza health officials", "Kharkiv regional governor", "Melitopol mayor", "the Sumy regional military administration":
// the place names an office, not where something happened.
const BARE_INSTITUTION = /^\s+(?:(?:regional|local|provincial|municipal|military|health|city|district|state|civil|oblast)\s+){0,3}(?:governor|mayor|administration|administrative body|officials|authorities|correspondent|newsroom|militias?)\b/u;
// "Iran-aligned Houthis", "Moscow-backed separatists", "the Hamas-run territory", "Britain-based": adjectives.
const ADJECTIVAL = /^[-‐](?:backed|aligned|led|run|based|allied|affiliated|sponsored|funded|controlled|linked|brokered|friendly)\b/iu;
// "the UN Support Mission in Libya", "Armed Forces of Ukraine", "Islamic State in the Sahel": inside an organisation's name.
const ORG_BEFORE = /(?<![.!?]\s*)\b(?:Mission|Missions|Forces|Force|Government|Ministry|State|Council|Office|Command|Agency|Committee|Commission|Organi[sz]ation|Programme|Program|Fund|Network|Observatory|Staff|Authority|Bank|Party|Coalition|Alliance|Brigade|Court|Institute|University|Embassy|Corps|Guard|Movement|Front|Service|Services)\s+(?:of|in|for)\s+(?:the\s+)?$/u;
const DIRS: Record<string, string> = {
  north: 'N', south: 'S', east: 'E', west: 'W', northeast: 'NE', northwest: 'NW', southeast: 'SE', southwest: 'SW',
  northern: 'N', southern: 'S', eastern: 'E', western: 'W', northeastern: 'NE', northwestern: 'NW', southeastern: 'SE', southwestern: 'SW', central: 'C',
};
const ARTICLE = /^(al|el|ad|as|ash|ar|at|az|an|ad|ed|ez|es)$/i;

interface Tok {
  start: number;
  end: number;
  text: string;
  lower: string;
}

function tokens(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  for (const m of text.slice(from, to).matchAll(TOKEN)) {
    let t = m[0];
    // "Syria's" → "Syria".
    if (/['’]s$/.test(t) && t.length > 3) t = t.slice(0, -2);
    t = t.replace(/['’]+$/, '');
    if (!t) continue;
    const start = from + m.index!;
    out.push({ start, end: start + t.length, text: t, lower: t.toLowerCase() });
  }
  return out;
}

/** True when the gazetteer knows this exact name (not only a loose spelling of it). */
const knownExactly = (gaz: Gazetteer, name: string) => {
  const r = gaz.lookup(name);
  return r.places.length > 0 && !r.variant;
};
const joinable = (gap: string) => /^(?: |[-‐–—]| [-–] )$/.test(gap);
const isCaps = (t: string) => t.length >= 2 && t === t.toUpperCase() && /\p{Lu}/u.test(t);

/** Words the text writes in lower case: capitalised elsewhere they are sentence-initial words, not places. */
export function lowercaseWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}'’-])\p{Ll}[\p{Ll}]+(?![\p{L}'’-])/gu)) out.add(m[0]);
  return out;
}

/** Find toponyms in one sentence: longest gazetteer match over capitalised tokens, with context and filters. */
export function findToponyms(text: string, span: Span, sentence: number, gaz: Gazetteer, groupBase: number, common: ReadonlySet<string> = new Set()): Toponym[] {
  const toks = tokens(text, span.start, span.end);
  const out: Toponym[] = [];
  // A dateline is a short run of capitalised words before the first comma, bracket or dash ("GOMA, DR Congo (AFP)",
  // "KHARTOUM, May 3 (Reuters)"); "Fano fighters entered Lalibela on Saturday, …" is a sentence, not a dateline.
  let datelineEnd = sentence === 0 ? text.slice(0, 80).search(/[,(—–]/) : -1;
  if (datelineEnd > 0 && /(?:^|\s)\p{Ll}/u.test(text.slice(span.start, datelineEnd))) datelineEnd = -1;
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    const lowerStart = !UPPER.test(t.text);
    let found: { j: number; places: GazPlace[]; variant: boolean } | null = null;
    for (let j = Math.min(toks.length - 1, i + 5); j >= i; j--) {
      let ok = true;
      for (let k = i; k < j; k++) if (!joinable(text.slice(toks[k]!.end, toks[k + 1]!.start))) ok = false;
      if (!ok) continue;
      const last = toks[j]!;
      const slice = text.slice(t.start, last.end);
      const allCapsSeq = toks.slice(i, j + 1).every((x) => isCaps(x.text) || /\d/.test(x.text));
      const inDateline = datelineEnd > 0 && last.end <= datelineEnd;
      if (allCapsSeq && !inDateline && !/\d/.test(slice)) {
        // Acronyms ("SDF", "HTS") are not places unless the variants list says so ("DPR").
        const r = gaz.lookup(slice);
        if (r.places.length && r.variant && j === i && t.text.length <= 4 && fold(slice) === t.lower) found = { j, ...r };
        if (found) break;
        continue;
      }
      if (lowerStart && !(ARTICLE.test(t.text) && j > i) && !(DIRS[t.lower] && j > i)) continue;
      if (j === i && STOP.has(t.lower)) continue;
      // Learned from the article itself: a word it also writes in lower case ("over", "between") is a word.
      if (j === i && common.has(t.lower)) continue;
      // "The Iran-backed…", "Russian": a sentence's first word or a demonym never starts a place name.
      // …but a longer name the gazetteer knows exactly may start with one ("Port Sudan", "Saint-Marc", "United States").
      if (STOP.has(t.lower) && !DIRS[t.lower] && !(j > i && UPPER.test(t.text) && !FUNCTION_WORDS.has(t.lower) && knownExactly(gaz, slice))) continue;
      if (j === i && gaz.demonym(t.text)) continue;
      const allUpper = toks.slice(i, j + 1).every((x) => UPPER.test(x.text) || ARTICLE.test(x.text) || /\d/.test(x.text));
      const r = gaz.lookup(slice);
      if (!r.places.length) continue;
      const exact = !r.variant || Object.hasOwn(gaz.meta.variantKeys, fold(slice));
      // Loose (skeleton) matches only over properly capitalised names, and only for names of some length.
      if (!exact && (!allUpper || slice.length < 5)) continue;
      if (lowerStart && !exact) continue;
      found = { j, ...r };
      break;
    }
    if (!found) {
      i++;
      continue;
    }
    const first = t;
    const last = toks[found.j]!;
    const prev = toks[i - 1];
    const next = toks[found.j + 1];
    const gapBefore = prev ? text.slice(prev.end, first.start) : '';
    const gapAfter = next ? text.slice(last.end, next.start) : '';
    i = found.j + 1;
    // Person and organisation names: "Agence France-Presse", "President Assad", "Aleppo University".
    // A rejected name takes the rest of its capitalised run with it ("Agence France-Presse").
    const skipName = () => {
      while (i < toks.length && UPPER.test(toks[i]!.text) && joinable(text.slice(toks[i - 1]!.end, toks[i]!.start))) i++;
    };
    if (prev && (gapBefore === ' ' || gapBefore === '-') && UPPER.test(prev.text) && !isCaps(prev.text)) {
      const prevIsStart = toks.indexOf(prev) === 0;
      const prevIsPlace = out.at(-1)?.core.end === prev.end;
      if (TITLES.has(prev.lower) || (!prevIsStart && !prevIsPlace && !DIRS[prev.lower] && !gaz.demonym(prev.text))) {
        skipName();
        continue;
      }
    }
    // "Prince Faisal", "Gen. Hamdan"; but not across a comma ("PORT-AU-PRINCE, Haiti").
    if (prev && /^\.?\s$/.test(gapBefore) && TITLES.has(prev.lower.replace(/\.$/, ''))) continue;
    if (next && (gapAfter === ' ' || gapAfter === '-') && UPPER.test(next.text) && !FOLLOWERS.has(next.lower) && !isCaps(next.text)) {
      skipName();
      continue;
    }
    if (next && gapAfter === ' ' && METONYMY_NEXT.has(next.lower)) continue;
    // "Moscow" is also a Idaho village: the name is a big city when its largest candidate is one.
    const largest = [...found.places].sort((a, b) => b.population - a.population)[0];
    const big = !!largest && largest.kind === 'city' && largest.population >= 500000 && !found.places.some((p) => p.kind === 'country');
    const after = text.slice(last.end, Math.min(span.end, last.end + 60));
    if (POSSESSIVE_INSTITUTION.test(after) || BARE_INSTITUTION.test(after) || ADJECTIVAL.test(after)) continue;
    // "Moscow said", "Kyiv did not comment": the government. "The security directorate in Homs said": the place.
    const inPlace = /\bin\s+$/i.test(text.slice(Math.max(span.start, first.start - 4), first.start));
    if (big && !inPlace && next && gapAfter === ' ' && SPEECH.has(next.lower)) continue;
    const before = text.slice(Math.max(span.start, first.start - 60), first.start);
    if (ORG_BEFORE.test(before) || /\bethnic\s+$/i.test(before)) continue;
    // "Ahmed al-Sharaa", "Bashar al-Assad": a name after a given name and an article is a person's.
    const prev2 = toks[toks.indexOf(first) - 2];
    if (prev && ARTICLE.test(prev.text) && /^[-‐]$/.test(gapBefore) && prev2 && UPPER.test(prev2.text) && text.slice(prev2.end, prev.start) === ' ' && !gaz.lookup(text.slice(prev2.start, last.end)).places.length) continue;
    if (big && /\b(?:comment from|request of|message to|ties with|talks with|backed by|support from)\s+(?:\w+\s+and\s+)?$/i.test(before)) continue;
    const top: Toponym = {
      span: { start: first.start, end: last.end },
      core: { start: first.start, end: last.end },
      places: found.places,
      variant: found.variant,
      sentence,
      typed: null,
      typeRule: null,
      relative: null,
      near: false,
      direction: null,
      dateline: datelineEnd > 0 && last.end <= datelineEnd,
      group: groupBase + out.length,
    };
    // Type word after: "Aleppo province", "Kherson Oblast", "Idleb city", "Kharkov direction".
    if (next && gapAfter === ' ') {
      const w = next.lower;
      const typed = ADMIN_WORDS.has(w) ? 'admin1' : CITY_WORDS.has(w) && w !== 'capital' && w !== 'port' ? 'city' : ADMIN2_WORDS.has(w) ? 'admin2' : OTHER_WORDS.has(w) ? 'other' : null;
      if (typed) {
        top.typed = typed;
        top.typeRule = `context.${w.replace(/ies$/, 'y').replace(/s$/, '')}`;
        top.span = { start: top.span.start, end: next.end };
        i++;
      } else if (w === 'direction' || w === 'axis' || w === 'front') top.near = true;
    }
    // Type words before: "the city of Idlib", "province of Aleppo", "provinces of Lattakia and Tartus".
    const m = /\b(city|town|village|metropolis|province|governorate|region|oblast|provinces|governorates|regions)\s+of\s+$/i.exec(before);
    if (m && !top.typed) {
      const w = m[1]!.toLowerCase();
      const plural = /s$/.test(w);
      top.typed = ADMIN_WORDS.has(w) ? 'admin1' : 'city';
      top.typeRule = `context.${w.replace(/s$/, '')}-of`;
      if (!plural) top.span = { start: first.start - m[0].length, end: top.span.end };
    }
    // Relative places: "10 km east of Aleppo", "south of Ariha", "near Kyaukme", "the outskirts of Sittwe".
    const rel = /(?:(\d+(?:[.,]\d+)?|a few|several)\s*(km|kilometres|kilometers|kilometre|kilometer|miles|mile)\b(?:\s*\([^)]*\))?\s+)?(north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s+of\s+(?:the\s+(?:city|town|village)\s+of\s+)?$/i.exec(before);
    // "less than 10 kilometers from the government-held metropolis of Aleppo": the anchor's description may run
    // to a few words before its type word.
    const dist = /(\d+(?:[.,]\d+)?)\s*(km|kilometres|kilometers|kilometre|kilometer|miles|mile)\s+(?:from|outside|away from)\s+(?:the\s+(?:[\p{L}-]+\s+){0,2}(?:city|town|village|metropolis|capital|port)\s+of\s+|the\s+)?$/iu.exec(before);
    const near = /\b(?:near|outside|around|close to|outskirts of|vicinity of|on the edge of|edges of)\s+(?:the\s+(?:city|town|village)\s+of\s+)?$/i.test(before);
    if (rel) {
      const km = rel[1] && /\d/.test(rel[1]) ? Number(rel[1].replace(',', '.')) * (/mile/i.test(rel[2] ?? '') ? 1.609 : 1) : null;
      top.relative = { distance_km: km, direction: DIRS[rel[3]!.toLowerCase().replace('-', '')] ?? null };
    } else if (dist) {
      top.relative = { distance_km: Number(dist[1]!.replace(',', '.')) * (/mile/i.test(dist[2]!) ? 1.609 : 1), direction: null };
    } else if (near) top.relative = { distance_km: null, direction: null };
    if (top.relative) top.span = top.core;
    // "northwestern Syria", "North-west Syria", "northern Shan state": a direction word before a country or admin1.
    const dm = /\b(north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|north-?east|north-?west|south-?east|south-?west)\s+$/i.exec(before);
    if (dm && !top.relative && found.places.some((p) => p.kind === 'country' || p.kind === 'admin1') && !found.places.some((p) => p.kind === 'region')) {
      top.direction = DIRS[dm[1]!.toLowerCase().replace('-', '')] ?? null;
      top.span = { start: first.start - dm[0].length, end: top.span.end };
    }
    // Roads between two places: "the Hama-Homs highway", "the Gao–Ansongo road".
    const prevTop = out.at(-1);
    if (prevTop && /^[-–—]$/.test(text.slice(prevTop.core.end, first.start)) && next && gapAfter === ' ' && /^(road|highway|motorway|route)$/.test(next.lower)) {
      prevTop.roadTo = top;
      prevTop.roadSpan = { start: prevTop.core.start, end: next.end };
      i++;
      continue;
    }
    // Coordinated lists share a group: "Aleppo, Hama and Lattakia", "Lattakia and Tartus".
    if (prevTop && /^(?:,\s*|\s+and\s+|,\s+and\s+|\s+or\s+)(?:(?:north|south|east|west)(?:ern)?\s+)?$/i.test(text.slice(prevTop.span.end, first.start))) top.group = prevTop.group;
    out.push(top);
  }
  return joinRoadPhrases(text, span, out);
}

// A road named by its two ends: "the road connecting the capital Damascus with Aleppo", "the highway linking Gao
// and Ansongo", "the road between Beni and Oicha", "the route from Kosti to El Obeid". A few lower-case words may
// describe an end ("the capital", "the coastal city of").
const ROAD_BEFORE = /\b(?:road|highway|motorway|route)\s+(?:that\s+)?(?:connecting|connects|linking|links|joining|joins|between|from)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,3}$/u;
const ROAD_MIDDLE = /^\s*(?:with|and|to)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,3}$/u;
const ROAD_WORD = /\b(?:road|highway|motorway|route)\s+(?:that\s+)?(?:connecting|connects|linking|links|joining|joins|between|from)\b/giu;

/** Fold "road connecting X with Y" into one road toponym: X carries Y as `roadTo`, the span covers the phrase. */
function joinRoadPhrases(text: string, sentence: Span, tops: Toponym[]): Toponym[] {
  const out: Toponym[] = [];
  for (let k = 0; k < tops.length; k++) {
    const a = tops[k]!;
    const b = tops[k + 1];
    if (b && !a.roadTo && !a.relative && !b.relative) {
      const before = text.slice(Math.max(sentence.start, a.span.start - 80), a.span.start);
      if (ROAD_BEFORE.test(before) && ROAD_MIDDLE.test(text.slice(a.span.end, b.span.start))) {
        let from = a.span.start;
        ROAD_WORD.lastIndex = 0;
        for (let m = ROAD_WORD.exec(before); m; m = ROAD_WORD.exec(before)) from = a.span.start - before.length + m.index;
        // The ends stay places of their own (they are named); the road is one more place over the whole phrase.
        out.push({ ...a, roadTo: b, roadSpan: { start: from, end: b.span.end } }, a, b);
        k++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
