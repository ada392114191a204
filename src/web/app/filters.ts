/** Filters shared by the map, timeline and table, and their round trip through the URL query string. */

/** The filter names, in the order they appear in the URL (the API's event filter names). */
export const FILTER_KEYS = ['from', 'to', 'country', 'admin1', 'event_type', 'sub_event_type', 'actor', 'min_fatalities', 'q', 'source', 'review_status', 'bbox'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** What the page shows besides the overview: an event, or an article with an optional span to point at. */
export interface View {
  readonly event?: string;
  readonly article?: string;
  readonly span?: string;
}

const VIEW_KEYS = ['event', 'article', 'span'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Read filters and view from a query string, dropping empty and malformed values (a bookmark may be stale). */
export function parseQuery(search: string): { filters: Filters; view: View } {
  const p = new URLSearchParams(search);
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = p.get(k)?.trim();
    if (!v) continue;
    if ((k === 'from' || k === 'to') && !DAY.test(v)) continue;
    if (k === 'min_fatalities' && !/^\d+$/.test(v)) continue;
    filters[k] = v;
  }
  const view: Record<string, string> = {};
  for (const k of VIEW_KEYS) {
    const v = p.get(k);
    if (v) view[k] = v;
  }
  return { filters, view };
}

/** The query string for filters (API order, empty values left out), without the leading `?`. */
export function filtersQuery(f: Filters): string {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k]) p.set(k, f[k]!);
  return p.toString();
}

/** The page URL's query string for filters plus view. */
export function pageQuery(f: Filters, v: View): string {
  const p = new URLSearchParams(filtersQuery(f));
  for (const k of VIEW_KEYS) if (v[k]) p.set(k, v[k]!);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** A small box (about 1 km) around a point, as the API's `bbox` filter: how a map group is opened as a list. */
export function bboxAround(lon: number, lat: number, pad = 0.01): string {
  const r = (x: number) => Math.round(x * 1e5) / 1e5;
  return [r(lon - pad), r(lat - pad), r(lon + pad), r(lat + pad)].join(',');
}
