import { useEffect, useState } from 'preact/hooks';
import { type EventDetail, type EventRow, fetchEvents, mergeEvents, splitEvent } from './api.ts';
import { distinctContradictions, figureHistory } from './merged.ts';

type SpanT = { start: number; end: number };
type Open = (article: number, span?: SpanT) => void;

/** Independent sources, each source's current figure with its update history, and contradictions with both statements. */
export function SourcesView({ ev, onOpenArticle }: { ev: EventDetail; onOpenArticle: Open }) {
  const figures = ev.figures ?? [];
  const disputes = distinctContradictions(ev.contradictions ?? []);
  return (
    <section class="merged" data-testid="sources">
      <p>
        <strong data-testid="report-count">{ev.report_count ?? ev.reports.length}</strong> reports in {ev.reports.length} articles;{' '}
        <strong data-testid="independent-count">{ev.sources_independent}</strong> independent source{ev.sources_independent === 1 ? '' : 's'}
        {ev.independent_sources?.length ? ': ' : ''}
        <span data-testid="independent-sources">{(ev.independent_sources ?? []).join('; ')}</span>
      </p>
      {figures.length > 0 && (
        <table class="figures" data-testid="figures">
          <thead>
            <tr>
              <th>Source</th>
              <th>Figure</th>
              <th>Victims</th>
              <th>History (oldest first)</th>
              <th>Latest text</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr key={`${f.source}-${f.kind}-${f.category}`}>
                <td>{f.source ?? 'the outlet itself'}</td>
                <td>{f.kind}</td>
                <td>{f.category ?? ''}</td>
                <td class="history" data-testid="figure-history">
                  {figureHistory(f).join(' → ')}
                </td>
                <td>
                  {f.span ? (
                    <button type="button" class="link" onClick={() => onOpenArticle(f.article_id, f.span!)}>
                      “{f.text}”
                    </button>
                  ) : (
                    f.text
                  )}
                  {f.published ? <span class="muted"> {f.published.slice(0, 10)}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {disputes.length > 0 && (
        <div data-testid="contradictions">
          <h4>Contradictions</h4>
          <ul class="contradictions">
            {disputes.map((c) => (
              <li key={`${c.a.report}-${c.b.report}-${c.reason}`} class="contradiction">
                <span class="badge">{c.reason === 'denial' ? 'denial' : 'figures disagree'}</span> {c.kind}
                {c.category ? ` (${c.category})` : ''}: {c.a.source ?? 'outlet'}{' '}
                <button type="button" class="link" onClick={() => onOpenArticle(c.a.article_id, c.a.span ?? undefined)}>
                  <mark>“{c.a.text}”</mark>
                </button>{' '}
                versus {c.b.source ?? 'outlet'}{' '}
                <button type="button" class="link" onClick={() => onOpenArticle(c.b.article_id, c.b.span ?? undefined)}>
                  <mark>“{c.b.text}”</mark>
                </button>
                {c.times > 1 ? <span class="muted"> ({c.times} reports)</span> : null}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** The analyst's corrections: move chosen reports out into a new event, or merge another event into this one. */
export function SplitMergePanel(props: { ev: EventDetail; token: string; reviewer: string; onDone: (message: string, openId?: string) => void }) {
  const { ev, token, reviewer } = props;
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [other, setOther] = useState('');
  const [candidates, setCandidates] = useState<EventRow[]>([]);
  const [msg, setMsg] = useState<string | null>(null);
  const all = ev.reports.flatMap((r) => r.report_ids ?? []);

  // Events that could be the same incident: same country, same day or near it (the merge box suggests them by id).
  useEffect(() => {
    let stale = false;
    const f = { ...(ev.country ? { country: ev.country } : {}) };
    fetchEvents(f, null, 200)
      .then((p) => !stale && setCandidates(p.items.filter((x) => x.id !== ev.id)))
      .catch(() => undefined);
    return () => {
      stale = true;
    };
  }, [ev.id, ev.country]);

  const toggle = (id: string) => {
    const s = new Set(chosen);
    if (s.has(id)) s.delete(id);
    else s.add(id);
    setChosen(s);
  };
  const split = async () => {
    try {
      const r = await splitEvent(ev.id, token, [...chosen], reviewer || undefined);
      setChosen(new Set());
      const created = r.events.find((x) => x.id !== ev.id);
      props.onDone(`Split: ${chosen.size} report(s) moved to ${created?.id ?? 'a new event'}.`);
    } catch (e) {
      setMsg(`Not split: ${(e as Error).message}`);
    }
  };
  const merge = async () => {
    try {
      await mergeEvents(ev.id, other.trim(), token, reviewer || undefined);
      setOther('');
      props.onDone(`Merged ${other.trim()} into this event.`);
    } catch (e) {
      setMsg(`Not merged: ${(e as Error).message}`);
    }
  };
  const ro = !token;
  return (
    <section class="split-merge" data-testid="split-merge">
      <h3>Correct the merge</h3>
      {ro && <p class="muted">Enter the reviewer token (below) to split or merge.</p>}
      <ul class="report-ids">
        {ev.reports.map((r) =>
          (r.report_ids ?? []).map((rid) => (
            <li key={rid}>
              <label>
                <input type="checkbox" name="split-report" value={rid} checked={chosen.has(rid)} disabled={ro || all.length < 2} onChange={() => toggle(rid)} /> {r.outlet ?? 'unknown outlet'}, {r.published?.slice(0, 16) ?? 'undated'}:{' '}
                {r.title ?? `article ${r.id}`} <span class="muted">{rid}</span>
              </label>
            </li>
          )),
        )}
      </ul>
      <button type="button" data-testid="split" disabled={ro || !chosen.size || chosen.size >= all.length} onClick={split}>
        Split the chosen reports into a new event
      </button>
      <form
        class="merge-with"
        onSubmit={(e) => {
          e.preventDefault();
          if (other.trim()) merge();
        }}
      >
        <label>
          Merge with event{' '}
          <input name="merge-with" list="merge-candidates" value={other} placeholder="evt_… (type to search)" onInput={(e) => setOther((e.target as HTMLInputElement).value)} disabled={ro} />
        </label>
        <datalist id="merge-candidates">
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {`${c.event_date ?? 'undated'} ${c.sub_event_type} — ${c.location ?? c.admin1 ?? ''} (${c.fatalities} killed)`}
            </option>
          ))}
        </datalist>
        <button type="submit" data-testid="merge" disabled={ro || !other.trim() || other.trim() === ev.id}>
          Merge into this event
        </button>
      </form>
      {msg && <p class="notice">{msg}</p>}
    </section>
  );
}
