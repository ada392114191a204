import { useCallback, useEffect, useState } from 'preact/hooks';
import { type DayRow, type EventRow, exportUrl, fetchEvents, fetchMapPoints, fetchTimeseries, hasRoute, type MapPoint, reportUrl } from './api.ts';
import { ArticleView } from './article-view.tsx';
import { EventDetailView } from './event-detail.tsx';
import { EventTable } from './event-table.tsx';
import { FilterBar } from './filter-bar.tsx';
import { type Filters, pageQuery, parseQuery, type View } from './filters.ts';
import { MapView } from './map-view.tsx';
import { Timeline } from './timeline.tsx';

const TOKEN_KEY = 'sitrep.reviewToken';
const REVIEWER_KEY = 'sitrep.reviewer';

/** The dashboard: filters in the URL drive the map, timeline and table; event and article views open beside them. */
export function App() {
  const initial = parseQuery(location.search);
  const [filters, setFiltersState] = useState<Filters>(initial.filters);
  const [view, setViewState] = useState<View>(initial.view);
  const [events, setEvents] = useState<EventRow[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [days, setDays] = useState<DayRow[]>([]);
  const [points, setPoints] = useState<{ items: MapPoint[]; truncated: boolean }>({ items: [], truncated: false });
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [reportLink, setReportLink] = useState(false);
  const [token, setToken] = useState(localStorage.getItem(TOKEN_KEY) ?? '');
  const [reviewer, setReviewer] = useState(localStorage.getItem(REVIEWER_KEY) ?? '');
  const [reloadKey, setReloadKey] = useState(0);

  const go = useCallback((f: Filters, v: View, push: boolean) => {
    const url = `${location.pathname}${pageQuery(f, v)}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    setFiltersState(f);
    setViewState(v);
  }, []);
  // Filters replace the history entry (dragging the brush should not flood Back); opening a view pushes one.
  const setFilters = (f: Filters) => go(f, view, false);
  const setView = (v: View) => go(filters, v, true);

  useEffect(() => {
    const onPop = () => {
      const p = parseQuery(location.search);
      setFiltersState(p.filters);
      setViewState(p.view);
    };
    addEventListener('popstate', onPop);
    hasRoute('/api/report').then(setReportLink);
    return () => removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    let stale = false;
    setLoading(true);
    Promise.all([fetchEvents(filters), fetchTimeseries(filters), fetchMapPoints(filters)])
      .then(([ev, ts, mp]) => {
        if (stale) return;
        setEvents(ev.items);
        setNext(ev.next);
        setDays(ts.items);
        setPoints(mp);
        setError(null);
      })
      .catch((e: Error) => !stale && setError(e.message))
      .finally(() => !stale && setLoading(false));
    return () => {
      stale = true;
    };
  }, [filters, reloadKey]);

  const more = async () => {
    if (!next) return;
    const page = await fetchEvents(filters, next);
    setEvents([...events, ...page.items]);
    setNext(page.next);
  };
  const saveToken = (t: string, who: string) => {
    localStorage.setItem(TOKEN_KEY, t);
    localStorage.setItem(REVIEWER_KEY, who);
    setToken(t);
    setReviewer(who);
  };

  // The report covers one country (and province) over the filtered dates, or the timeline's days without a date filter.
  const report = reportUrl(filters, days);
  return (
    <div class="app" data-loading={loading ? 'true' : 'false'}>
      <header class="top">
        <h1>Sitrep</h1>
        <FilterBar filters={filters} onChange={setFilters} events={events} />
        <div class="exports">
          <a class="button" data-testid="export-csv" href={exportUrl(filters, 'acled-csv')} download="sitrep-events.csv">ACLED CSV</a>
          <a class="button" data-testid="export-geojson" href={exportUrl(filters, 'geojson')} download="sitrep-events.geojson">GeoJSON</a>
          {reportLink &&
            (report ? (
              <a class="button" data-testid="report-link" href={report} target="_blank" rel="noopener">
                Situation report
              </a>
            ) : (
              <span>
                <button type="button" class="button" data-testid="report-link" disabled>
                  Situation report
                </button>{' '}
                <span class="hint" data-testid="report-hint">
                  {filters.country ? 'no dated events match' : 'choose a country first'}
                </span>
              </span>
            ))}
        </div>
      </header>
      {error && <p class="error" role="alert">{error}</p>}
      <main class="layout">
        <section class="overview">
          <MapView points={points} onOpenEvent={(id) => setView({ event: id })} onBbox={(bbox) => setFilters({ ...filters, bbox })} />
          <Timeline days={days} from={filters.from} to={filters.to} onRange={(from, to) => setFilters({ ...filters, from, to })} />
          <EventTable events={events} hasMore={!!next} onMore={more} onOpen={(id) => setView({ event: id })} selected={view.event} />
        </section>
        {(view.event || view.article) && (
          <aside class="side">
            <button type="button" class="close" onClick={() => setView({})} aria-label="Close">×</button>
            {view.article ? (
              <ArticleView id={view.article} span={view.span} onBack={view.event ? () => setView({ event: view.event }) : undefined} />
            ) : (
              <EventDetailView
                id={view.event!}
                token={token}
                reviewer={reviewer}
                onToken={saveToken}
                onOpenArticle={(article, span) => setView({ event: view.event, article: String(article), ...(span ? { span: `${span.start}-${span.end}` } : {}) })}
                onChanged={() => setReloadKey(reloadKey + 1)}
              />
            )}
          </aside>
        )}
      </main>
    </div>
  );
}
