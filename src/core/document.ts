import type { Span } from './span.ts';
import type { ErrorCode } from './errors.ts';

/** Article metadata; `published` is `YYYY-MM-DD` or an ISO datetime, or null when unknown. */
export interface ArticleMeta {
  readonly title: string | null;
  readonly outlet: string | null;
  /** The agency whose copy this is, from a dateline credit "(AFP)" or a "Source: X" line. */
  readonly credit: string | null;
  readonly url: string | null;
  readonly published: string | null;
  /** Where `published` came from: given by the input, inferred from the text, or absent. */
  readonly published_from: 'input' | 'option' | 'text' | null;
  readonly language: string | null;
  readonly encoding: string | null;
  /** File, URL or `jsonl:LINE` the article came from. */
  readonly input: string;
}

/** What ingest normalisation changed; offsets are mapped back through `offsetMap`. */
export interface Normalisation {
  readonly nfc: boolean;
  readonly line_endings: boolean;
}

/** A diagnostic is data attached to the document, never a print. */
export interface Diagnostic {
  readonly code: ErrorCode;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly stage: string;
  readonly span?: Span;
}

export interface Sentence {
  readonly span: Span;
  readonly index: number;
  readonly paragraph: number;
}

export interface Paragraph {
  readonly span: Span;
  readonly index: number;
}

/** A span that later stages skip, kept in the text with the reason it was set aside. */
export interface Removed {
  readonly span: Span;
  readonly reason: 'boilerplate' | 'duplicate' | 'caption' | 'byline' | 'source-line' | 'bio' | 'prompt';
  readonly rule: string;
  /** For duplicates: the sentence index this one repeats. */
  readonly duplicate_of?: number;
}

/** A typed span found by an annotator (quantity, actor, source, trigger, place, time …). */
export interface Mention {
  readonly span: Span;
  readonly type: 'quantity' | 'actor' | 'source' | 'place' | 'time' | 'trigger' | 'attribution';
  readonly text: string;
  readonly rule: string;
  readonly sentence: number;
  /** Resolved value where one exists (canonical actor name, source name, etc.). */
  readonly value?: string | null;
  readonly data?: Readonly<Record<string, unknown>>;
}

export type ClaimKind = 'killed' | 'injured' | 'displaced' | 'detained' | 'missing';
export type VictimCategory = 'civilians' | 'children' | 'women' | 'fighters' | 'soldiers' | 'total' | 'unknown';

export interface SourceRef {
  /** Innermost cited source, canonicalised; null when the figure is the outlet's own. */
  readonly name: string | null;
  readonly kind: string | null;
  /** From the outlet inwards. */
  readonly chain: readonly string[];
  readonly span: Span | null;
  readonly rule: string;
}

export interface Claim {
  readonly kind: ClaimKind;
  readonly low: number | null;
  readonly best: number | null;
  readonly high: number | null;
  readonly hedge: string | null;
  readonly unit: 'people' | 'households' | 'families';
  readonly victims: { readonly category: VictimCategory; readonly actor: string | null };
  readonly perpetrator: string | null;
  readonly source: SourceRef;
  readonly background: boolean;
  readonly span: Span;
  /** Later repetitions of the same figure about the same victims. */
  readonly also: readonly Span[];
  readonly sentence: number;
  readonly part_of: number | null;
  readonly share: { readonly of: number; readonly fraction: number } | null;
  readonly abducted?: boolean;
  readonly rule: string;
}

export type PlaceFeature = 'country' | 'admin1' | 'admin2' | 'city' | 'village' | 'road' | 'region' | 'other';

export interface Place {
  readonly span: Span;
  readonly name: string;
  readonly resolved_name: string | null;
  readonly geonameid: number | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly country: string | null;
  readonly admin1: string | null;
  readonly feature: PlaceFeature;
  readonly precision: 1 | 2 | 3 | null;
  readonly candidates_considered: number;
  readonly rule: string;
  readonly relative?: { readonly distance_km: number | null; readonly direction: string | null } | null;
  readonly sentence: number;
}

