import type { Span } from '../core/index.ts';

/**
 * Quantities: a hand-written regex cascade over one sentence. It was chosen over wink-nlp because every form
 * we need ("more than 14,000", "tens of thousands", "half a million", "between 10 and 15") is a short
 * contiguous pattern, and the cascade keeps exact UTF-16 offsets without a token→offset mapping step.
 * Numbers follow docs/numbers.md exactly.
 */

/** A number phrase with its literal reading (docs/numbers.md). */
export interface Quantity {
  /** Hedge + number ("at least 19", "nearly half", "dozens"). */
  readonly span: Span;
  readonly low: number | null;
  readonly best: number | null;
  readonly high: number | null;
  /** The hedge as written, lower case ("at least", "dozens", "between"), or null. */
  readonly hedge: string | null;
  readonly form: 'exact' | 'vague' | 'range' | 'share' | 'single';
  /** For shares ("nearly half of whom"): the fraction of the earlier figure. */
  readonly fraction?: number;
  readonly rule: string;
}

const ONES: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 };

const WORD = `(?:${[...Object.keys(ONES), ...Object.keys(SCALES)].sort((a, b) => b.length - a.length).join('|')})`;
// "two hundred and fifty", "twenty-three", "one million".
const WORDNUM = `${WORD}(?:(?:\\s+|-)(?:and\\s+)?${WORD})*`;
// "14,000", "14.000" (dot-grouped thousands: exactly three digits after each dot), "14 000", "1.5 million".
const DIGITS = `\\d+(?:[.,]\\d+)?(?:\\s+|-)(?:million|billion|thousand)\\b|\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d{1,3}(?:\\.\\d{3})+(?![\\d]|\\.\\d)|\\d{1,3}(?:\\u00a0| )\\d{3}(?![\\d,.]\\d)|\\d+(?:\\.\\d+)?`;
// "a dozen", "two dozen", "half a million", "a hundred", "a quarter of a million".
const IDIOM = `(?:half\\s+a\\s+(?:dozen|million|billion)|a\\s+quarter\\s+of\\s+a\\s+million|(?:a|one|two|three|four|five|six)\\s+dozen|a\\s+(?:hundred|thousand|million))`;
const NUM = `(?:${IDIOM}|${DIGITS}|${WORDNUM})`;

/** Hedges and how they move the numbers (docs/numbers.md). */
const HEDGES: Record<string, 'low' | 'low+1' | 'near' | 'about' | 'high' | 'high-1'> = {
  'at least': 'low', 'a minimum of': 'low', 'no fewer than': 'low', 'no less than': 'low',
  'more than': 'low+1', over: 'low+1', 'upwards of': 'low+1', 'in excess of': 'low+1',
  nearly: 'near', almost: 'near', 'just under': 'near', 'close to': 'near',
  about: 'about', around: 'about', some: 'about', roughly: 'about', approximately: 'about', 'an estimated': 'about', estimated: 'about', '~': 'about',
  'up to': 'high', 'as many as': 'high',
  'fewer than': 'high-1', 'less than': 'high-1', under: 'high-1',
};
const HEDGE = `(?:${Object.keys(HEDGES).sort((a, b) => b.length - a.length).map((h) => h.replace(/ /g, '\\s+')).join('|')})`;

/** Vague amounts: a low bound only ("dozens" → at least 24). */
const VAGUE: readonly [RegExp, number][] = [
  [/^tens\s+of\s+thousands/i, 20000],
  [/^hundreds\s+of\s+thousands/i, 200000],
  [/^(?:several|a\s+few)\s+hundreds?/i, 200],
  [/^(?:several|a\s+few)\s+thousands?/i, 2000],
  [/^(?:several|a\s+few)\s+dozens?/i, 24],
  [/^millions/i, 2_000_000],
  [/^thousands/i, 2000],
  [/^hundreds/i, 200],
  [/^scores/i, 40],
  [/^dozens/i, 24],
  [/^several/i, 3],
  [/^a\s+number\s+of/i, 2],
  [/^a\s+few/i, 2],
];

const SHARES: Record<string, number> = {
  half: 1 / 2, 'a half': 1 / 2, 'one half': 1 / 2, 'a third': 1 / 3, 'one third': 1 / 3, 'one-third': 1 / 3, 'two thirds': 2 / 3, 'two-thirds': 2 / 3,
  'a quarter': 1 / 4, 'one quarter': 1 / 4, 'three quarters': 3 / 4, 'three-quarters': 3 / 4, 'a fifth': 1 / 5, 'a tenth': 1 / 10,
};
const SHARE = `(?:${Object.keys(SHARES).sort((a, b) => b.length - a.length).map((h) => h.replace(/ /g, '\\s+')).join('|')})`;

