/** Typed calls to the Sitrep API (same origin). */
import { type Filters, filtersQuery } from './filters.ts';

export type Row = Record<string, unknown>;

export interface EventRow {
  id: string;
  event_date: string | null;
  event_type: string;
  sub_event_type: string;
  disorder_type: string;
  actor1: string | null;
  actor2: string | null;
  assoc_actor_1: string | null;
  assoc_actor_2: string | null;
  country: string | null;
  admin1: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  geo_precision: number | null;
  fatalities: number;
  fatalities_low: number | null;
  fatalities_best: number | null;
  fatalities_high: number | null;
  displaced: number | null;
  sources: string[];
  sources_independent: number;
  notes: string;
  review_status: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  [k: string]: unknown;
}

export interface ClaimRow {
  id: number;
  article_id: number;
  kind: string;
  low: number | null;
  best: number | null;
  high: number | null;
  hedge: string | null;
  unit: string;
  victim_category: string;
  victim_actor: string | null;
  perpetrator: string | null;
  background: boolean;
  span: { start: number; end: number };
  text: string | null;
  article_url: string | null;
  rule: string;
  source: { name: string | null; kind: string | null; chain: string[]; span: { start: number; end: number } | null; text: string | null };
}

/** One source's current figure for a kind and victim category, with the earlier reports it updates. */
export interface SourceFigure {
  source: string | null;
  kind: string;
  category: string | null;
  low: number | null;
  best: number | null;
  high: number | null;
  report: string;
  article_id: number;
  published: string | null;
  span: { start: number; end: number } | null;
  text: string | null;
  updates: { low: number | null; best: number | null; high: number | null; report: string }[];
}

/** One side of a contradiction: who says what, in which report, with the span's text. */
export interface ContradictionSide {
  source: string | null;
  report: string;
  article_id: number;
  value: string | null;
  span: { start: number; end: number } | null;
  text: string | null;
}

/** Two sources that dispute each other (a denial, ranges that do not overlap). */
export interface Contradiction {
  kind: string;
  category: string | null;
  reason: string;
  a: ContradictionSide;
  b: ContradictionSide;
}

export interface EventDetail extends EventRow {
  claims: ClaimRow[];
  attribution_chains: string[][];
  evidence: { field: string; article_id: number; span: { start: number; end: number }; text: string | null }[];
  reports: { id: number; url: string | null; title: string | null; outlet: string | null; published: string | null; version: number; story_group?: string | null; report_ids?: string[] }[];
  report_count?: number;
  independent_sources?: string[];
  figures?: SourceFigure[];
  contradictions?: Contradiction[];
  overrides: Record<string, unknown>;
}

export interface DayRow {
  day: string;
  events: number;
  fatalities: number;
  fatalities_low: number;
  fatalities_best: number;
  fatalities_high: number;
  displaced: number;
  by_type: Record<string, number>;
  fatalities_by_type?: Record<string, number>;
}

export interface MapPoint {
  lat: number;
  lon: number;
  event_type: string;
  geo_precision: number | null;
  events: number;
  fatalities: number;
  location: string | null;
  id: string | null;
  first_date: string | null;
  last_date: string | null;
}

