import type { ClaimKind, Doc, Mention, Stage, VictimCategory } from '../core/index.ts';
import { liveSentences, withLayer } from '../core/index.ts';
import { loadSources } from '../resolve/sources.ts';
import { resolvePhrase } from './attribution.ts';

// The denial verb and what it denies, in the two shapes wire copy uses:
//   "Russia's defence ministry denied that any civilians were killed"  (a clause: victims + predicate)
//   "the army rejected reports of civilian casualties"                  (a noun: casualties, deaths)
// "said no civilians were harmed" is a denial worded as a statement.
const VERB = String.raw`(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted|refutes|said|says|insisted|insists)`;
const VICTIMS = String.raw`(civilians?|children|women|people|residents|non-combatants|soldiers|troops|fighters)`;
const CLAUSE = new RegExp(
  String.raw`\b${VERB}\s+(?:that\s+)?(?:(?:any|the|its|no)\s+)?(?:(civilian)\s+)?${VICTIMS}\s+(?:had\s+been|have\s+been|were|was|had|have)\s+(?:been\s+)?(killed|died|dead|hurt|injured|wounded|harmed|detained|abducted)`,
  'gi',
);
const NOUN = new RegExp(
  String.raw`\b${VERB}\s+(?:(?:the|any)\s+)?(?:reports?|claims?|accounts?|allegations?)\s+(?:of|that)\s+(?:any\s+)?(civilian\s+|child\s+)?(casualties|deaths|fatalities|victims|injuries)`,
  'gi',
);
const NEGATED_SAID = /\b(?:said|says|insisted|insists)\s+(?:that\s+)?no\s/i;

function category(word: string, adjective: string | undefined): VictimCategory {
  if (adjective) return /child/i.test(adjective) ? 'children' : 'civilians';
  const w = word.toLowerCase();
  if (w.startsWith('civilian') || w === 'non-combatants' || w === 'residents') return 'civilians';
  if (w === 'children') return 'children';
  if (w === 'women') return 'women';
  if (w === 'soldiers' || w === 'troops') return 'soldiers';
  if (w === 'fighters') return 'fighters';
  return 'total';
}

function kindsOf(predicate: string): ClaimKind[] {
  const p = predicate.toLowerCase();
  if (/killed|died|dead|deaths|fatalities|victims/.test(p)) return ['killed'];
  if (/hurt|injured|wounded|harmed|injuries/.test(p)) return ['injured'];
  if (/detained|abducted/.test(p)) return ['detained'];
  // "casualties" covers the dead and the wounded.
  return ['killed', 'injured'];
}

/**
 * The subject of the denial verb: the words between the last clause break before the verb and the verb
 * ("Russia's defence ministry" in "…, Russia's defence ministry denied that …"), without a leading "But".
 */
function subjectBefore(text: string, sentStart: number, verbStart: number): { start: number; end: number } | null {
  const head = text.slice(sentStart, verbStart);
  const cut = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'), head.lastIndexOf('—'), head.lastIndexOf(' - '));
  let start = sentStart + (cut >= 0 ? cut + 1 : 0);
  let end = verbStart;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  const lead = /^(?:But|However|Yet|And|Meanwhile)\s+/i.exec(text.slice(start, end));
  if (lead) start += lead[0].length;
  // A bare pronoun ("it denied") names nobody; a long stretch is a clause, not a subject.
  const s = text.slice(start, end);
  if (!s || /^(?:it|he|she|they|we)$/i.test(s) || s.split(/\s+/).length > 8) return null;
  return { start, end };
}

/** Find casualty denials in a document as trigger mentions (rule `denial`) naming the denying source. */
export function findDenials(doc: Doc): Mention[] {
  const index = loadSources();
  const ctx = { index, country: index.countryOf(doc.text) };
  const out: Mention[] = [];
  for (const sent of liveSentences(doc)) {
    const text = doc.text.slice(sent.span.start, sent.span.end);
    const hits: { at: number; end: number; victims: string; adjective?: string; predicate: string }[] = [];
    for (const m of text.matchAll(CLAUSE)) {
      // "said that civilians were killed" is a report, not a denial: "said" counts only with "no".
      if (/^(?:said|says|insisted|insists)/i.test(m[0]) && !NEGATED_SAID.test(m[0])) continue;
      hits.push({ at: m.index, end: m.index + m[0].length, victims: m[2]!, adjective: m[1], predicate: m[3]! });
    }
    for (const m of text.matchAll(NOUN)) {
      if (/^(?:said|says|insisted|insists)/i.test(m[0])) continue;
      hits.push({ at: m.index, end: m.index + m[0].length, victims: m[1] ? m[1].trim() : 'people', adjective: m[1]?.trim(), predicate: m[2]! });
    }
    for (const h of hits) {
      const subj = subjectBefore(doc.text, sent.span.start, sent.span.start + h.at);
      if (!subj) continue;
      const src = resolvePhrase(doc.text.slice(subj.start, subj.end), doc, ctx);
      const span = { start: subj.start, end: sent.span.start + h.end };
      for (const kind of kindsOf(h.predicate)) {
        out.push({
          span,
          type: 'trigger',
          text: doc.text.slice(span.start, span.end),
          rule: 'denial',
          sentence: sent.index,
          value: src.name,
          data: { kind, category: category(h.victims, h.adjective), source_kind: src.kind },
        });
      }
    }
  }
  return out;
}

/** Stage: casualty denials become mentions that merging turns into contradictions (they are never claims). */
export const denialStage: Stage = {
  name: 'denials',
  requires: ['sentences', 'removed', 'mentions', 'claims'],
  assigns: ['mentions'],
  run: (doc) => {
    const found = findDenials(doc);
    return found.length ? withLayer(doc, 'mentions', [...doc.mentions, ...found]) : doc;
  },
};
