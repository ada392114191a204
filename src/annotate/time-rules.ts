import * as chrono from 'chrono-node';

/** A calendar day as UTC midnight; all arithmetic is on whole days. */
export type Day = Date;

/** A resolved date expression before it is placed in the document. */
export interface TimeHit {
  readonly start: number;
  readonly end: number;
  readonly value: string | null;
  readonly precision: 'day' | 'week' | 'month' | 'year';
  readonly background: boolean;
  /** True when the expression needs a publication date to resolve. */
  readonly relative: boolean;
  readonly rule: string;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WD = '(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';
const MON = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const MONTH_NAME = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\.?/i;
const PART = '(?:\\s+(?:morning|afternoon|evening|night))?';
const SEASONS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11], winter: [12, 14] };
const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10 };

const pad = (n: number) => String(n).padStart(2, '0');
/** `YYYY-MM-DD` of a UTC day. */
export const iso = (d: Day) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const addDays = (d: Day, n: number): Day => new Date(d.getTime() + n * 86400000);
const ym = (y: number, m: number) => `${y}-${pad(m)}`;
const range = (a: Day, b: Day) => `${iso(a)}/${iso(b)}`;
/** Whole months from (y, m) to the publication month. */
const monthsBefore = (pub: Day, y: number, m: number) => (pub.getUTCFullYear() - y) * 12 + (pub.getUTCMonth() + 1 - m);

/** The day a publication value falls on. */
export function dayOf(published: string): Day {
  return new Date(`${published.slice(0, 10)}T00:00:00Z`);
}

/**
 * The most recent `weekday` on or before `pub` — past-tense reporting ("killed on Monday" in a Tuesday
 * article is yesterday; "on Thursday" in a Thursday article is that day) — or the next one when `future`.
 */
export function weekdayNear(pub: Day, weekday: number, future: boolean): Day {
  const diff = future ? (weekday - pub.getUTCDay() + 7) % 7 : -((pub.getUTCDay() - weekday + 7) % 7);
  return addDays(pub, diff);
}

/** Monday of the week containing `d` (weeks run Monday–Sunday, as in the gold). */
const mondayOf = (d: Day) => addDays(d, -((d.getUTCDay() + 6) % 7));

// Future reading for bare weekdays: "talks will resume on Monday", "due to meet on Friday".
const FUTURE = /\b(will|would|shall|is due to|are due to|scheduled|planned for|next)\b/i;

type Rule = { name: string; re: RegExp; relative: boolean; resolve: (m: RegExpExecArray, pub: Day | null, sentence: string) => Omit<TimeHit, 'start' | 'end' | 'rule' | 'relative'> | null };

const dayHit = (d: Day | null, background = false) => ({ value: d ? iso(d) : null, precision: 'day' as const, background });

