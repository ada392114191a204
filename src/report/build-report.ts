import type { Claim, ClaimKind, VictimCategory } from '../core/index.ts';
import { type MergedEvent, mergeFigures, type Report, type SourceFigure } from '../merge/index.ts';
import type { Queryable } from '../store/index.ts';
import { admin1Areas } from './admin1-areas.ts';
import { FootnoteList, markers } from './footnotes.ts';
import { floorOf, formatRange, type Range, spanOf, sumRanges } from './format-range.ts';
import { type LoadedPeriod, loadPeriod } from './load-period.ts';
import { addDays, previousPeriod } from './report-query.ts';
import type { KeyFigure, Line, PeriodTotals, ReportEvent, ReportQuery, SituationReport, TimelineDay } from './types.ts';
import { casualtyWords, controlSentence, count, figurePhrase, listOf, sourceLabel } from './wording.ts';

/** How many incidents the "main events" section lists before summarising the rest. */
const MAIN_EVENTS = 15;
const KINDS: readonly ClaimKind[] = ['killed', 'injured', 'displaced', 'detained', 'missing'];
const CATEGORIES: readonly VictimCategory[] = ['civilians', 'children', 'women', 'soldiers', 'fighters'];

/** A source figure with the stored claim behind it. */
interface Cited {
  readonly fig: SourceFigure;
  readonly claim: Claim;
  readonly claimId: number;
  readonly report: Report;
}

/** A merged incident with its cited figures. */
interface Incident {
  readonly m: MergedEvent;
  readonly members: readonly Report[];
  readonly cited: readonly Cited[];
}

/** The period's incidents as the store merged them: one per stored event, its figures from its member reports. */
function incidents(p: LoadedPeriod): Incident[] {
  const byStored = new Map<string, Report[]>();
  for (const r of p.reports) byStored.set(p.storedEvent.get(r.id)!, [...(byStored.get(p.storedEvent.get(r.id)!) ?? []), r]);
  const byId = new Map(p.reports.map((r) => [r.id, r]));
  return [...byStored].map(([id, rs]) => mergeFigures(id, rs)).map((m) => {
    const members = m.reports.map((id) => byId.get(id)!);
    const cited: Cited[] = [];
    for (const fig of m.figures) {
      const report = byId.get(fig.report)!;
      const claim = report.claims.find((c) => c.span.start === fig.span.start && c.span.end === fig.span.end && c.kind === fig.kind);
      const claimId = claim ? p.claimIds.get(claim) : undefined;
      if (claim && claimId !== undefined) cited.push({ fig, claim, claimId, report });
    }
    return { m, members, cited };
  });
}

/**
 * One incident's figure for a kind, all categories: per source its total ("12 people") or, without one, the sum
 * of its categories (children and women counted inside civilians, not again); then the sources' span.
 */
function incidentTotal(inc: Incident, kind: ClaimKind, unit: string): { range: Range; used: Cited[] } {
  const figs = inc.cited.filter((c) => c.fig.kind === kind && (c.claim.unit === unit || (unit === 'people' && !c.claim.unit)));
  const perSource: Range[] = [];
  const used: Cited[] = [];
  for (const src of new Set(figs.map((c) => c.fig.source))) {
    // A source's current account is its latest report (as in merging): "six soldiers and four fighters" followed
    // by "10 combatants" is 10, not 6 + 10.
    const all = figs.filter((c) => c.fig.source === src);
    const latest = all.map((c) => c.fig.published ?? '').sort().at(-1) ?? '';
    const mine = all.filter((c) => (c.fig.published ?? '') === latest);
    const totals = mine.filter((c) => c.fig.category === 'total' || c.fig.category === 'unknown');
    let parts = totals.length ? [totals.sort((a, b) => (floorOf(b.fig) ?? 0) - (floorOf(a.fig) ?? 0))[0]!] : mine;
    if (!totals.length && parts.some((c) => c.fig.category === 'civilians')) parts = parts.filter((c) => c.fig.category !== 'children' && c.fig.category !== 'women');
    perSource.push(sumRanges(parts.map((c) => c.fig)));
    used.push(...parts);
  }
  return { range: perSource.length ? spanOf(perSource) : { low: null, best: null, high: null }, used };
}

