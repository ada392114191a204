/** Pure helpers for a merged event's figures and contradictions, as the event detail shows them. */
import type { Contradiction, SourceFigure } from './api.ts';

/** A figure as one short string: "19", "at least 7" (low only), "12–19" (a range). */
export function figureText(f: { low: number | null; best: number | null; high: number | null }): string {
  if (f.best != null && (f.low == null || f.low === f.best) && (f.high == null || f.high === f.best)) return String(f.best);
  if (f.low != null && f.high != null && f.high !== f.low) return `${f.low}–${f.high}`;
  if (f.low != null && f.best == null && f.high == null) return `at least ${f.low}`;
  if (f.best != null) return String(f.best);
  if (f.high != null) return `up to ${f.high}`;
  return f.low != null ? String(f.low) : '—';
}

/**
 * A source's figure history, oldest first, ending with its current figure; a figure repeated by the next report
 * (three outlets rewriting one agency's "seven killed") is one step, so a rising toll reads 7 → 19.
 */
export function figureHistory(f: SourceFigure): string[] {
  const out: string[] = [];
  for (const x of [...f.updates, f]) {
    const t = figureText(x);
    if (out[out.length - 1] !== t) out.push(t);
  }
  return out;
}

/**
 * Contradictions as the reader needs them: the store records one per pair of reports, so the same denial quoted
 * by three outlets appears three times; the detail shows each pair of statements once, with how many reports carry it.
 */
export function distinctContradictions(list: readonly Contradiction[]): (Contradiction & { times: number })[] {
  const seen = new Map<string, Contradiction & { times: number }>();
  for (const c of list) {
    const key = JSON.stringify([c.kind, c.category, c.reason, c.a.source, c.a.text, c.b.source, c.b.text]);
    const had = seen.get(key);
    if (had) had.times++;
    else seen.set(key, { ...c, times: 1 });
  }
  return [...seen.values()];
}

/**
 * The claims the store found disputed: those whose span lies in one side of a contradiction. A toll that rose
 * from 7 to 19 in later reports is an update and stays unmarked; "the ministry denied any civilians were killed"
 * and the monitor's "19 civilians" are both marked.
 */
export function disputedClaims(claims: readonly { id: number; article_id: number; span: { start: number; end: number } }[], list: readonly Contradiction[]): Set<number> {
  const out = new Set<number>();
  const sides = list.flatMap((c) => [c.a, c.b]).filter((s) => s.span);
  for (const c of claims) {
    if (sides.some((s) => s.article_id === c.article_id && s.span!.start < c.span.end && c.span.start < s.span!.end)) out.add(c.id);
  }
  return out;
}
