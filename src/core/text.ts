import type { Normalisation } from './document.ts';
import type { Span } from './span.ts';

/** Canonical text plus the map from its offsets back to the text as given. */
export interface NormalisedText {
  readonly text: string;
  readonly normalisation: Normalisation;
  /** `toRaw[i]` is the raw offset of canonical offset `i` (length text.length + 1); null when identical. */
  readonly toRaw: Int32Array | null;
}

/**
 * Fold CRLF and lone CR to LF and compose to NFC, recording the offset map so that every span can be
 * reported against the input exactly as given ("Cafe\u0301" → "Café" shifts later offsets by one).
 */
export function normaliseText(raw: string): NormalisedText {
  const hasCr = raw.includes('\r');
  const needsNfc = raw.normalize('NFC') !== raw;
  if (!hasCr && !needsNfc) return { text: raw, normalisation: { nfc: false, line_endings: false }, toRaw: null };
  const out: string[] = [];
  const map: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i]!;
    if (ch === '\r') {
      out.push('\n');
      map.push(i);
      i += raw[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    // A cluster: one code point and the combining marks after it, composed together.
    const m = /^[\s\S][\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*/u.exec(raw.slice(i, i + 16));
    let cluster = m ? m[0] : ch;
    const cp = raw.codePointAt(i)!;
    if (cp > 0xffff && cluster.length < 2) cluster = raw.slice(i, i + 2);
    const composed = needsNfc ? cluster.normalize('NFC') : cluster;
    for (let k = 0; k < composed.length; k++) {
      out.push(composed[k]!);
      map.push(i);
    }
    i += cluster.length;
  }
  map.push(raw.length);
  return { text: out.join(''), normalisation: { nfc: needsNfc, line_endings: hasCr }, toRaw: Int32Array.from(map) };
}

/** Map a canonical span back to the raw input's offsets. */
export function spanToRaw(n: { toRaw: Int32Array | null }, s: Span): Span {
  if (!n.toRaw) return s;
  const start = n.toRaw[s.start]!;
  // The end maps to the raw start of the next canonical unit, which covers any folded "\r\n" or marks.
  const end = s.end > s.start ? n.toRaw[s.end]! : start;
  return { start, end };
}
