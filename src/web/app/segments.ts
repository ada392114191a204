/** Cutting an article text into flat segments, each covered by a set of annotations, for highlighting. */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One annotation to show: a span, a kind (the CSS class) and a hover text. */
export interface Mark {
  readonly span: Span;
  readonly kind: string;
  readonly title: string;
}

/** A run of text and the marks covering all of it. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly marks: readonly Mark[];
}

/**
 * Split the text at every mark boundary so overlapping marks need no nesting: "45 people" inside a claim
 * inside a sentence becomes runs each carrying all the marks over it. Marks outside the text are ignored.
 */
export function segmentText(text: string, marks: readonly Mark[]): Segment[] {
  const ok = marks.filter((m) => m.span.start >= 0 && m.span.end <= text.length && m.span.start < m.span.end);
  const cuts = new Set<number>([0, text.length]);
  for (const m of ok) {
    cuts.add(m.span.start);
    cuts.add(m.span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    out.push({ start, end, text: text.slice(start, end), marks: ok.filter((m) => m.span.start <= start && end <= m.span.end) });
  }
  return out;
}