// A singular person noun after "a/an/one" is a count of one ("a civilian was killed", "killing a child").
export const SINGULAR_PERSON =
  'civilian|child|boy|girl|woman|man|teenager|teen|baby|infant|toddler|soldier|serviceman|servicewoman|policeman|policewoman|officer|fighter|militant|general|commander|colonel|journalist|reporter|photographer|driver|farmer|resident|villager|student|doctor|nurse|paramedic|worker|volunteer|shepherd|pedestrian|person|guard|trooper|rebel|jihadist|gunman|passenger|worshipper|fisherman|herder|teacher|minor|pilot|mother|father|son|daughter|husband|wife|brother|sister|grandmother|grandfather|grandson|granddaughter|grandchild|nephew|niece';

const RE_RANGE = new RegExp(`(?:(between|from)\\s+)?(${NUM})\\s*(?:(?:and|to)|[-–—])\\s*(${NUM})\\b`, 'iy');
const RE_HEDGED = new RegExp(`(?:(${HEDGE})\\s*)?(${NUM})(?![\\p{L}\\d])`, 'iuy');
const RE_PERCENT = new RegExp(`(?:(${HEDGE}|more\\s+than|over)\\s+)?(\\d{1,3}(?:\\.\\d+)?)\\s*(?:%|per\\s*cent|percent)(?=\\s+of\\s+(?:whom|them|those|these|the)\\b)`, 'iy');
const RE_SHARE = new RegExp(`(?:(${HEDGE}|more\\s+than|over)\\s+)?(${SHARE})(?=\\s+(?:of\\s+(?:whom|them|those|these|the)\\b|were|are|was|is)\\b)`, 'iy');
// An age does not block the singular reading: "a 12-year-old boy".
// A possessive names one relative of someone counted before: "a woman and her child", "a mother and her daughter".
const RE_POSSESSIVE = new RegExp(`(?:her|his|their)\\s+(?:(?:\\d{1,3}-year-old|young|infant|baby|teenage|elderly|little)\\s+)?(?:child|baby|son|daughter|husband|wife|mother|father|brother|sister|grandson|granddaughter|grandchild|grandmother|grandfather|nephew|niece)(?![\\p{L}-])`, 'iuy');
const RE_SINGLE = new RegExp(`(?:a|an|one)\\s+(?:(?:\\d{1,3}-year-old|[\\p{L}-]+)\\s+){0,2}?(?:${SINGULAR_PERSON})(?![\\p{L}-])`, 'iuy');

/** Parse a number phrase ("14,000", "twenty-three", "1.5 million", "half a million", "two dozen") or null. */
export function parseNumber(raw: string): number | null {
  const s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^half a dozen$/.test(s)) return 6;
  if (/^half a million$/.test(s)) return 500_000;
  if (/^half a billion$/.test(s)) return 500_000_000;
  if (/^a quarter of a million$/.test(s)) return 250_000;
  const dozen = /^(a|one|two|three|four|five|six) dozen$/.exec(s);
  if (dozen) return (dozen[1] === 'a' ? 1 : ONES[dozen[1]!]!) * 12;
  const a = /^a (hundred|thousand|million)$/.exec(s);
  if (a) return SCALES[a[1]!]!;
  const scaled = /^(\d+(?:[.,]\d+)?)[ -](million|billion|thousand)$/.exec(s);
  if (scaled) return Math.round(Number(scaled[1]!.replace(',', '.')) * SCALES[scaled[2]!]!);
  if (/^\d{1,3}(?:,\d{3})+$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d{1,3}(?:\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ''));
  if (/^\d{1,3}[\u00a0 ]\d{3}$/.test(s)) return Number(s.replace(/[\u00a0 ]/g, ''));
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  // Written numbers: "two hundred and fifty thousand".
  let total = 0;
  let current = 0;
  let any = false;
  for (const w of s.split(/[\s-]+/)) {
    if (w === 'and') continue;
    if (w in ONES) current += ONES[w]!, (any = true);
    else if (w === 'hundred') current = (current || 1) * 100, (any = true);
    else if (w in SCALES) total += (current || 1) * SCALES[w]!, (current = 0), (any = true);
    else return null;
  }
  return any ? total + current : null;
}