export interface AuditRow {
  id: number;
  action: string;
  reviewer: string;
  at: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface ArticleDetail {
  id: number;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  text: string;
  sentences: { span: { start: number; end: number }; index: number }[];
  removed: { span: { start: number; end: number }; reason: string; rule: string }[];
  mentions: { span: { start: number; end: number }; type: string; text: string; value?: string | null; rule: string }[];
  times: { span: { start: number; end: number }; value: string | null; rule: string }[];
  claims: (Row & { span_start: number; span_end: number; kind: string; best: number | null; low: number | null; high: number | null; source_chain: string[]; source_name: string | null })[];
  places: (Row & { span_start: number; span_end: number; name: string; resolved_name: string | null; lat: number | null; lon: number | null; rule: string })[];
  events: (Row & { id: string; event_id: string | null })[];
}

/** An API failure with the registry code the server sent. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const r = await fetch(path, init);
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new ApiError(r.status, String(body.code ?? r.status), String(body.message ?? r.statusText));
  return body as T;
}

const q = (f: Filters, extra: Record<string, string> = {}) => {
  const p = new URLSearchParams(filtersQuery(f));
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
};

/** One page of filtered events, newest first. */
export const fetchEvents = (f: Filters, cursor?: string | null, limit = 100) =>
  call<{ items: EventRow[]; next: string | null }>(`/api/events?${q(f, { limit: String(limit), ...(cursor ? { cursor } : {}) })}`);
/** Per-day totals for the timeline. */
export const fetchTimeseries = (f: Filters) => call<{ items: DayRow[] }>(`/api/timeseries?${q(f)}`);
/** Grouped map points (bounded: the API never sends every event). */
export const fetchMapPoints = (f: Filters) => call<{ items: MapPoint[]; truncated: boolean }>(`/api/map?${q(f, { limit: '5000' })}`);
/** One event with claims, evidence and reports. */
export const fetchEvent = (id: string) => call<EventDetail>(`/api/events/${encodeURIComponent(id)}`);
/** The review history of an event. */
export const fetchAudit = (id: string) => call<{ items: AuditRow[] }>(`/api/events/${encodeURIComponent(id)}/audit`);
/** One article with its annotations. */
export const fetchArticle = (id: number | string) => call<ArticleDetail>(`/api/articles/${encodeURIComponent(String(id))}`);
/** Whether the server offers a route (the situation report is optional). */
export async function hasRoute(path: string): Promise<boolean> {
  const spec = await call<{ paths: Record<string, unknown> }>('/api/openapi.json').catch(() => ({ paths: {} }));
  return path in spec.paths;
}
/** The export URL for the current filters. */
export const exportUrl = (f: Filters, format: string) => `/api/export?${q(f, { format })}`;

/** Send a review decision with the reviewer's token. */
export const reviewEvent = (id: string, token: string, body: { action: 'accept' | 'reject' | 'edit'; changes?: Record<string, unknown>; reviewer?: string; comment?: string }) =>
  call<Row>(`/api/events/${encodeURIComponent(id)}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

/** Stored values of a filter field (country, admin1, actor, source), most frequent first. */
export const fetchFacets = (field: string, text: string, f: Filters = {}) =>
  call<{ field: string; items: { value: string; events: number }[] }>(`/api/facets?${q(f, { field, q: text, limit: '30' })}`);

const auth = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });

/** Move reports out of an event into a new one (the analyst's split, audited). */
export const splitEvent = (id: string, token: string, reports: string[], reviewer?: string) =>
  call<{ events: { id: string; reports: string[] }[] }>(`/api/events/${encodeURIComponent(id)}/split`, { method: 'POST', headers: auth(token), body: JSON.stringify({ reports, ...(reviewer ? { reviewer } : {}) }) });

/** Merge event `b` into event `a` (the analyst's merge, audited). */
export const mergeEvents = (a: string, b: string, token: string, reviewer?: string) =>
  call<{ events: { id: string; reports: string[] }[] }>('/api/events/merge', { method: 'POST', headers: auth(token), body: JSON.stringify({ ids: [a, b], ...(reviewer ? { reviewer } : {}) }) });

/** The situation report URL for the current filters, or null when no country is chosen (the report needs one). */
export function reportUrl(f: Filters, days: readonly { day: string }[]): string | null {
  if (!f.country) return null;
  // Without a date filter the report covers the days the timeline shows.
  const from = f.from ?? days[0]?.day;
  const to = f.to ?? days[days.length - 1]?.day;
  if (!from || !to) return null;
  const p = new URLSearchParams({ country: f.country, ...(f.admin1 ? { admin1: f.admin1 } : {}), from, to, format: 'html' });
  return `/api/report?${p}`;
}
