import type { Diagnostic, Doc, Mention, Stage, TimeExpr } from '../core/index.ts';
import { liveSentences } from '../core/index.ts';
import { dayOf, findTimes } from './time-rules.ts';

const ACLED_PRECISION = { day: 1, week: 2, month: 3, year: null } as const;

// "on the same day" refers back to the last day-precision date in the article ("on 16 February ... on the same day").
// "a day earlier" / "the previous day" count back one day from that date ("on 16 August ... a day earlier").
const SAME_DAY = /\b(?:on\s+)?the\s+same\s+day\b|\b(?:a\s+day\s+(?:earlier|before)|(?:on\s+)?the\s+(?:previous|preceding)\s+day)\b/gi;

/** Days covered by a `start/end` range value (0 for a single date). */
function spanDays(value: string): number {
  const [a, b] = value.split('/');
  return b ? (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000 : 0;
}

/** Resolve every date expression in the live sentences against the publication date. */
export function annotateTimes(doc: Doc): Doc {
  const pubValue = (doc.meta.published ?? null) as string | null;
  const pub = pubValue ? dayOf(pubValue) : null;
  const times: TimeExpr[] = [];
  const mentions: Mention[] = [];
  const diagnostics: Diagnostic[] = [];
  let lastDay: string | null = null;
  for (const s of liveSentences(doc)) {
    const text = doc.text.slice(s.span.start, s.span.end);
    const hits = findTimes(text, pub).map((h) => ({ ...h }));
    SAME_DAY.lastIndex = 0;
    for (let m = SAME_DAY.exec(text); m; m = SAME_DAY.exec(text)) {
      const a = m.index;
      const b = a + m[0].length;
      if (hits.some((h) => h.start < b && a < h.end)) continue;
      const prev = hits.filter((h) => h.end <= a && h.precision === 'day' && h.value && h.value.length === 10).at(-1)?.value ?? lastDay;
      const back = /same/i.test(m[0]) ? 0 : 1;
      const value = prev && back ? new Date(Date.parse(`${prev}T00:00:00Z`) - 86400000).toISOString().slice(0, 10) : prev;
      hits.push({ start: a, end: b, value, precision: 'day', background: false, relative: true, rule: back ? 'time.day-earlier' : 'time.same-day' });
    }
    hits.sort((x, y) => x.start - y.start);
    for (const h of hits) {
      const span = { start: s.span.start + h.start, end: s.span.start + h.end };
      const t: TimeExpr = {
        span,
        value: h.value,
        precision: h.precision,
        // A span of a day or two ("over the past 24 hours") still counts as day precision for ACLED.
        // A season ("the spring of 2011") spans three months: too vague for ACLED, which codes nothing coarser than a month.
        time_precision: h.value == null || spanDays(h.value) > 31 ? null : ACLED_PRECISION[h.precision],
        background: h.background,
        rule: h.rule,
        sentence: s.index,
      };
      times.push(t);
      mentions.push({ span, type: 'time', text: doc.text.slice(span.start, span.end), rule: h.rule, sentence: s.index, value: h.value, data: { precision: h.precision, background: h.background } });
      if (h.value == null && h.relative) {
        diagnostics.push({ code: 'SITREP_TIME_UNRESOLVED', severity: 'warning', message: `"${t.span && doc.text.slice(span.start, span.end)}" needs a publication date`, stage: 'times', span });
      }
      if (h.precision === 'day' && h.value && h.value.length === 10 && !h.background) lastDay = h.value;
    }
  }
  return { ...doc, times, mentions: [...doc.mentions, ...mentions], diagnostics: [...doc.diagnostics, ...diagnostics] };
}

/** Stage: date expressions resolved against the publication date. */
export const timeStage: Stage = { name: 'times', requires: ['sentences', 'removed'], assigns: ['times', 'mentions'], run: (doc) => annotateTimes(doc) };