/** Apply a hedge to a number per docs/numbers.md: "more than 200" → 201/null/null, "about 20" → null/20/null. */
export function applyHedge(hedge: string | null, n: number): { low: number | null; best: number | null; high: number | null } {
  const h = hedge ? HEDGES[hedge.toLowerCase().replace(/\s+/g, ' ')] : undefined;
  switch (h) {
    case 'low':
      return { low: n, best: null, high: null };
    case 'low+1':
      return { low: n + 1, best: null, high: null };
    case 'near':
      return { low: null, best: n, high: n };
    case 'about':
      return { low: null, best: n, high: null };
    case 'high':
      return { low: null, best: null, high: n };
    case 'high-1':
      return { low: null, best: null, high: n - 1 };
    default:
      return { low: n, best: n, high: n };
  }
}

/** The numbers of a share of an earlier figure: round(fraction × each non-null field of the parent). */
export function shareOf(parent: { low: number | null; best: number | null; high: number | null }, fraction: number) {
  const f = (v: number | null) => (v === null ? null : Math.round(v * fraction));
  return { low: f(parent.low), best: f(parent.best), high: f(parent.high) };
}

const lc = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

/**
 * Words before a number that make it not a count of people: "Resolution 2254", "aged 12", "route M5",
 * "$200", "No. 5", "+963 11 …".
 */
