import assert from 'node:assert/strict';
import { allSpans } from '../helpers/spans.ts';

// A combining mark ("e\u0301") belongs to the letter before it; a span edge between them cuts a character.
const COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;
const canon = (s: string) => s.normalize('NFC').replace(/\r\n?/g, '\n');

/**
 * Check every span of one output document against `text` (the input text as given): inside the text, not
 * splitting a surrogate pair or a letter from its accent, sentences/paragraphs/removed spans trimmed and
 * non-empty, and mention surfaces equal to their slice (up to the recorded normalisation).
 */
export function checkSpans(doc: Record<string, any>, text: string, label: string): void {
  for (const s of allSpans(doc)) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length, `${label}: span ${s.start}-${s.end} outside text of ${text.length}`);
    for (const edge of [s.start, s.end]) {
      if (edge > 0 && edge < text.length) {
        assert.ok(!(/[\ud800-\udbff]/.test(text[edge - 1]!) && /[\udc00-\udfff]/.test(text[edge]!)), `${label}: span edge ${edge} splits a surrogate pair`);
        assert.ok(!COMBINING.test(text[edge]!), `${label}: span edge ${edge} separates a letter from its combining mark`);
      }
    }
  }
  for (const layer of ['sentences', 'paragraphs', 'removed'] as const) {
    for (const a of doc[layer] as { span: { start: number; end: number } }[]) {
      const t = text.slice(a.span.start, a.span.end);
      assert.ok(t.length > 0, `${label}: empty ${layer} span`);
      assert.equal(t, t.trim(), `${label}: ${layer} span "${t}" has surrounding whitespace`);
    }
  }
  for (const m of doc.mentions as { span: { start: number; end: number }; text: string }[]) {
    assert.equal(canon(text.slice(m.span.start, m.span.end)), canon(m.text), `${label}: mention surface`);
  }
}
