import { useEffect, useState } from 'preact/hooks';
import { type ArticleDetail, type AuditRow, type ClaimRow, type EventDetail, fetchArticle, fetchAudit, fetchEvent } from './api.ts';
import { disputedClaims } from './merged.ts';
import { SourcesView, SplitMergePanel } from './merged-panel.tsx';
import { ReviewPanel } from './review-panel.tsx';

type SpanT = { start: number; end: number };

const FIELDS: [string, string][] = [
  ['event_date', 'Date'], ['time_precision', 'Time precision'], ['disorder_type', 'Disorder type'], ['event_type', 'Event type'], ['sub_event_type', 'Sub-event type'],
  ['actor1', 'Actor 1'], ['assoc_actor_1', 'Associated actor 1'], ['inter1', 'Inter 1'], ['actor2', 'Actor 2'], ['assoc_actor_2', 'Associated actor 2'], ['inter2', 'Inter 2'],
  ['interaction', 'Interaction'], ['civilian_targeting', 'Civilian targeting'], ['country', 'Country'], ['admin1', 'Admin1'], ['admin2', 'Admin2'], ['location', 'Location'],
  ['latitude', 'Latitude'], ['longitude', 'Longitude'], ['geo_precision', 'Geo-precision'], ['fatalities', 'Fatalities (ACLED)'], ['fatalities_low', 'Fatalities low'],
  ['fatalities_best', 'Fatalities best'], ['fatalities_high', 'Fatalities high'], ['displaced', 'Displaced'], ['notes', 'Notes'], ['confidence', 'Confidence'],
];

/** The sentence around a span, with the span marked: the evidence a reviewer reads. */
export function EvidenceSentence({ article, span }: { article: ArticleDetail | undefined; span: SpanT }) {
  if (!article) return <span class="muted">…</span>;
  const s = article.sentences.find((x) => x.span.start <= span.start && span.start < x.span.end)?.span ?? span;
  const t = article.text;
  return (
    <q class="evidence">
      {t.slice(s.start, span.start)}
      <mark>{t.slice(span.start, span.end)}</mark>
      {t.slice(span.end, Math.max(span.end, s.end))}
    </q>
  );
}

/** Claims of one kind whose figures disagree (one source says 45 killed, another 60) are contradictions. */
export function contradictions(claims: readonly ClaimRow[]): Set<number> {
  const out = new Set<number>();
  const byKind = new Map<string, ClaimRow[]>();
  for (const c of claims) if (!c.background) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
  for (const list of byKind.values()) {
    const values = new Set(list.map((c) => `${c.low ?? ''}/${c.best ?? ''}/${c.high ?? ''}`));
    if (values.size > 1) for (const c of list) out.add(c.id);
  }
  return out;
}

const chainText = (c: ClaimRow) => (c.source.chain?.length ? c.source.chain.join(' → ') : 'the outlet itself');
const fmt = (v: unknown) => (v == null || v === '' ? '—' : Array.isArray(v) ? v.join('; ') : String(v));

