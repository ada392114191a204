import type { Claim, SitrepEvent } from '../core/index.ts';
import { eventNote } from '../events/notes.ts';
import type { Contradiction, MergedEvent, Report, SourceFigure } from './types.ts';

/** How the merged fatalities are derived (docs/merging.md). */
export interface FigurePolicy {
  /** Source kinds from most to least specific, for the best estimate. */
  readonly specificity: readonly string[];
}

export const DEFAULT_FIGURE_POLICY: FigurePolicy = {
  specificity: ['medical', 'monitor', 'un_agency', 'ngo', 'local_officials', 'government', 'military', 'news_agency', 'state_media', 'activists', 'armed_group'],
};

const value = (f: { low: number | null; best: number | null; high: number | null }) => f.low ?? f.best ?? f.high;
const show = (f: { low: number | null; best: number | null; high: number | null }) =>
  f.low !== null && f.high !== null && f.low !== f.high ? `${f.low}–${f.high}` : f.best !== null ? `${f.best}` : f.low !== null ? `≥${f.low}` : `≤${f.high}`;

/** Actor fields of one side, from the representative event or, when it names nobody, the most named in the reports. */
function withSide(e: SitrepEvent, reports: readonly Report[], side: 1 | 2): Partial<SitrepEvent> {
  const actor = side === 1 ? 'actor1' : 'actor2';
  if (e[actor]) return {};
  const counts = new Map<string, { n: number; e: SitrepEvent }>();
  for (const r of reports) {
    const a = r.event[actor];
    if (a) counts.set(a, { n: (counts.get(a)?.n ?? 0) + 1, e: counts.get(a)?.e ?? r.event });
  }
  const donor = [...counts.values()].sort((x, y) => y.n - x.n)[0]?.e;
  if (!donor) return {};
  return side === 1
    ? { actor1: donor.actor1, inter1: donor.inter1, assoc_actor_1: donor.assoc_actor_1 }
    : { actor2: donor.actor2, inter2: donor.inter2, assoc_actor_2: donor.assoc_actor_2, civilian_targeting: donor.civilian_targeting };
}

/** A report's current, top-level figures: background, parts of a total and shares are set aside. */
function liveClaims(r: Report): Claim[] {
  return r.claims.filter((c) => !c.background && c.part_of === null && c.share === null);
}

/** Where a figure comes from: the innermost cited source, or the story itself when the outlet gives it unsourced. */
function origin(r: Report, c: Claim | null): string {
  if (c?.source.name) return c.source.name;
  return `story:${r.story_group}`;
}

/**
 * Build the merged view of one incident from its reports: per-source figures (the latest report of each source
 * wins; earlier ones are kept as updates — a toll rising from 7 to 19 is an update, not a contradiction), the
 * independent sources, contradictions between sources, and the fatalities range: ACLED's conservative
 * `fatalities` is the lowest credible current figure, `best` the most recent figure of the most specific
 * source, `high` the highest credible figure.
 */