/** One incident's figure for one victim category, across sources. */
function incidentCategory(inc: Incident, kind: ClaimKind, category: VictimCategory): { range: Range; used: Cited[] } {
  const used = inc.cited.filter((c) => c.fig.kind === kind && c.fig.category === category);
  return { range: used.length ? spanOf(used.map((c) => c.fig)) : { low: null, best: null, high: null }, used };
}

function cite(notes: FootnoteList, p: LoadedPeriod, used: readonly Cited[]): number[] {
  return used.map((c) => notes.claim(c.claim, c.claimId, p.articles.get(Number(c.report.article_id))!));
}

function sourcesOf(used: readonly Cited[], p: LoadedPeriod): string[] {
  return [...new Set(used.map((c) => sourceLabel(c.claim.source.name, p.articles.get(Number(c.report.article_id))?.outlet ?? null)))].sort((a, b) => a.localeCompare(b));
}

/** A figure sentence: "17–19 civilians killed, according to A and B [1][2]"; null when nothing was reported. */
function figureLine(range: Range, kind: ClaimKind, category: VictimCategory, unit: string, used: readonly Cited[], notes: FootnoteList, p: LoadedPeriod): Line | null {
  const value = formatRange(range);
  if (!value || !used.length) return null;
  const ns = cite(notes, p, used);
  return { text: `${figurePhrase(value, kind, category, unit)}, according to ${listOf(sourcesOf(used, p))} ${markers(ns)}`, notes: ns };
}

function where(e: { location: string | null; admin1: string | null }): string {
  if (e.location && e.admin1 && e.location !== e.admin1) return `${e.location} (${e.admin1})`;
  return e.location ?? e.admin1 ?? 'an unspecified location';
}

function dateOf(inc: Incident): string | null {
  return inc.m.event.event_date;
}

function periodTotals(from: string, to: string, list: readonly Incident[], notes: FootnoteList, p: LoadedPeriod): PeriodTotals {
  const by_type: Record<string, number> = {};
  for (const i of list) by_type[i.m.event.event_type] = (by_type[i.m.event.event_type] ?? 0) + 1;
  const killed = list.map((i) => incidentTotal(i, 'killed', 'people')).filter((k) => k.used.length);
  return { from, to, events: list.length, by_type, killed: sumRanges(killed.map((k) => k.range)), killed_notes: killed.flatMap((k) => cite(notes, p, k.used)) };
}

const fmtPeriod = (from: string, to: string) => (from === to ? `on ${from}` : `between ${from} and ${to}`);

/**
 * Draft the situation report of a period from the store: incidents merged from stored events, every figure
 * tied to the stored claims behind it, statements tied to their articles. Deterministic: the same store and
 * query give the same report.
 */
