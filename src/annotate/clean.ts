import type { Doc, Removed, Sentence, Stage } from '../core/index.ts';

/** A boilerplate pattern over one paragraph (or sentence), with the reason recorded when it matches. */
interface BoilerRule {
  readonly id: string;
  readonly reason: Removed['reason'];
  readonly re: RegExp;
}

// Whole-paragraph patterns seen in re-published wire copy. Each removes the paragraph, never rewrites it.
const PARAGRAPH_RULES: readonly BoilerRule[] = [
  // "Source :Skai", "Source: Reuters" — also sets the outlet or credit.
  { id: 'clean.source-line', reason: 'source-line', re: /^\s*(?:source|sources|via)\s*:\s*\S.{0,60}$/i },
  { id: 'clean.read-more', reason: 'prompt', re: /^\s*(?:read more|read also|see also|related|more on this|recommended|watch)\s*[:\-–—].{0,300}$/i },
  { id: 'clean.share-prompt', reason: 'prompt', re: /^\s*(?:share (?:this|on)|follow us|subscribe|sign up|click here|download our app|join our|advertisement|sponsored)\b.{0,200}$/i },
  { id: 'clean.copyright', reason: 'boilerplate', re: /^\s*(?:©|\(c\)|copyright\b).{0,200}$|all rights reserved\.?\s*$/i },
  { id: 'clean.caption', reason: 'caption', re: /^\s*(?:photo|image|picture|file photo|video|caption)s?\s*(?:credit)?\s*[:|—–-]/i },
  { id: 'clean.caption-credit', reason: 'caption', re: /(?:\/\s*(?:AFP|Reuters|AP|Getty Images|EPA|Anadolu)(?:\s+Photo)?|\((?:AFP|Reuters|AP) (?:Photo|photo)[^)]*\))\s*$/ },
  { id: 'clean.byline', reason: 'byline', re: /^\s*(?:by|written by|reporting by|editing by|additional reporting by)\s+\p{Lu}[\p{L}.'’-]+(?:\s+(?:and\s+)?\p{Lu}[\p{L}.'’-]+){0,5}\s*[;,.]?.{0,80}$/iu },
  { id: 'clean.tags', reason: 'boilerplate', re: /^\s*(?:tags|topics|keywords)\s*:/i },
];

// An author bio: first person about the writer's career ("I bring a seasoned voice … freelance writer"), or
// "Jane Doe is a journalist based in …".
const BIO_FIRST_PERSON = /\b(?:I|I'm|I am|my)\b[^\n]{0,200}\b(?:journalis[mt]|writer|editor|reporter|correspondent|blogger|stories|news)\b/i;
const BIO_THIRD_PERSON = /^\s*\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}\s+is\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}(?:journalist|writer|editor|reporter|correspondent|analyst and writer|contributor)\b/iu;

const STOP = new Set(
  'the a an of in on at to for by with from and or but that this these those is are was were be been has have had it its which who whom whose as into than then there their they he she his her we our you your not no also made make known being'.split(' '),
);

/** Content-word set of a sentence for paraphrase comparison (crude stemming folds "attack"/"attacks"). */
function contentWords(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (STOP.has(w) || w.length < 3) continue;
    out.add(w.replace(/(?:ing|ed|es|s)$/, ''));
  }
  return out;
}

/** Similarity of two word sets: Jaccard and the overlap relative to the smaller set. */
function similarity(a: Set<string>, b: Set<string>): { jaccard: number; containment: number } {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  const union = a.size + b.size - inter;
  return { jaccard: union ? inter / union : 0, containment: Math.min(a.size, b.size) ? inter / Math.min(a.size, b.size) : 0 };
}

/**
 * Later sentences that repeat an earlier one, exactly or in other words ("The ministry has announced that it is
 * dealing with a massive attack…" / "The ministry made it known that a massive attack … is being faced…").
 * Thresholds keep short, formulaic sentences ("He said.") out: both need six or more content words.
 */
export function findDuplicates(text: string, sentences: readonly Sentence[], skip: (s: Sentence) => boolean): Removed[] {
  const out: Removed[] = [];
  const dup = new Set<number>();
  const words = sentences.map((s) => contentWords(text.slice(s.span.start, s.span.end)));
  const numbers = sentences.map((s) => (text.slice(s.span.start, s.span.end).match(/\d[\d,.]*/g) ?? []).join('|'));
  for (let j = 1; j < sentences.length; j++) {
    if (skip(sentences[j]!) || words[j]!.size < 6) continue;
    for (let i = 0; i < j; i++) {
      if (skip(sentences[i]!) || words[i]!.size < 6) continue;
      if (dup.has(i)) continue;
      const { jaccard, containment } = similarity(words[i]!, words[j]!);
      // Different figures mean a different statement even with the same wording ("12 killed" vs "19 killed").
      if (numbers[i] !== numbers[j]) continue;
      if (jaccard >= 0.55 || (jaccard >= 0.4 && containment >= 0.75)) {
        dup.add(j);
        out.push({ span: sentences[j]!.span, reason: 'duplicate', rule: jaccard >= 0.95 ? 'clean.duplicate-exact' : 'clean.duplicate-paraphrase', duplicate_of: i });
        break;
      }
    }
  }
  return out;
}

/** Stage: mark boilerplate and duplicate spans as removed; a "Source: X" line sets the outlet or credit. */
export const cleanStage: Stage = {
  name: 'clean',
  requires: ['paragraphs', 'sentences'],
  assigns: ['removed'],
  run(doc: Doc): Doc {
    const removed: Removed[] = [];
    let { outlet, credit } = doc.meta;
    const n = doc.paragraphs.length;
    doc.paragraphs.forEach((p, idx) => {
      const t = doc.text.slice(p.span.start, p.span.end);
      for (const r of PARAGRAPH_RULES) {
        if (!r.re.test(t)) continue;
        removed.push({ span: p.span, reason: r.reason, rule: r.id });
        if (r.id === 'clean.source-line') {
          const name = t.replace(/^\s*(?:source|sources|via)\s*:\s*/i, '').replace(/[.\s]+$/, '').trim();
          if (!outlet) outlet = name;
          else if (name.toLowerCase() !== outlet.toLowerCase() && !credit) credit = name;
        }
        return;
      }
      // Bios sit in the last paragraphs of a page.
      if (idx >= n - 3 && (BIO_FIRST_PERSON.test(t) || BIO_THIRD_PERSON.test(t))) removed.push({ span: p.span, reason: 'bio', rule: 'clean.author-bio' });
    });
    const inRemoved = (s: Sentence) => removed.some((r) => r.span.start <= s.span.start && s.span.end <= r.span.end);
    removed.push(...findDuplicates(doc.text, doc.sentences, inRemoved));
    removed.sort((a, b) => a.span.start - b.span.start);
    return { ...doc, removed, meta: { ...doc.meta, outlet, credit } };
  },
};