export function mergeFigures(id: string, reports: readonly Report[], policy: FigurePolicy = DEFAULT_FIGURE_POLICY): MergedEvent {
  const ordered = [...reports].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id));
  const origins = new Set<string>();
  const storiesWithFigures = new Set(ordered.filter((r) => liveClaims(r).length > 0).map((r) => r.story_group));
  const byKey = new Map<string, SourceFigure>();
  const kinds = new Map<string, string | null>();
  for (const r of ordered) {
    const live = liveClaims(r);
    // A denier is a source about the incident too ("Russia's defence ministry denied …" confirms a strike).
    for (const d of r.denials ?? []) origins.add(d.source);
    // A report without figures (a second event of an article that gives its toll elsewhere) stands for its
    // story only when no report of that story brought a figure.
    if (!live.length && !r.denials?.length && !storiesWithFigures.has(r.story_group)) origins.add(`story:${r.story_group}`);
    for (const c of live) {
      const src = origin(r, c);
      origins.add(src);
      kinds.set(src, c.source.kind);
      const key = `${src}|${c.kind}|${c.victims.category}`;
      const prev = byKey.get(key);
      const fig: SourceFigure = {
        source: src,
        kind: c.kind,
        category: c.victims.category,
        low: c.low,
        best: c.best,
        high: c.high,
        report: r.id,
        published: r.published,
        span: c.span,
        updates: prev ? [...prev.updates, { low: prev.low, best: prev.best, high: prev.high, report: prev.report }] : [],
      };
      byKey.set(key, fig);
    }
  }
  const figures = [...byKey.values()];
  // Fatalities: each source's current account is its most recent report that gives a death toll, summed
  // over that report's victim groups unless it states a total. Categories are not accumulated across reports:
  // "six soldiers and four fighters" followed by "10 combatants" from the same monitor is 10, not 16.
  const killedBySource = new Map<string, { low: number | null; best: number | null; high: number | null; published: string | null }>();
  for (const src of new Set(figures.map((f) => f.source))) {
    const own = (r: Report) => liveClaims(r).filter((c) => c.kind === 'killed' && origin(r, c) === src);
    const latest = [...ordered].reverse().find((r) => own(r).length > 0);
    if (!latest) continue;
    const k = own(latest);
    // Within one report, figures for the same victims are restatements (keep the largest: "the toll has risen
    // to 19 … it had put the toll at seven"); distinct victim groups add up; a stated total wins when larger.
    const field = (g: (c: Claim) => number | null): number | null => {
      let total: number | null = null;
      const byCat = new Map<string, number>();
      for (const c of k) {
        const v = g(c);
        if (v === null) continue;
        if (c.victims.category === 'total' || c.victims.category === 'unknown') total = Math.max(total ?? 0, v);
        else byCat.set(c.victims.category, Math.max(byCat.get(c.victims.category) ?? 0, v));
      }
      const parts = byCat.size ? [...byCat.values()].reduce((a, b) => a + b, 0) : null;
      return total === null ? parts : parts === null ? total : Math.max(total, parts);
    };
    killedBySource.set(src, { low: field((c) => c.low ?? c.best), best: field((c) => c.best ?? c.low), high: field((c) => c.high ?? c.best ?? c.low), published: latest.published });
  }
  const vals = [...killedBySource.values()];
  const lows = vals.map((v) => v.low ?? v.best).filter((x): x is number => x !== null);
  const highs = vals.map((v) => v.high ?? v.best ?? v.low).filter((x): x is number => x !== null);
  const rank = (src: string) => {
    const k = kinds.get(src);
    const i = k ? policy.specificity.indexOf(k) : -1;
    return i < 0 ? policy.specificity.length : i;
  };
  const bestSrc = [...killedBySource.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || (b[1].published ?? '').localeCompare(a[1].published ?? ''))[0];
  const range = { low: lows.length ? Math.min(...lows) : null, best: bestSrc ? (bestSrc[1].best ?? bestSrc[1].low) : null, high: highs.length ? Math.max(...highs) : null };

  const contradictions: Contradiction[] = [];
  // Denials: a source saying none of these victims died, against any other source's figure for them.
  for (const r of ordered) {
    for (const d of r.denials ?? []) {
      for (const f of figures) {
        if (f.source === d.source || f.kind !== d.kind || (f.category !== d.category && d.category !== 'total')) continue;
        if ((value(f) ?? 0) <= 0) continue;
        contradictions.push({ kind: f.kind, category: f.category, reason: 'denial', a: { source: f.source, report: f.report, span: f.span, value: show(f) }, b: { source: d.source, report: r.id, span: d.span, value: 'denied' } });
      }
    }
  }
  // Disjoint ranges between two sources for the same victims, unless the lower one is simply older.
  for (let i = 0; i < figures.length; i++) {
    for (let j = i + 1; j < figures.length; j++) {
      const a = figures[i]!;
      const b = figures[j]!;
      if (a.source === b.source || a.kind !== b.kind || a.category !== b.category) continue;
      const [lo, hi] = (value(a) ?? 0) <= (value(b) ?? 0) ? [a, b] : [b, a];
      const loMax = lo.high ?? lo.best ?? Number.POSITIVE_INFINITY;
      const hiMin = hi.low ?? hi.best ?? 0;
      if (loMax >= hiMin) continue;
      if ((lo.published ?? '') < (hi.published ?? '')) continue;
      contradictions.push({ kind: a.kind, category: a.category, reason: 'disjoint-ranges', a: { source: lo.source, report: lo.report, span: lo.span, value: show(lo) }, b: { source: hi.source, report: hi.report, span: hi.span, value: show(hi) } });
    }
  }

  // The representative event: the most recent report among the most precise ones, with merged figures.
  const main = [...ordered].sort((a, b) => (a.event.geo_precision ?? 3) - (b.event.geo_precision ?? 3) || (b.published ?? '').localeCompare(a.published ?? ''))[0]!;
  const fatalities = range.low ?? Math.min(...ordered.map((r) => r.event.fatalities));
  const sources = [...new Set(ordered.flatMap((r) => r.event.sources))];
  // Sides the representative report leaves unnamed ("Wednesday's air strike on the market") come from the
  // reports that name them, the most often named first; the note is then written for the merged event.
  const sides = { ...withSide(main.event, ordered, 1), ...withSide(main.event, ordered, 2) };
  const merged0: SitrepEvent = { ...main.event, ...sides, fatalities, fatalities_range: range, sources };
  const interaction = merged0.inter1 ? `${merged0.inter1}${merged0.inter2 ? `-${merged0.inter2}` : ' only'}` : merged0.interaction;
  const event: SitrepEvent = { ...merged0, interaction, notes: eventNote(merged0, /\band allied groups\b/.test(main.event.notes)) };
  return {
    id,
    event,
    reports: ordered.map((r) => r.id),
    articles: [...new Set(ordered.map((r) => r.article_id))],
    sources_independent: origins.size,
    independent_sources: [...origins].map((o) => (o.startsWith('story:') ? (ordered.find((r) => `story:${r.story_group}` === o)?.outlet ?? o) : o)),
    figures,
    contradictions,
    fatalities,
    fatalities_range: range,
  };
}
