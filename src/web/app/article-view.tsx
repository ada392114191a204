import { useEffect, useRef, useState } from 'preact/hooks';
import { type ArticleDetail, fetchArticle } from './api.ts';
import { type Mark, segmentText } from './segments.ts';

/** Every annotation of an article as marks: places, actors, figures, dates, attributions, claims, removed text. */
export function articleMarks(a: ArticleDetail): Mark[] {
  const marks: Mark[] = [];
  for (const r of a.removed ?? []) marks.push({ span: r.span, kind: `removed ${r.reason}`, title: `removed: ${r.reason} (${r.rule})` });
  for (const m of a.mentions ?? []) {
    if (m.type === 'place') continue; // resolved places below carry more
    const kind = m.type === 'quantity' ? 'figure' : m.type === 'source' || m.type === 'attribution' ? 'attribution' : m.type;
    marks.push({ span: m.span, kind, title: `${m.type}${m.value ? `: ${m.value}` : ''} (${m.rule})` });
  }
  for (const p of a.places ?? []) {
    marks.push({ span: { start: p.span_start, end: p.span_end }, kind: 'place', title: `place: ${p.resolved_name ?? p.name}${p.lat != null ? ` (${p.lat}, ${p.lon})` : ''} (${p.rule})` });
  }
  for (const c of a.claims ?? []) {
    const chain = c.source_chain?.length ? c.source_chain.join(' → ') : 'the outlet itself';
    marks.push({ span: { start: c.span_start, end: c.span_end }, kind: 'claim', title: `${c.kind}: low ${c.low ?? '—'}, best ${c.best ?? '—'}, high ${c.high ?? '—'}; source chain: ${chain}` });
  }
  return marks;
}

const parseSpan = (s?: string) => {
  const m = /^(\d+)-(\d+)$/.exec(s ?? '');
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
};

/** The article text with highlighted spans. The text is untrusted: it is only ever set as text content. */
export function ArticleView({ id, span, onBack }: { id: string; span?: string; onBack?: () => void }) {
  const [a, setA] = useState<ArticleDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const target = useRef<HTMLElement>(null);
  const focus = parseSpan(span);
  useEffect(() => {
    setError(null);
    fetchArticle(id)
      .then(setA)
      .catch((e: Error) => setError(e.message));
  }, [id]);
  useEffect(() => target.current?.scrollIntoView({ block: 'center' }), [a, span]);
  if (error) return <p class="error">{error}</p>;
  if (!a || String(a.id) !== id) return <p class="muted">Loading article…</p>;
  const marks = articleMarks(a);
  if (focus) marks.push({ span: focus, kind: 'target', title: 'evidence' });
  const segs = segmentText(a.text, marks);
  const firstTarget = segs.findIndex((s) => s.marks.some((m) => m.kind === 'target'));
  return (
    <article class="article" data-testid="article-view">
      {onBack && (
        <button type="button" class="link" onClick={onBack}>
          ← back to the event
        </button>
      )}
      <h2>{a.title ?? `Article ${a.id}`}</h2>
      <p class="muted">
        {a.outlet ?? 'unknown outlet'}, {a.published ?? 'undated'}{' '}
        {a.url && /^https?:\/\//i.test(a.url) && (
          <a href={a.url} target="_blank" rel="noopener noreferrer">
            original
          </a>
        )}
      </p>
      <p class="legend-inline">
        <span class="hl place">place</span> <span class="hl actor">actor</span> <span class="hl figure">figure</span> <span class="hl time">date</span>{' '}
        <span class="hl attribution">attribution</span> <span class="hl claim">claim</span> <span class="hl removed">removed</span>
      </p>
      <div class="article-text" data-testid="article-text">
        {segs.map((s, i) => {
          if (!s.marks.length) return s.text;
          const ref = i === firstTarget ? target : undefined;
          return (
            <span key={s.start} ref={ref} class={`hl ${s.marks.map((m) => m.kind).join(' ')}`} title={s.marks.filter((m) => m.kind !== 'target').map((m) => m.title).join('\n')}>
              {s.text}
            </span>
          );
        })}
      </div>
      {a.events.length > 0 && <p class="muted">{a.events.length} events extracted from this article.</p>}
    </article>
  );
}
