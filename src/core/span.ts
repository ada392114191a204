/** A half-open range of UTF-16 code units into one document's canonical text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Build a span, refusing inverted or negative ranges. */
export function span(start: number, end: number): Span {
  if (!(Number.isInteger(start) && Number.isInteger(end)) || start < 0 || end < start) {
    throw new RangeError(`invalid span ${start}-${end}`);
  }
  return { start, end };
}

/** The text a span covers. */
export function slice(text: string, s: Span): string {
  return text.slice(s.start, s.end);
}

/** True when the two spans share at least one code unit. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when `outer` fully contains `inner`. */
export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Shrink a span so it starts and ends on non-space characters. */
export function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
