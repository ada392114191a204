import type { Claim, SitrepEvent } from '../core/index.ts';

/** One article's extracted event, with what merging needs to know about its report. */
export interface Report {
  /** Stable id of this extracted event: article content id + index. */
  readonly id: string;
  readonly article_id: string;
  readonly url: string | null;
  readonly outlet: string | null;
  /** Story group from syndication: copies and rewrites of one story share it. */
  readonly story_group: string;
  readonly published: string | null;
  readonly event: SitrepEvent;
  /** The claims the event was built from (with their sources and spans). */
  readonly claims: readonly Claim[];
  /** Denials found in the article ("the ministry denied any civilians were killed"). */
  readonly denials?: readonly Denial[];
}

/** A source's denial of a kind of casualty, kept with its span for the contradiction record. */
export interface Denial {
  readonly source: string;
  readonly kind: Claim['kind'];
  readonly category: Claim['victims']['category'];
  readonly span: { readonly start: number; readonly end: number };
}

/** Analyst decisions that later merges must respect. */
export interface Decisions {
  /** Pairs of report ids that must never share an event (from a split). */
  readonly cannotLink: readonly (readonly [string, string])[];
  /** Pairs of report ids that must share an event (from a merge). */
  readonly mustLink: readonly (readonly [string, string])[];
}

/** One source's figure for an event, as reported in its latest report. */
export interface SourceFigure {
  readonly source: string;
  readonly kind: Claim['kind'];
  readonly category: Claim['victims']['category'];
  readonly low: number | null;
  readonly best: number | null;
  readonly high: number | null;
  readonly report: string;
  readonly published: string | null;
  readonly span: { readonly start: number; readonly end: number };
  /** Earlier figures from the same source that this one updates (rising tolls). */
  readonly updates: readonly { readonly low: number | null; readonly best: number | null; readonly high: number | null; readonly report: string }[];
}

/** Two sources that disagree about the same victims. */
export interface Contradiction {
  readonly kind: Claim['kind'];
  readonly category: Claim['victims']['category'];
  readonly a: { readonly source: string; readonly report: string; readonly span: { start: number; end: number }; readonly value: string };
  readonly b: { readonly source: string; readonly report: string; readonly span: { start: number; end: number }; readonly value: string };
  readonly reason: 'denial' | 'disjoint-ranges';
}

/** A merged event: one incident, many reports. */
export interface MergedEvent {
  readonly id: string;
  readonly event: SitrepEvent;
  readonly reports: readonly string[];
  readonly articles: readonly string[];
  readonly sources_independent: number;
  readonly independent_sources: readonly string[];
  readonly figures: readonly SourceFigure[];
  readonly contradictions: readonly Contradiction[];
  readonly fatalities: number;
  readonly fatalities_range: { readonly low: number | null; readonly best: number | null; readonly high: number | null };
}
