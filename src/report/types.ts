import type { ClaimKind, VictimCategory } from '../core/index.ts';
import type { Range } from './format-range.ts';

/** What a report covers: a country (ISO alpha-2 or name, resolved), an optional province, inclusive dates. */
export interface ReportQuery {
  readonly country: string;
  readonly iso2: string;
  /** ISO 3166-1 numeric, as the store's `iso` column. */
  readonly numeric: string;
  readonly admin1: string | null;
  readonly from: string;
  readonly to: string;
}

/** One citation: a stored claim (figures) or a stored article (statements), with who said it where and when. */
export interface Footnote {
  readonly n: number;
  readonly outlet: string | null;
  /** The innermost cited source; null when the outlet gives the figure itself. */
  readonly source: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly title: string | null;
  readonly article_id: number;
  /** The stored claim row id when the note backs a figure. */
  readonly claim_id: number | null;
  /** The words of the article the note points to (the claim or denial span). */
  readonly quote: string | null;
}

/** A sentence of the report with its footnote numbers; `text` carries the `[n]` markers inline. */
export interface Line {
  readonly text: string;
  readonly notes: readonly number[];
}

/** A key figure: one kind and victim category summed over the period's incidents. */
export interface KeyFigure extends Line {
  readonly kind: ClaimKind;
  readonly category: VictimCategory;
  readonly range: Range;
  /** The written range ("at least 19", "17–19"). */
  readonly value: string;
}

/** One incident of the period as the report lists it. */
export interface ReportEvent extends Line {
  readonly id: string;
  readonly date: string | null;
  readonly event_type: string;
  readonly sub_event_type: string;
  readonly admin1: string | null;
  readonly location: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly actor1: string | null;
  readonly actor2: string | null;
  readonly killed: Range;
  readonly reports: number;
  readonly independent_sources: readonly string[];
  /** The extractor's notes of the representative report, cited to its article. */
  readonly notes_text: string;
  readonly stored_events: readonly string[];
}

/** Counts and killed floor of a period, for the comparison. */
export interface PeriodTotals {
  readonly from: string;
  readonly to: string;
  readonly events: number;
  readonly by_type: Readonly<Record<string, number>>;
  readonly killed: Range;
  readonly killed_notes: readonly number[];
}

/** A day of the timeline chart. */
export interface TimelineDay {
  readonly day: string;
  readonly events: number;
  readonly killed_low: number;
  readonly previous: boolean;
}

/** The whole drafted report; Markdown and HTML are renderings of this. */
export interface SituationReport {
  readonly query: ReportQuery;
  readonly title: string;
  readonly generated_from: string;
  readonly empty: boolean;
  readonly headline: readonly Line[];
  readonly key_figures: readonly KeyFigure[];
  readonly events: readonly ReportEvent[];
  readonly territory: readonly Line[];
  readonly contradictions: readonly Line[];
  readonly comparison: { readonly current: PeriodTotals; readonly previous: PeriodTotals; readonly lines: readonly Line[] };
  readonly coverage: {
    readonly reports: number;
    readonly story_groups: number;
    readonly independent_sources: readonly string[];
    readonly admin1_without_events: readonly string[];
    readonly lines: readonly Line[];
  };
  readonly timeline: readonly TimelineDay[];
  readonly footnotes: readonly Footnote[];
}
