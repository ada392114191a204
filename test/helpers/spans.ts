import assert from 'node:assert/strict';
import type { Span } from '../../src/core/index.ts';

/** Assert that every `{start, end}` in `value` slices `text` to the `text` field carried next to it, if any. */
export function assertSpan(text: string, span: Span, expected: string): void {
  assert.equal(text.slice(span.start, span.end), expected, `span ${span.start}-${span.end}`);
}

/** Collect every span in a nested value (objects with exactly numeric start and end). */
export function allSpans(v: unknown, out: Span[] = []): Span[] {
  if (Array.isArray(v)) v.forEach((x) => allSpans(x, out));
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') out.push(o as unknown as Span);
    else Object.values(o).forEach((x) => allSpans(x, out));
  }
  return out;
}