export async function draftReport(db: Queryable, q: ReportQuery): Promise<SituationReport> {
  const prevP = previousPeriod(q.from, q.to);
  const cur = await loadPeriod(db, q, q.from, q.to);
  const prev = await loadPeriod(db, q, prevP.from, prevP.to);
  const notes = new FootnoteList();
  const area = q.admin1 ? `${q.admin1}, ${q.country}` : q.country;
  const list = incidents(cur).sort((a, b) => (dateOf(a) ?? '').localeCompare(dateOf(b) ?? '') || (floorOf(incidentTotal(b, 'killed', 'people').range) ?? 0) - (floorOf(incidentTotal(a, 'killed', 'people').range) ?? 0) || a.m.id.localeCompare(b.m.id));
  const prevList = incidents(prev);
  const empty = list.length === 0;

  // Headline: counts, then the period's killed and displaced with their sources.
  const headline: Line[] = [];
  const killedAll = list.map((i) => incidentTotal(i, 'killed', 'people'));
  const displacedAll = list.map((i) => incidentTotal(i, 'displaced', 'people'));
  if (empty) {
    headline.push({ text: `No events were recorded in the Sitrep store for ${area} ${fmtPeriod(q.from, q.to)}. This reflects the reports ingested so far, not necessarily a quiet period.`, notes: [] });
  } else {
    const types = Object.entries(countBy(list.map((i) => i.m.event.event_type))).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const areas = Object.entries(countBy(list.map((i) => i.m.event.admin1 ?? 'unknown area'))).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    headline.push({
      text: `Sitrep recorded ${count(list.length, 'event')} in ${area} ${fmtPeriod(q.from, q.to)}: ${types.map(([t, n]) => `${t} (${n})`).join(', ')}${q.admin1 ? '' : `, in ${areas.map(([a, n]) => `${a} (${n})`).join(', ')}`}.`,
      notes: [],
    });
    const k = killedAll.filter((x) => x.used.length);
    const kl = k.length ? figureLine(sumRanges(k.map((x) => x.range)), 'killed', 'total', 'people', k.flatMap((x) => x.used), notes, cur) : null;
    headline.push(kl ? { text: `Across ${count(k.length, 'event')}, sources reported ${kl.text}.`, notes: kl.notes } : { text: 'No source reported a death toll for this period.', notes: [] });
    const d = displacedAll.filter((x) => x.used.length);
    const dl = d.length ? figureLine(sumRanges(d.map((x) => x.range)), 'displaced', 'total', 'people', d.flatMap((x) => x.used), notes, cur) : null;
    if (dl) headline.push({ text: `Reports also gave ${dl.text}.`, notes: dl.notes });
  }

  // Key figures: each kind in all, killed also by category, displaced households/families apart.
  const key_figures: KeyFigure[] = [];
  const pushKey = (kind: ClaimKind, category: VictimCategory, unit: string, parts: { range: Range; used: Cited[] }[]) => {
    const withData = parts.filter((x) => x.used.length);
    if (!withData.length) return;
    const range = sumRanges(withData.map((x) => x.range));
    const line = figureLine(range, kind, category, unit, withData.flatMap((x) => x.used), notes, cur);
    if (line) key_figures.push({ ...line, text: cap(line.text), kind, category, range, value: formatRange(range)! });
  };
  for (const kind of KINDS) {
    pushKey(kind, 'total', 'people', list.map((i) => incidentTotal(i, kind, 'people')));
    if (kind === 'killed') for (const c of CATEGORIES) pushKey(kind, c, 'people', list.map((i) => incidentCategory(i, kind, c)));
    if (kind === 'displaced') for (const unit of ['families', 'households']) pushKey(kind, 'total', unit, list.map((i) => incidentTotal(i, kind, unit)));
  }

  // Main events in order, with their figures and the extractor's notes cited to the report they come from.
  const events: ReportEvent[] = list.slice(0, MAIN_EVENTS).map((inc) => {
    const e = inc.m.event;
    const killed = incidentTotal(inc, 'killed', 'people');
    const injured = incidentTotal(inc, 'injured', 'people');
    const parts = [`${e.event_date ?? 'Undated'} — ${e.sub_event_type} in ${where(e)}${e.actor1 ? `: ${e.actor1}${e.actor2 ? ` and ${e.actor2}` : ''}` : ''}.`];
    const ns: number[] = [];
    for (const [x, kind] of [[killed, 'killed'], [injured, 'injured']] as const) {
      const l = figureLine(x.range, kind, 'total', 'people', x.used, notes, cur);
      if (l) {
        parts.push(`${cap(l.text)}.`);
        ns.push(...l.notes);
      }
    }
    if (!killed.used.length) parts.push('No source gave a death toll.');
    parts.push(`${count(inc.members.length, 'report')} from ${count(inc.m.sources_independent, 'independent source')}.`);
    const rep = inc.members.find((r) => r.event.notes === e.notes && r.event.location === e.location) ?? inc.members[0]!;
    const article = cur.articles.get(Number(rep.article_id))!;
    const noteN = e.notes ? notes.article(article) : null;
    return {
      id: inc.m.id, date: e.event_date, event_type: e.event_type, sub_event_type: e.sub_event_type, admin1: e.admin1, location: e.location,
      latitude: e.latitude, longitude: e.longitude, actor1: e.actor1, actor2: e.actor2, killed: killed.range, reports: inc.members.length,
      independent_sources: inc.m.independent_sources, notes_text: e.notes ? `${e.notes} ${markers([noteN!])}` : '',
      stored_events: [...new Set(inc.members.map((r) => cur.storedEvent.get(r.id)!))].sort(),
      text: parts.join(' '), notes: noteN ? [...ns, noteN] : ns,
    };
  });

  // Changes of territorial control, cited to the earliest report of each.
  const territory: Line[] = [];
  for (const inc of list) {
    const e = inc.m.event;
    const s = controlSentence(e.sub_event_type, e.actor1, e.actor2, where(e));
    if (!s) continue;
    const first = inc.members[0]!;
    const a = cur.articles.get(Number(first.article_id))!;
    const n = notes.article(a);
    territory.push({ text: `${e.event_date ?? 'Undated'}: ${s}, according to ${a.outlet ?? 'one report'} ${markers([n])}.`, notes: [n] });
  }

  // Contradictions, stated side by side without judging which source is right.
  const contradictions: Line[] = [];
  const seen = new Set<string>();
  for (const inc of list) {
    for (const c of inc.m.contradictions) {
      const ca = inc.cited.find((x) => x.report.id === c.a.report && x.claim.span.start === c.a.span.start);
      if (!ca) continue;
      const na = notes.claim(ca.claim, ca.claimId, cur.articles.get(Number(ca.report.article_id))!);
      const va = `${sourceLabel(ca.claim.source.name, ca.report.outlet)} reports ${figurePhrase(formatRange(ca.claim)!, ca.claim.kind, ca.claim.victims.category, ca.claim.unit)} ${markers([na])}`;
      let vb: string | null = null;
      let nb: number | null = null;
      if (c.reason === 'denial') {
        const rb = inc.members.find((r) => r.id === c.b.report)!;
        nb = notes.article(cur.articles.get(Number(rb.article_id))!, c.b.source, c.b.span);
        vb = `${c.b.source} denies ${casualtyWords(c.category)} ${markers([nb])}`;
      } else {
        const cb = inc.cited.find((x) => x.report.id === c.b.report && x.claim.span.start === c.b.span.start);
        if (!cb) continue;
        nb = notes.claim(cb.claim, cb.claimId, cur.articles.get(Number(cb.report.article_id))!);
        vb = `${sourceLabel(cb.claim.source.name, cb.report.outlet)} reports ${figurePhrase(formatRange(cb.claim)!, cb.claim.kind, cb.claim.victims.category, cb.claim.unit)} ${markers([nb])}`;
      }
      // Copies of one story repeat the same denial: one line per figure and denying source.
      const key = `${na}|${c.reason === 'denial' ? c.b.source : nb}`;
      if (seen.has(key)) continue;
      seen.add(key);
      contradictions.push({ text: `${inc.m.event.event_date ?? 'Undated'}, ${inc.m.event.sub_event_type} in ${where(inc.m.event)}: ${va}; ${vb}.`, notes: [na, nb] });
    }
  }

  // Comparison with the previous period of the same length.
  const current = periodTotals(q.from, q.to, list, notes, cur);
  const previous = periodTotals(prevP.from, prevP.to, prevList, notes, prev);
  const cmp: Line[] = [
    { text: `${cap(count(current.events, 'event'))} ${fmtPeriod(q.from, q.to)}, against ${count(previous.events, 'event')} in the previous period of the same length (${prevP.from} to ${prevP.to}).`, notes: [] },
  ];
  const kv = formatRange(current.killed);
  const pv = formatRange(previous.killed);
  cmp.push({
    text: `Reported deaths: ${kv ? `${figurePhrase(kv, 'killed', 'total')} ${markers(current.killed_notes)}` : 'none reported'} in this period; ${pv ? `${figurePhrase(pv, 'killed', 'total')} ${markers(previous.killed_notes)}` : 'none reported'} in the previous one.`,
    notes: [...new Set([...current.killed_notes, ...previous.killed_notes])],
  });
  const types = [...new Set([...Object.keys(current.by_type), ...Object.keys(previous.by_type)])].sort();
  if (types.length) cmp.push({ text: `By type (this period / previous): ${types.map((t) => `${t} ${current.by_type[t] ?? 0} / ${previous.by_type[t] ?? 0}`).join('; ')}.`, notes: [] });

  // Coverage caveats.
  const indep = [...new Set(list.flatMap((i) => i.m.independent_sources))].sort((a, b) => a.localeCompare(b));
  const withEvents = new Set(list.map((i) => i.m.event.admin1).filter(Boolean));
  const without = q.admin1 ? [] : admin1Areas(q.iso2).filter((a) => !withEvents.has(a));
  const coverageLines: Line[] = [
    { text: `This draft rests on ${count(cur.articles.size, 'report')} (${count(cur.storyGroups, 'distinct story', 'distinct stories')} once copies of one agency story are counted once) and ${count(indep.length, 'independent source')}${indep.length ? `: ${listOf(indep)}` : ''}.`, notes: [] },
  ];
  if (!empty) {
    const single = list.filter((i) => i.m.sources_independent <= 1).length;
    if (single) coverageLines.push({ text: `${cap(count(single, 'event'))} rest${single === 1 ? 's' : ''} on a single independent source.`, notes: [] });
    const noFig = list.filter((i) => !incidentTotal(i, 'killed', 'people').used.length).length;
    if (noFig) coverageLines.push({ text: `${cap(count(noFig, 'event'))} ha${noFig === 1 ? 's' : 've'} no reported death toll; a missing figure is not a zero.`, notes: [] });
    if (list.length > MAIN_EVENTS) coverageLines.push({ text: `Only the first ${MAIN_EVENTS} of ${list.length} events are listed above; the export holds all of them.`, notes: [] });
  }
  if (without.length) coverageLines.push({ text: `No events were recorded in ${count(without.length, 'province')}: ${listOf(without)}. Absence of reports is not absence of violence.`, notes: [] });

  const timeline: TimelineDay[] = [];
  for (let d = prevP.from; d <= q.to; d = addDays(d, 1)) {
    const inPrev = d < q.from;
    const day = (inPrev ? prevList : list).filter((i) => i.m.event.event_date === d);
    timeline.push({ day: d, events: day.length, killed_low: day.reduce((s, i) => s + (floorOf(incidentTotal(i, 'killed', 'people').range) ?? 0), 0), previous: inPrev });
  }

  return {
    query: q,
    title: `Situation report: ${area}, ${q.from === q.to ? q.from : `${q.from} to ${q.to}`}`,
    generated_from: 'Drafted by Sitrep from stored events and claims; every figure cites the claims it rests on.',
    empty,
    headline,
    key_figures,
    events,
    territory,
    contradictions,
    comparison: { current, previous, lines: cmp },
    coverage: { reports: cur.articles.size, story_groups: cur.storyGroups, independent_sources: indep, admin1_without_events: without, lines: coverageLines },
    timeline,
    footnotes: notes.list(),
  };
}

function countBy(xs: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