/** Everything about one event: fields with evidence, claims side by side, reports, review and audit log. */
export function EventDetailView(props: { id: string; token: string; reviewer: string; onToken: (t: string, who: string) => void; onOpenArticle: (id: number, span?: SpanT) => void; onChanged: () => void }) {
  const { id, onOpenArticle } = props;
  const [ev, setEv] = useState<EventDetail | null>(null);
  const [audit, setAudit] = useState<AuditRow[]>([]);
  const [articles, setArticles] = useState<Record<number, ArticleDetail>>({});
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    setError(null);
    Promise.all([fetchEvent(id), fetchAudit(id)])
      .then(async ([e, a]) => {
        if (stale) return;
        setEv(e);
        setAudit(a.items);
        const arts = await Promise.all(e.reports.map((r) => fetchArticle(r.id).catch(() => null)));
        if (!stale) setArticles(Object.fromEntries(arts.filter((x): x is ArticleDetail => !!x).map((x) => [x.id, x])));
      })
      .catch((e: Error) => !stale && setError(e.message));
    return () => {
      stale = true;
    };
  }, [id, version]);

  if (error) return <p class="error">{error}</p>;
  if (!ev || ev.id !== id) return <p class="muted">Loading event…</p>;
  // The store's contradictions (a denial, disjoint ranges) when merging found any; rising tolls are updates, not disputes.
  const bad = ev.contradictions ? disputedClaims(ev.claims, ev.contradictions) : contradictions(ev.claims);
  return (
    <article class="detail" data-testid="event-detail">
      <h2>
        {ev.sub_event_type} — {ev.location ?? ev.admin1 ?? ev.country ?? 'unknown place'}, {ev.event_date ?? 'undated'}
      </h2>
      <p class={`status ${ev.review_status}`} data-testid="review-status">
        Review: {ev.review_status}
        {ev.reviewed_by ? ` by ${ev.reviewed_by}` : ''}
      </p>
      {/* What merging derived comes first: how many reports and independent sources stand behind the event, and what they dispute. */}
      <SourcesView ev={ev} onOpenArticle={onOpenArticle} />
      <h3>Fields and evidence</h3>
      <table class="fields">
        <tbody>
          {FIELDS.map(([k, label]) => {
            const evs = ev.evidence.filter((x) => x.field === k);
            return (
              <tr key={k} data-field={k}>
                <th>{label}</th>
                <td>
                  {fmt(ev[k])}
                  {k in (ev.overrides ?? {}) && <span class="badge">edited</span>}
                </td>
                <td>
                  {evs.map((x) => (
                    <div key={`${x.article_id}-${x.span.start}`}>
                      <EvidenceSentence article={articles[x.article_id]} span={x.span} />{' '}
                      <button type="button" class="link" onClick={() => onOpenArticle(x.article_id, x.span)}>
                        article {x.article_id}
                      </button>
                    </div>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>Claims</h3>
      {ev.claims.length ? (
        <table class="claims" data-testid="claims">
          <thead>
            <tr>
              <th>Figure</th>
              <th>Low</th>
              <th>Best</th>
              <th>High</th>
              <th>Victims</th>
              <th>Attribution chain</th>
              <th>Text</th>
            </tr>
          </thead>
          <tbody>
            {ev.claims.map((c) => (
              <tr key={c.id} class={bad.has(c.id) ? 'contradiction' : ''} title={bad.has(c.id) ? 'Another source disputes this figure' : undefined}>
                <td>
                  {c.kind}
                  {c.hedge ? ` (${c.hedge})` : ''}
                  {c.background ? ' (background)' : ''}
                </td>
                <td class="num">{fmt(c.low)}</td>
                <td class="num">{fmt(c.best)}</td>
                <td class="num">{fmt(c.high)}</td>
                <td>{[c.victim_category, c.victim_actor].filter(Boolean).join(': ')}</td>
                <td class="chain" data-testid="attribution-chain">
                  {chainText(c)}
                  {c.source.text ? <span class="muted"> (“{c.source.text}”)</span> : null}
                </td>
                <td>
                  <button type="button" class="link" onClick={() => onOpenArticle(c.article_id, c.span)}>
                    “{c.text}”
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">No figures were reported for this event.</p>
      )}
      {ev.attribution_chains.length > 0 && (
        <p>
          Attribution chains: {ev.attribution_chains.map((ch) => (ch.length ? ch.join(' → ') : 'outlet')).join(' | ')}
        </p>
      )}
      <h3>Reports and sources</h3>
      <p>
        Sources: {fmt(ev.sources)} ({ev.sources_independent} independent)
      </p>
      <ul class="reports" data-testid="reports">
        {ev.reports.map((r) => (
          <li key={r.id}>
            <button type="button" class="link" data-testid="open-article" onClick={() => onOpenArticle(r.id)}>
              {r.title ?? `Article ${r.id}`}
            </button>{' '}
            <span class="muted">
              {r.outlet ?? 'unknown outlet'}, {r.published ?? 'undated'}
              {r.version > 1 ? `, version ${r.version}` : ''}
            </span>{' '}
            {r.url && /^https?:\/\//i.test(r.url) && (
              <a href={r.url} target="_blank" rel="noopener noreferrer">
                original
              </a>
            )}
          </li>
        ))}
      </ul>
      <SplitMergePanel
        ev={ev}
        token={props.token}
        reviewer={props.reviewer}
        onDone={(m) => {
          setNotice(m);
          setVersion(version + 1);
          props.onChanged();
        }}
      />
      {notice && (
        <p class="notice" data-testid="merge-notice">
          {notice}
        </p>
      )}
      <ReviewPanel
        ev={ev}
        token={props.token}
        reviewer={props.reviewer}
        onToken={props.onToken}
        onSaved={() => {
          setVersion(version + 1);
          props.onChanged();
        }}
      />
      <h3>Audit log</h3>
      {audit.length ? (
        <table class="audit" data-testid="audit">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Action</th>
              <th>Changes</th>
            </tr>
          </thead>
          <tbody>
            {audit.map((a) => (
              <tr key={a.id}>
                <td>{a.at}</td>
                <td>{a.reviewer}</td>
                <td>{a.action}</td>
                <td>
                  {Object.keys({ ...(a.before ?? {}), ...(a.after ?? {}) })
                    .filter((k) => k !== 'reviewed_by' && JSON.stringify(a.before?.[k]) !== JSON.stringify(a.after?.[k]))
                    .map((k) => (
                      <div key={k}>
                        {k}: <del>{fmt(a.before?.[k])}</del> → <ins>{fmt(a.after?.[k])}</ins>
                      </div>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">Not reviewed yet.</p>
      )}
    </article>
  );
}