/** Ordered rules; earlier rules win overlaps. Each regex is matched case-insensitively over one sentence. */
const RULES: Rule[] = [
  {
    // "the spring of 2011", "since the summer of 2014": a season is three months of one year.
    name: 'time.season',
    re: /\b(?:(?:since|in|during)\s+)?(?:the\s+)?(?:(?:early|late)\s+)?(spring|summer|autumn|fall|winter)\s+of\s+(\d{4})\b/gi,
    relative: false,
    resolve: (m, pub) => {
      const y = +m[2]!;
      const [a, b] = SEASONS[m[1]!.toLowerCase()]!;
      const start = new Date(Date.UTC(y, a - 1, 1));
      const end = addDays(new Date(Date.UTC(y, b, 1)), -1);
      return { value: range(start, end), precision: 'month', background: !pub || pub.getUTCFullYear() > y || monthsBefore(pub, y, b) > 2 };
    },
  },
  {
    // "last summer", "over the summer", "since last winter": the most recent such season before publication.
    name: 'time.season-relative',
    re: /\b(?:(?:since|in|during|over)\s+)?(?:last|this|the)\s+(spring|summer|autumn|fall|winter)\b(?!\s+of\b)/gi,
    relative: true,
    resolve: (m, pub) => {
      if (!pub) return { value: null, precision: 'month', background: false };
      const [a, b] = SEASONS[m[1]!.toLowerCase()]!;
      let y = pub.getUTCFullYear();
      // The season must have started before publication; "last summer" in March is the previous year's.
      if (Date.UTC(y, a - 1, 1) > pub.getTime() || /\blast\b/i.test(m[0]) && Date.UTC(y, b, 1) > pub.getTime()) y -= 1;
      const start = new Date(Date.UTC(y, a - 1, 1));
      const end = addDays(new Date(Date.UTC(y, b, 1)), -1);
      // A season already over is context for the current fighting ("shelled almost daily since last summer").
      return { value: range(start, end), precision: 'month', background: end.getTime() < pub.getTime() };
    },
  },
  {
    // "at the end of 2023" → its last month; "the beginning of 2024" → its first month.
    name: 'time.year-edge',
    re: /\b(?:(?:at|since|by|from)\s+)?the\s+(end|start|beginning|middle)\s+of\s+(\d{4})\b/gi,
    relative: false,
    resolve: (m, pub) => {
      const y = +m[2]!;
      const mo = { end: 12, start: 1, beginning: 1, middle: 6 }[m[1]!.toLowerCase() as 'end']!;
      return { value: ym(y, mo), precision: 'month', background: !pub || monthsBefore(pub, y, mo) >= 2 };
    },
  },
  {
    // "since the start of the year", "since the beginning of the week/month": from then to publication.
    name: 'time.since-start',
    re: /\b(?:since|from)\s+the\s+(?:start|beginning)\s+of\s+the\s+(year|month|week|war)\b/gi,
    relative: true,
    resolve: (m, pub) => {
      const unit = m[1]!.toLowerCase();
      if (unit === 'war') return null;
      if (!pub) return { value: null, precision: unit === 'week' ? 'week' : unit === 'month' ? 'month' : 'year', background: false };
      if (unit === 'week') return { value: range(mondayOf(pub), pub), precision: 'week', background: false };
      if (unit === 'month') return { value: ym(pub.getUTCFullYear(), pub.getUTCMonth() + 1), precision: 'month', background: false };
      return { value: String(pub.getUTCFullYear()), precision: 'year', background: false };
    },
  },
  {
    // "on 16 and 17 November": two days of one month.
    name: 'time.day-pair',
    re: new RegExp(`\\b(?:on\\s+)?(\\d{1,2})\\s+and\\s+(\\d{1,2})\\s+${MON}(?:\\s+(\\d{4}))?\\b`, 'gi'),
    relative: true,
    resolve: (m, pub) => {
      const mo = MONTHS.indexOf(m[3]!.toLowerCase()) + 1;
      const y = m[4] ? +m[4] : pub ? pub.getUTCFullYear() - (mo > pub.getUTCMonth() + 1 ? 1 : 0) : null;
      if (y == null) return { value: null, precision: 'week', background: false };
      return { value: `${ym(y, mo)}-${pad(+m[1]!)}/${ym(y, mo)}-${pad(+m[2]!)}`, precision: 'week', background: false };
    },
  },
  {
    // "the first half of September", "the second half of May".
    name: 'time.half-month',
    re: new RegExp(`\\bthe\\s+(first|second)\\s+half\\s+of\\s+${MON}(?:\\s+(\\d{4}))?\\b`, 'gi'),
    relative: true,
    resolve: (m, pub) => {
      const mo = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
      const y = m[3] ? +m[3] : pub ? pub.getUTCFullYear() - (mo > pub.getUTCMonth() + 1 ? 1 : 0) : null;
      if (y == null) return { value: null, precision: 'week', background: false };
      const first = m[1]!.toLowerCase() === 'first';
      const last = addDays(new Date(Date.UTC(y, mo, 1)), -1).getUTCDate();
      return { value: range(new Date(Date.UTC(y, mo - 1, first ? 1 : 16)), new Date(Date.UTC(y, mo - 1, first ? 15 : last))), precision: 'week', background: false };
    },
  },
  {
    // "between Monday and Wednesday", "from Friday to Sunday": a few days → ACLED precision 2.
    name: 'time.weekday-range',
    re: new RegExp(`\\b(?:between\\s+${WD}\\s+and|from\\s+${WD}\\s+(?:to|until|through))\\s+${WD}\\b`, 'gi'),
    relative: true,
    resolve: (m, pub) => {
      if (!pub) return { value: null, precision: 'week', background: false };
      const a = WEEKDAYS.indexOf((m[1] ?? m[2])!.toLowerCase());
      const b = WEEKDAYS.indexOf(m[3]!.toLowerCase());
      const end = weekdayNear(pub, b, false);
      const start = addDays(end, -((b - a + 7) % 7));
      return { value: range(start, end), precision: 'week', background: false };
    },
  },
  {
    // "the day before yesterday" → two days before publication.
    name: 'time.day-before-yesterday',
    re: /\bthe\s+day\s+before\s+yesterday\b/gi,
    relative: true,
    resolve: (_m, pub) => dayHit(pub && addDays(pub, -2)),
  },
  {
    // "the day before Wednesday": when Wednesday is itself the day before publication the phrase is an
    // apposition ("the day before, Wednesday") in translated copy; otherwise it is literally the day before.
    name: 'time.day-before-weekday',
    re: new RegExp(`\\bthe\\s+day\\s+(before|after)\\s+${WD}\\b`, 'gi'),
    relative: true,
    resolve: (m, pub) => {
      if (!pub) return dayHit(null);
      const wd = WEEKDAYS.indexOf(m[2]!.toLowerCase());
      const named = weekdayNear(pub, wd, false);
      const before = m[1]!.toLowerCase() === 'before';
      if (before && iso(named) === iso(addDays(pub, -1))) return dayHit(named);
      return dayHit(addDays(named, before ? -1 : 1));
    },
  },
  {
    // "over the past 24 hours", "over the past day": the publication day and the day before.
    name: 'time.past-day',
    re: /\b(?:(?:over|in|during)\s+)?the\s+(?:past|last)\s+(?:24\s+hours|day)\b/gi,
    relative: true,
    resolve: (_m, pub) => ({ value: pub ? range(addDays(pub, -1), pub) : null, precision: 'day', background: false }),
  },
  {
    // "in the past week", "over the past two weeks": the days before publication.
    name: 'time.past-weeks',
    re: /\b(?:(?:over|in|during)\s+)?the\s+(?:past|last)\s+(?:(two|three|2|3)\s+)?weeks?\b/gi,
    relative: true,
    resolve: (m, pub) => {
      const n = m[1] ? (NUMBER_WORDS[m[1].toLowerCase()] ?? +m[1]) : 1;
      return { value: pub ? range(addDays(pub, -7 * n), addDays(pub, -1)) : null, precision: 'week', background: false };
    },
  },
  {
    // "over the weekend": the most recent Saturday and Sunday.
    name: 'time.weekend',
    re: /\b(?:over|during|at)\s+the\s+weekend\b/gi,
    relative: true,
    resolve: (_m, pub) => {
      if (!pub) return { value: null, precision: 'week', background: false };
      const sat = weekdayNear(addDays(pub, -1), 6, false);
      return { value: range(sat, addDays(sat, 1)), precision: 'week', background: false };
    },
  },
  {
    // "last week", "this week", "earlier this week": Monday–Sunday weeks ("this week" ends at publication).
    name: 'time.week',
    re: /\b(?:(since)\s+)?(?:(earlier)\s+)?(last|this|previous)\s+week\b/gi,
    relative: true,
    resolve: (m, pub) => {
      if (!pub) return { value: null, precision: 'week', background: false };
      const mon = mondayOf(pub);
      if (m[3]!.toLowerCase() === 'this') return { value: range(mon, pub), precision: 'week', background: false };
      return { value: range(addDays(mon, -7), addDays(mon, -1)), precision: 'week', background: false };
    },
  },
  {
    // "this month", "earlier this month" (background: an earlier, separate incident), "since last month".
    name: 'time.month-relative',
    re: /\b(?:(since|in)\s+)?(?:(earlier|later)\s+)?(this|last|past|previous)\s+month\b/gi,
    relative: true,
    resolve: (m, pub) => {
      if (!pub) return { value: null, precision: 'month', background: false };
      const back = m[3]!.toLowerCase() !== 'this' ? 1 : 0;
      const d = new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() - back, 1));
      return { value: ym(d.getUTCFullYear(), d.getUTCMonth() + 1), precision: 'month', background: m[2]?.toLowerCase() === 'earlier' || (back === 1 && !m[1]) };
    },
  },
  {
    // "this year", "so far this year", "earlier this year", "last year": cumulative or past context.
    name: 'time.year-relative',
    re: /\b(?:(since|in)\s+)?(?:(earlier|later)\s+)?(this|last|past|previous)\s+year\b/gi,
    relative: true,
    resolve: (m, pub) => (pub ? { value: String(pub.getUTCFullYear() - (m[3]!.toLowerCase() === 'this' ? 0 : 1)), precision: 'year', background: true } : { value: null, precision: 'year', background: true }),
  },
  {
    // "yesterday", "last night", "overnight": the day before publication (wire copy filed in the morning).
    name: 'time.yesterday',
    re: /\b(?:(?:since|on)\s+)?(yesterday(?:\s+(?:morning|afternoon|evening))?|last\s+night|overnight)\b/gi,
    relative: true,
    resolve: (_m, pub) => dayHit(pub && addDays(pub, -1)),
  },
  {
    // "today", "this morning", "earlier today", "tonight": the publication day.
    name: 'time.today',
    re: /\b(?:earlier\s+)?(today|this\s+(?:morning|afternoon|evening)|tonight)\b/gi,
    relative: true,
    resolve: (_m, pub) => dayHit(pub),
  },
  {
    // "since late October", "since July", "in April", "in early March 2020", "March 2020": a month.
    name: 'time.month',
    re: new RegExp(`\\b(?:([Ss]ince|[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil)\\s+)?(?:(early|mid|late|mid-)\\s*)?${MON}(?:,?\\s+(\\d{4}))?\\b(?!\\s*\\d)`, 'g'),
    relative: false,
    resolve: (m, pub) => {
      const mo = MONTHS.indexOf(m[3]!.toLowerCase()) + 1;
      // A bare capitalised "May" is usually the verb or a name; require a preposition or a year.
      if (!m[1] && !m[4] && !m[2]) return null;
      // "by mid-December", "until March": a deadline looks forward from publication.
      const forward = /^(by|until)$/i.test(m[1] ?? '');
      const y = m[4] ? +m[4] : pub ? pub.getUTCFullYear() + (forward ? (mo < pub.getUTCMonth() + 1 ? 1 : 0) : -(mo > pub.getUTCMonth() + 1 ? 1 : 0)) : null;
      if (y == null) return { value: null, precision: 'month', background: false };
      // "since July" in a September story is the running campaign; "in April" in a June story is history.
      const gap = pub ? monthsBefore(pub, y, mo) : 99;
      const background = m[1]?.toLowerCase() === 'since' ? gap > 2 : gap >= 2;
      return { value: ym(y, mo), precision: 'month', background };
    },
  },
  {
    // "since 2011", "in 2020", "2021": a year; history when before the publication year.
    name: 'time.year',
    re: /\b(?:(since|in|during|by|until|from)\s+)?((?:19[4-9]|20[0-4])\d)\b(?![-–/]\d|\s*(?:km|kilomet|people|civilians|%))/gi,
    relative: false,
    resolve: (m, pub) => ({ value: m[2]!, precision: 'year', background: !pub || +m[2]! < pub.getUTCFullYear() || m[1]?.toLowerCase() === 'since' }),
  },
  {
    // "on Thursday", "Sunday", "since Wednesday night", "last Monday": the most recent such day on or
    // before publication, or the next one in future-tense sentences ("will meet on Friday").
    name: 'time.weekday',
    re: new RegExp(`\\b(?:(on|since|by|last|next|this)\\s+)?${WD}${PART}\\b`, 'gi'),
    relative: true,
    resolve: (m, pub, sentence) => {
      if (!pub) return dayHit(null);
      const wd = WEEKDAYS.indexOf(m[2]!.toLowerCase());
      const pre = m[1]?.toLowerCase();
      const future = pre === 'next' || (pre !== 'last' && pre !== 'since' && FUTURE.test(sentence));
      let d = weekdayNear(pub, wd, future);
      if (pre === 'last' && iso(d) === iso(pub)) d = addDays(d, -7);
      return dayHit(d);
    },
  },
];