const BEFORE_BLOCK = /(?:\b(?:resolution|resolutions|aged|age|ages|no\.?|number|article|route|highway|road|flight|page|chapter|paragraph|tel\.?|phone|hotline|call|room|gate|kilometre|kilometer|km|platoon|brigade|division|battalion|regiment|unit|corps|zone|sector|precinct|district)\s*|[$€£¥+#]\s*|\b(?:us|usd|eur|gbp|rs|inr)\s*)$/i;
/** Words after a number that make it a measure, not people: "10 km", "5 pm", "12-year-old", "30 percent". */
const AFTER_BLOCK =
  /^(?:\s*(?:%|per\s*cent|percent|km\b|kms\b|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|m\b|cm\b|mm\b|kg\b|kilo(?:gram)?s?|tonnes?|tons?|degrees?|hectares?|acres?|square|sq\b|feet|ft\b|inch(?:es)?|a\.?m\b|p\.?m\b|o'clock|gmt|utc|hrs?\b|hours?|minutes?|seconds?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)|times|-year|-month|-week|-day|-hour|-km|-mile|-minute|-storey|-story|dollars?|euros?|pounds?|usd|eur|francs?|rupees?|hryvnias?|rubles?|roubles?|kyats?|shekels?|liras?|afghanis?|birr|naira|shillings?|cents?|bn\b|mln\b|billion\b|million\b|[:/]\d))/i;

/** True when a digit-form number looks like a calendar year ("in 2020", "since 2011"). */
function looksLikeYear(text: string, q: { start: number; end: number }, surface: string): boolean {
  if (!/^(1[89]|20)\d\d$/.test(surface)) return false;
  // "2000 people" is a count; a bare four-digit number anywhere else ("in 2020", "since 2011") is a year.
  const after = text.slice(q.end, q.end + 20);
  return !/^\s+(?:people|civilians|persons|residents|families|households|soldiers|fighters|children|women)\b/i.test(after);
}

/**
 * Find every quantity in `text[from, to)` — one sentence. Returns non-overlapping quantities in text order;
 * measures, years, ages, money and identifiers are left out here, counts of objects later by the claim builder.
 */
export function findQuantities(text: string, from: number, to: number): Quantity[] {
  const out: Quantity[] = [];
  let i = from;
  while (i < to) {
    // Only start at a word boundary.
    if (i > from && /[\p{L}\p{N}]/u.test(text[i - 1]!)) {
      i++;
      continue;
    }
    if (!/[\p{L}\p{N}~]/u.test(text[i]!)) {
      i++;
      continue;
    }
    const q = matchAt(text, i, to);
    if (q) {
      out.push(q);
      i = q.span.end;
    } else {
      i++;
    }
  }
  return out;
}

function blocked(text: string, start: number, numStart: number, end: number): boolean {
  const before = text.slice(Math.max(0, numStart - 25), numStart);
  if (BEFORE_BLOCK.test(before)) return true;
  // Letters or digits glued in front: "M5", "COVID-19", "F-16", "T-72".
  if (/[\p{L}][-‐]?$/u.test(text.slice(Math.max(0, start - 2), start)) && /\d/.test(text[numStart]!)) return true;
  // Times and phone numbers: "10:30", "11 234 5678".
  if (/\d[:./]$|\d\s$/.test(text.slice(Math.max(0, start - 2), start))) return true;
  // A day after a month name is a date: "since Oct. 8, including 17 civilians", "on March 3".
  if (/\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+$/i.test(before) && /^\d{1,2}$/.test(text.slice(numStart, end)) && Number(text.slice(numStart, end)) <= 31 && !/^\s+(?:people|civilians|persons|soldiers|fighters|children|women|men)\b/i.test(text.slice(end, end + 12))) return true;
  const after = text.slice(end, end + 16);
  if (AFTER_BLOCK.test(after)) return true;
  // Glued letters after digits ("5th", "2nd", "10km").
  if (/^[\p{L}]/u.test(after) && /\d$/.test(text.slice(numStart, end))) return true;
  // Decimal tails or further digit groups ("10.5", phone numbers "11 234 5678").
  if (/^[.,]\d/.test(after) || /^\s\d{2,}/.test(after)) return true;
  return false;
}

function matchAt(text: string, i: number, to: number): Quantity | null {
  const sub = text.slice(0, to);
  // Shares first: "nearly half of whom", "a third of them".
  RE_SHARE.lastIndex = i;
  let m = RE_SHARE.exec(sub);
  if (m) {
    const fraction = SHARES[lc(m[2]!)]!;
    return { span: { start: i, end: i + m[0].length }, low: null, best: null, high: null, hedge: m[1] ? lc(m[1]) : null, form: 'share', fraction, rule: 'quantity.share' };
  }
  // Percentages of an earlier figure: "nearly 40 percent of them children", "nearly 60 per cent of them".
  RE_PERCENT.lastIndex = i;
  m = RE_PERCENT.exec(sub);
  if (m) {
    const n = parseNumber(m[2]!);
    if (n !== null && n > 0 && n <= 100) return { span: { start: i, end: i + m[0].length }, low: null, best: null, high: null, hedge: m[1] ? lc(m[1]) : null, form: 'share', fraction: n / 100, rule: 'quantity.percent' };
  }
  // Ranges: "between 10 and 15", "10 to 15", "10-15".
  RE_RANGE.lastIndex = i;
  m = RE_RANGE.exec(sub);
  if (m) {
    const a = parseNumber(m[2]!);
    const b = parseNumber(m[3]!);
    const numStart = i + m[0].indexOf(m[2]!, m[1] ? m[1].length : 0);
    const end = i + m[0].length;
    // "the 1990-2000 war" or "24-7" are not ranges of people; require a < b.
    if (a !== null && b !== null && a < b && !blocked(text, i, numStart, end) && !(/^(1[89]|20)\d\d$/.test(m[2]!) && /^(1[89]|20)\d\d$/.test(m[3]!))) {
      return { span: { start: i, end }, low: a, best: null, high: b, hedge: m[1] ? 'between' : null, form: 'range', rule: 'quantity.range' };
    }
  }
  // Vague amounts, optionally hedged: "dozens", "tens of thousands", "several".
  const rest = sub.slice(i, Math.min(to, i + 40));
  for (const [re, low] of VAGUE) {
    const v = re.exec(rest);
    if (v && !/^[\p{L}]/u.test(rest.slice(v[0].length))) {
      // "a number of" and "a few" need people after them ("a few residents"), not "a few kilometres".
      const end = i + v[0].length;
      if (AFTER_BLOCK.test(text.slice(end, end + 16))) return null;
      return { span: { start: i, end }, low, best: null, high: null, hedge: lc(v[0]), form: 'vague', rule: 'quantity.vague' };
    }
  }
  // Hedged or bare numbers: "at least 19", "more than 14,000", "twenty-three", "half a million".
  RE_HEDGED.lastIndex = i;
  m = RE_HEDGED.exec(sub);
  if (m?.[2]) {
    const n = parseNumber(m[2]);
    const numStart = i + m[0].length - m[2].length;
    const end = i + m[0].length;
    if (n !== null && !blocked(text, i, numStart, end) && !looksLikeYear(text, { start: numStart, end }, m[2])) {
      // "one" alone is usually a pronoun ("one of the wounded" is handled by the claim builder).
      const hedge = m[1] ? lc(m[1]) : null;
      return { span: { start: i, end }, ...applyHedge(hedge, n), hedge, form: 'exact', rule: hedge ? 'quantity.hedged' : 'quantity.number' };
    }
    if (n !== null) return null;
  }
  // A single person: "a civilian", "an elderly woman", "one soldier".
  RE_SINGLE.lastIndex = i;
  m = RE_SINGLE.exec(sub);
  if (!m) {
    RE_POSSESSIVE.lastIndex = i;
    m = RE_POSSESSIVE.exec(sub);
  }
  if (m) {
    const art = /^\S+/.exec(m[0])![0];
    return { span: { start: i, end: i + art.length }, low: 1, best: 1, high: 1, hedge: null, form: 'single', rule: 'quantity.single' };
  }
  return null;
}