export interface TimeExpr {
  readonly span: Span;
  /** `YYYY-MM-DD`, `YYYY-MM-DD/YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or null when unresolved. */
  readonly value: string | null;
  readonly precision: 'day' | 'week' | 'month' | 'year';
  /** ACLED time_precision: 1 day, 2 week/few days, 3 month; null for a year. */
  readonly time_precision: 1 | 2 | 3 | null;
  readonly background: boolean;
  readonly rule: string;
  readonly sentence: number;
}

export interface SitrepEvent {
  readonly event_type: string;
  readonly sub_event_type: string;
  readonly disorder_type: string;
  readonly actor1: string | null;
  readonly assoc_actor_1: string | null;
  readonly inter1: string | null;
  readonly actor2: string | null;
  readonly assoc_actor_2: string | null;
  readonly inter2: string | null;
  readonly interaction: string | null;
  readonly civilian_targeting: string | null;
  readonly event_date: string | null;
  readonly time_precision: 1 | 2 | 3 | null;
  readonly country: string | null;
  readonly iso: string | null;
  readonly admin1: string | null;
  readonly admin2: string | null;
  readonly location: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly geo_precision: 1 | 2 | 3 | null;
  readonly fatalities: number;
  readonly fatalities_range: { readonly low: number | null; readonly best: number | null; readonly high: number | null };
  /** Indices into the document's claims. */
  readonly claims: readonly number[];
  readonly sources: readonly string[];
  readonly notes: string;
  readonly evidence: readonly { readonly field: string; readonly span: Span }[];
  readonly sentence: number;
  readonly confidence: number;
  readonly rule: string;
}

/** Every layer a stage may assign. */
export interface Layers {
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  readonly removed: readonly Removed[];
  readonly mentions: readonly Mention[];
  readonly claims: readonly Claim[];
  readonly places: readonly Place[];
  readonly times: readonly TimeExpr[];
  readonly events: readonly SitrepEvent[];
  readonly diagnostics: readonly Diagnostic[];
}

/** An article and its annotations. The text is canonical and never changes after ingest. */
export interface Doc extends Layers {
  /** Content hash of the canonical text (sha256, hex, first 32 chars). */
  readonly id: string;
  /** The caller's id (the `id` of a JSON Lines input), echoed in output. */
  readonly external_id: string | null;
  readonly text: string;
  /** The text exactly as given to Sitrep, before normalisation; spans are mapped back to it on output. */
  readonly raw_text: string;
  readonly normalisation: Normalisation;
  /** Canonical→raw offset map (null when normalisation changed nothing); never serialised. */
  readonly toRaw: Int32Array | null;
  readonly meta: ArticleMeta;
}

export type LayerName = keyof Layers;

/** A fresh document with empty layers. */
export function emptyLayers(): Layers {
  return { paragraphs: [], sentences: [], removed: [], mentions: [], claims: [], places: [], times: [], events: [], diagnostics: [] };
}

/** Return a copy of the document with one layer replaced (documents are immutable values). */
export function withLayer<K extends LayerName>(doc: Doc, name: K, value: Layers[K]): Doc {
  return { ...doc, [name]: value };
}

/** Return a copy of the document with diagnostics appended. */
export function withDiagnostics(doc: Doc, ...diags: Diagnostic[]): Doc {
  return { ...doc, diagnostics: [...doc.diagnostics, ...diags] };
}

/** The sentences that removal did not set aside (the ones extractors read). */
export function liveSentences(doc: Doc): Sentence[] {
  // A flagged non-English article has nothing for English extractors to read.
  if (doc.meta.language && doc.meta.language !== 'en') return [];
  return doc.sentences.filter((s) => !doc.removed.some((r) => r.span.start <= s.span.start && s.span.end <= r.span.end));
}

/** True when the span lies inside a removed span. */
export function isRemoved(doc: Doc, s: Span): boolean {
  return doc.removed.some((r) => r.span.start <= s.start && s.end <= r.span.end);
}

/** Index of the sentence containing an offset, or -1. */
export function sentenceAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid]!.span;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
