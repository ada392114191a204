import type { Doc } from './document.ts';
import type { Span } from './span.ts';

/** Version of the `sitrep extract` output contract (docs/schema.md, docs/extract.schema.json). */
export const SCHEMA_VERSION = '1.0.0';

function isSpan(v: unknown): v is Span {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o.start === 'number' && typeof o.end === 'number' && Object.keys(o).length === 2;
}

/** Deep-copy a value, mapping every `{start, end}` span through `f`. */
function mapSpans(v: unknown, f: (s: Span) => Span): unknown {
  if (Array.isArray(v)) return v.map((x) => mapSpans(x, f));
  if (isSpan(v)) return f(v);
  if (v && typeof v === 'object' && !(v instanceof Int32Array)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = mapSpans(x, f);
    return out;
  }
  return v;
}

/**
 * The public output document. Every span indexes the input text exactly as given (`text` here, the `text`
 * field of a JSON Lines input), so canonical offsets are mapped back through the normalisation map.
 */
export function toOutput(doc: Doc, opts: { includeText?: boolean } = {}): Record<string, unknown> {
  const map = doc.toRaw;
  const f = (s: Span): Span => (map ? { start: map[s.start]!, end: s.end > s.start ? map[s.end]! : map[s.start]! } : s);
  const body = {
    sentences: doc.sentences,
    paragraphs: doc.paragraphs,
    removed: doc.removed,
    mentions: doc.mentions,
    claims: doc.claims,
    places: doc.places,
    times: doc.times,
    events: doc.events,
    diagnostics: doc.diagnostics,
  };
  return {
    id: doc.external_id ?? doc.id,
    schema_version: SCHEMA_VERSION,
    article: { content_id: doc.id, ...doc.meta, normalisation: doc.normalisation },
    ...(opts.includeText ? { text: doc.raw_text } : {}),
    ...(mapSpans(body, f) as object),
  };
}