/**
 * Absolute dates that chrono-node reads well ("on 5 September", "March 13, 2023", "Oct. 27"). A date
 * without a year that chrono puts after publication is last year's ("on Oct. 27" in a January story).
 */
function chronoHits(sentence: string, pub: Day | null): TimeHit[] {
  const ref = pub ?? new Date(Date.UTC(2000, 0, 1));
  const out: TimeHit[] = [];
  for (const r of chrono.parse(sentence, { instant: ref, timezone: 0 }, { forwardDate: false })) {
    const s = r.start;
    if (!(s.isCertain('day') && s.isCertain('month'))) continue;
    // chrono also reads "last week" or "in the past week" as one day; only named-month dates are taken here.
    if (!MONTH_NAME.test(r.text)) continue;
    let y = s.get('year')!;
    const hasYear = s.isCertain('year');
    if (!hasYear && !pub) {
      out.push({ start: r.index, end: r.index + r.text.trimEnd().length, value: null, precision: 'day', background: false, relative: true, rule: 'time.chrono' });
      continue;
    }
    const mo = s.get('month')!;
    const da = s.get('day')!;
    if (!hasYear && pub && Date.UTC(y, mo - 1, da) > pub.getTime() && !FUTURE.test(sentence)) y -= 1;
    const d = new Date(Date.UTC(y, mo - 1, da));
    // A specific day more than a month before publication is an earlier incident ("on Oct. 27" in January).
    const background = pub ? pub.getTime() - d.getTime() > 31 * 86400000 : false;
    let start = r.index;
    let text = r.text.trimEnd();
    // Keep a leading "on"/"since" in the span, as the gold does ("on 5 September", "Since 5 January").
    const pre = /\b(on|since)\s+$/i.exec(sentence.slice(Math.max(0, start - 7), start));
    if (pre && !/^(on|since)\b/i.test(text)) {
      start -= pre[0].length;
      text = sentence.slice(start, r.index + text.length);
    }
    out.push({ start, end: start + text.length, value: iso(d), precision: 'day', background, relative: !hasYear, rule: 'time.chrono' });
  }
  return out;
}

/** Every date expression in one sentence, resolved against the publication day; offsets are sentence-relative. */
export function findTimes(sentence: string, pub: Day | null): TimeHit[] {
  const hits: TimeHit[] = [];
  const taken = (a: number, b: number) => hits.some((h) => h.start < b && a < h.end);
  // chrono first for full day dates, so "March 13, 2023" is one day rather than a month and a year, except
  // for the day pairs chrono halves ("on 16 and 17 November").
  const ordered = [...RULES.filter((r) => r.name === 'time.day-pair'), null, ...RULES.filter((r) => r.name !== 'time.day-pair')];
  for (const rule of ordered) {
    if (!rule) {
      for (const h of chronoHits(sentence, pub)) if (!taken(h.start, h.end)) hits.push(h);
      continue;
    }
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(sentence); m; m = rule.re.exec(sentence)) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (taken(start, end)) continue;
      const r = rule.resolve(m, pub, sentence);
      if (!r) continue;
      hits.push({ start, end, ...r, relative: rule.relative, rule: rule.name });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
