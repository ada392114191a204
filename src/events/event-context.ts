import type { Doc, Place, Span, TimeExpr } from '../core/index.ts';
import { liveSentences } from '../core/index.ts';

// A dateline opens the first sentence and ends at a dash: "AMMAN, Oct 16 (Reuters) -", "KYIV —",
// "GOMA (AFP) —", "Bunia, 12 February 2025 –", "November 7, 2023 (EL GENEINA) –".
const DATELINE_END = /\s[—–-]\s|\s?—\s?/;

/**
 * The span of the article's dateline (where the reporter files from, and the filing date), or null.
 * Every word before the dash must be capitalised or a number, so "Fighting — which began" is no dateline.
 */
export function datelineSpan(doc: Doc): Span | null {
  const first = liveSentences(doc)[0];
  if (!first) return null;
  const head = doc.text.slice(first.span.start, Math.min(first.span.end, first.span.start + 90));
  const m = DATELINE_END.exec(head);
  if (!m || m.index === 0) return null;
  const prefix = head.slice(0, m.index);
  const words = prefix.match(/[\p{L}\d][\p{L}\d'.’-]*/gu) ?? [];
  if (!words.length || words.length > 9) return null;
  if (!words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:de|al|el|du|la|and|of|the)$/i.test(w))) return null;
  return { start: first.span.start, end: first.span.start + m.index + m[0].length };
}

// "Moscow said", "Kyiv accused", "Damascus denied": a capital speaking for its government is no location.
const SPEAKS = /^['’]?s?\s*(?:said|says|say|announced|accused|denied|warned|claimed|confirmed|responded|condemned|insisted|rejected|blamed|called|demanded|urged)\b/i;

/** True when a place is named only as a speaker (a metonymy for its government), never where something happened. */
export function isMetonymy(doc: Doc, p: Place): boolean {
  return SPEAKS.test(doc.text.slice(p.span.end, p.span.end + 24));
}

// A date after a reporting verb dates the statement, not the event: "said on Tuesday", "told AFP on Sunday",
// "in a statement Wednesday", "in a report Tuesday", "said in a statement yesterday".
const REPORTING_BEFORE = /\b(?:said|says|told\s+(?:\p{Lu}[\p{L}.]*\s*){1,4}|announced|reported|added|stated|confirmed|claimed|posted|statement|report|update|briefing|communiqu[eé]|(?:said\s+)?in\s+a\s+(?:statement|report|post|video))\s*(?:issued\s+|released\s+|published\s+)?(?:late\s+|early\s+)?(?:on\s+)?$/iu;
// "… the military said Monday": the date follows the speaker at the end of a clause.
const REPORTING_AFTER_VERB = /^\s*(?:,|\.|that\b|$)/;

/** True when a time expression dates a statement ("said on Tuesday that …") rather than the event itself. */
export function isReportingTime(doc: Doc, t: TimeExpr): boolean {
  const before = doc.text.slice(Math.max(0, t.span.start - 60), t.span.start);
  if (!REPORTING_BEFORE.test(before)) return false;
  // "said 22 civilians had been killed on Monday" never reaches here: the verb must be right before the date.
  return REPORTING_AFTER_VERB.test(doc.text.slice(t.span.end, t.span.end + 8)) || /\b(?:said|says|told|announced|reported|added)\b/i.test(before.slice(-30));
}
