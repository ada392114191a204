import type { Doc, Paragraph, Sentence, Stage } from '../core/index.ts';
import { trimSpan } from '../core/index.ts';

// Tokens that end with a full stop without ending the sentence ("Gen. Ali", "the U.S. envoy", "No. 5").
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen lt col maj sgt capt cpt cmdr adm brig rep sen gov pres st mt ft no nos vs etc inc ltd co corp ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec approx est dept univ e.g i.e a.m p.m u.s u.k u.n u.s.a rev jr sr ' +
    'km sq op art vol fig al'
  ).split(' '),
);

const CLOSERS = '"\'”’)]»';
const OPENERS = '"\'“‘([«';

/** True when the full stop at `dot` belongs to an abbreviation or an initial rather than ending a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let k = dot - 1;
  while (k >= 0 && /[\p{L}.'’]/u.test(text[k]!)) k--;
  const word = text.slice(k + 1, dot).toLowerCase().replace(/^[.'’]+/, '');
  if (!word) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // Single capital initials ("A. Smith", "U.S."): one letter, or dotted letters.
  if (/^\p{L}$/u.test(word) && /\p{Lu}/u.test(text[dot - 1]!)) return true;
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true;
  return false;
}

/** Find sentence boundaries inside one paragraph span; returns end offsets (exclusive). */
function boundaries(text: string, start: number, end: number): number[] {
  const ends: number[] = [];
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (c !== '.' && c !== '!' && c !== '?') continue;
    // Ellipses and decimals: "3.5", "...".
    if (c === '.' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
    let j = i + 1;
    while (j < end && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < end && CLOSERS.includes(text[j]!)) j++;
    // A stray comma or dash after the closer ("jihadists—,") means the sentence goes on.
    if (j >= end) {
      ends.push(j);
      break;
    }
    if (!/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < end && /\s/.test(text[k]!)) k++;
    if (k >= end) {
      ends.push(j);
      break;
    }
    const next = text[k]!;
    const startsSentence = /[\p{Lu}\d]/u.test(next) || OPENERS.includes(next);
    if (!startsSentence) continue;
    if (c === '.' && isAbbreviation(text, i)) {
      // "U.S." at the end of a sentence is followed by a capital too; only a following lowercase-free clause
      // start such as "The"/"It" after an initialism is taken as a boundary.
      const word = /^(The|It|He|She|They|We|In|On|At|But|A|An)\b/.test(text.slice(k, k + 5));
      if (!(word && /\p{Lu}\.$/u.test(text.slice(i - 2, i + 1)))) continue;
    }
    ends.push(j);
    i = j - 1;
  }
  if (ends[ends.length - 1] !== end) ends.push(end);
  return ends;
}

/** Paragraphs are line-separated blocks; sentences split inside them, so headlines without stops stand alone. */
export function splitText(text: string): { paragraphs: Paragraph[]; sentences: Sentence[] } {
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const p = trimSpan(text, { start: m.index, end: m.index + m[0].length });
    if (p.end <= p.start) continue;
    const pIndex = paragraphs.length;
    paragraphs.push({ span: p, index: pIndex });
    let s = p.start;
    for (const e of boundaries(text, p.start, p.end)) {
      const sp = trimSpan(text, { start: s, end: e });
      if (sp.end > sp.start) sentences.push({ span: sp, index: sentences.length, paragraph: pIndex });
      s = e;
    }
  }
  return { paragraphs, sentences };
}

/** Stage: paragraphs and sentences. */
export const sentenceStage: Stage = {
  name: 'sentences',
  requires: [],
  assigns: ['paragraphs', 'sentences'],
  run(doc: Doc): Doc {
    const { paragraphs, sentences } = splitText(doc.text);
    return { ...doc, paragraphs, sentences };
  },
};
