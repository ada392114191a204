/** A figure as Sitrep stores it: any of the three may be unknown (docs/numbers.md). */
export interface Range {
  readonly low: number | null;
  readonly best: number | null;
  readonly high: number | null;
}

const num = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * Write a range the one way reports write it (docs/report-style.md): "19" when the sources agree exactly,
 * "17–19" when both ends are known, "at least 19" when only a floor is, "about 20" for a best guess alone,
 * "up to 50" for a ceiling alone. Null when nothing is known.
 */
export function formatRange(r: Range): string | null {
  const { low, best, high } = r;
  if (low !== null && high !== null) return low === high ? num(low) : `${num(Math.min(low, high))}–${num(Math.max(low, high))}`;
  if (low !== null) return `at least ${num(low)}`;
  if (best !== null) return `about ${num(best)}`;
  if (high !== null) return `up to ${num(high)}`;
  return null;
}

const bestOnly = (r: Range) => r.low === null && r.high === null && r.best !== null;

/** The floor of a range for sums and comparisons: the low end, else the best guess, else the ceiling. */
export function floorOf(r: Range): number | null {
  return r.low ?? r.best ?? r.high;
}

/** The ceiling of a range: the high end, else the best guess; null when only a floor is known ("at least 19"). */
export function ceilingOf(r: Range): number | null {
  if (r.high !== null) return r.high;
  if (r.low !== null && r.best === null) return null;
  return r.best ?? r.low;
}

/**
 * Combine several sources' figures for the same victims of one incident: the lowest credible floor and the
 * highest ceiling, so "at least 17" (Civil Defence) and "19" (SOHR) read "17–19". A ceiling stays unknown
 * when every source gives only a floor.
 */
export function spanOf(figures: readonly Range[]): Range {
  // Only estimates ("about 300 families"): keep them an estimate rather than promote them to a floor.
  if (figures.length && figures.every(bestOnly)) return { low: null, best: Math.min(...figures.map((f) => f.best!)), high: null };
  const floors = figures.map(floorOf).filter((x): x is number => x !== null);
  const ceilings = figures.map(ceilingOf).filter((x): x is number => x !== null);
  if (!floors.length) return { low: null, best: null, high: ceilings.length ? Math.max(...ceilings) : null };
  const low = Math.min(...floors);
  const high = ceilings.length ? Math.max(...ceilings, low) : null;
  return { low, best: null, high };
}

/** Add ranges across incidents: floors add up; the total ceiling is known only when every part's is. */
export function sumRanges(parts: readonly Range[]): Range {
  if (!parts.length) return { low: null, best: null, high: null };
  if (parts.every(bestOnly)) return { low: null, best: parts.reduce((s, p) => s + p.best!, 0), high: null };
  const lows = parts.map(floorOf);
  const highs = parts.map(ceilingOf);
  const low = lows.every((x) => x !== null) ? lows.reduce((s, x) => s! + x!, 0) : null;
  const high = highs.every((x) => x !== null) ? highs.reduce((s, x) => s! + x!, 0) : null;
  return { low, best: null, high };
}
