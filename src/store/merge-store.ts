import type { Claim, ClaimKind, SitrepEvent, VictimCategory } from '../core/index.ts';
import { SitrepError, stableId } from '../core/index.ts';
import {
  AGENCY_WINDOW, bandKeys, type ClusterSummary, containment, DEFAULT_POLICY, type Denial, mergeFigures, minhash, type Report,
  reportOrder, reportWindow, scoreReport, shingles, similarity, summarize,
} from '../merge/index.ts';
import { countryByName } from '../resolve/countries.ts';
import { loadSources, type SourceIndex } from '../resolve/sources.ts';
import type { Queryable, Row } from './db.ts';
import { json } from './insert-rows.ts';

/** Copies are compared at this MinHash similarity, credited rewrites at this containment (as `syndicationIndex()`). */
const COPY_SIMILARITY = 0.5;
const CREDIT_CONTAINMENT = 0.3;

let sourceIndex: SourceIndex | null = null;
/** The agency a credit or an outlet names ("AFP" → "Agence France-Presse"), as the source dictionary spells it. */
function agencyName(name: string): string {
  sourceIndex ??= loadSources();
  return sourceIndex.lookup(name)?.name ?? name;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** A stored claim row as the merge stage's `Claim`. */
export function rowToClaim(r: Row): Claim {
  return {
    kind: r.kind as ClaimKind,
    low: num(r.low),
    best: num(r.best),
    high: num(r.high),
    hedge: (r.hedge as string) ?? null,
    unit: r.unit as Claim['unit'],
    victims: { category: r.victim_category as VictimCategory, actor: (r.victim_actor as string) ?? null },
    perpetrator: (r.perpetrator as string) ?? null,
    source: { name: (r.source_name as string) ?? null, kind: (r.source_kind as string) ?? null, chain: (r.source_chain as string[]) ?? [], span: (r.source_span as never) ?? null, rule: String(r.source_rule ?? '') },
    background: !!r.background,
    span: { start: Number(r.span_start), end: Number(r.span_end) },
    also: (r.also as never) ?? [],
    sentence: Number(r.sentence),
    part_of: num(r.part_of),
    share: (r.share as never) ?? null,
    rule: String(r.rule),
  };
}

/** A stored extracted-event row (with `event_date` as text) as the merge stage's `SitrepEvent`. */
export function rowToEvent(x: Row): SitrepEvent {
  const s = (k: string) => (x[k] as string | null) ?? null;
  return {
    event_type: String(x.event_type), sub_event_type: String(x.sub_event_type), disorder_type: String(x.disorder_type),
    actor1: s('actor1'), assoc_actor_1: s('assoc_actor_1'), inter1: s('inter1'), actor2: s('actor2'), assoc_actor_2: s('assoc_actor_2'), inter2: s('inter2'),
    interaction: s('interaction'), civilian_targeting: s('civilian_targeting'), event_date: s('event_date'), time_precision: num(x.time_precision) as SitrepEvent['time_precision'],
    country: s('country'), iso: s('iso'), admin1: s('admin1'), admin2: s('admin2'), location: s('location'), latitude: num(x.latitude), longitude: num(x.longitude),
    geo_precision: num(x.geo_precision) as SitrepEvent['geo_precision'], fatalities: Number(x.fatalities ?? 0),
    fatalities_range: { low: num(x.fatalities_low), best: num(x.fatalities_best), high: num(x.fatalities_high) },
    claims: (x.claim_idx as number[]) ?? [], sources: (x.sources as string[]) ?? [], notes: String(x.notes ?? ''), evidence: (x.evidence as never) ?? [],
    sentence: Number(x.sentence ?? 0), confidence: Number(x.confidence ?? 0), rule: String(x.rule ?? ''),
  };
}

/** Stored reports with what the store knows beside them: the merged event, the article row id and text, claim row ids. */
export interface StoredReport {
  readonly report: Report;
  readonly extractedId: number;
  readonly eventId: string | null;
  readonly articleId: number;
  readonly text: string;
  readonly claimIds: readonly number[];
}

/**
 * Rebuild merge `Report`s from the store: the extracted events selected by `where` (over `x` extracted_events,
 * `m` event_members), with their claims, story group and, for an article's first event, its denials — a denial
 * answers what the article is about, as `reportsOf` assigns it.
 */
export async function loadReports(tx: Queryable, where: string, params: readonly unknown[]): Promise<StoredReport[]> {
  const { rows } = await tx.query(
    `SELECT x.id AS xid, m.event_id, x.sitrep_id, x.article_id, x.idx, x.event_type, x.sub_event_type, x.disorder_type, x.actor1, x.assoc_actor_1, x.inter1,
       x.actor2, x.assoc_actor_2, x.inter2, x.interaction, x.civilian_targeting, to_char(x.event_date, 'YYYY-MM-DD') AS event_date, x.time_precision,
       x.country, x.iso, x.admin1, x.admin2, x.location, x.latitude, x.longitude, x.geo_precision, x.fatalities, x.fatalities_low, x.fatalities_best,
       x.fatalities_high, x.claim_idx, x.sources, x.notes, x.evidence, x.sentence, x.confidence, x.rule,
       a.url, o.name AS outlet, a.published, a.text, coalesce(s.story_group, a.id::text) AS story_group,
       CASE WHEN x.idx = 0 THEN (SELECT coalesce(jsonb_agg(mm), '[]'::jsonb) FROM jsonb_array_elements(coalesce(a.annotations->'mentions', '[]'::jsonb)) mm WHERE mm->>'rule' = 'denial') ELSE '[]'::jsonb END AS denials
     FROM extracted_events x JOIN articles a ON a.id = x.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
     LEFT JOIN article_syndication s ON s.article_id = a.id LEFT JOIN event_members m ON m.extracted_event_id = x.id
     WHERE ${where} ORDER BY x.article_id, x.idx`,
    params,
  );
  const articleIds = [...new Set(rows.map((r) => Number(r.article_id)))];
  const claimRows = new Map<string, Row>();
  if (articleIds.length) {
    const cs = await tx.query('SELECT * FROM claims WHERE article_id = ANY($1::bigint[])', [articleIds]);
    for (const c of cs.rows) claimRows.set(`${c.article_id}|${c.idx}`, c);
  }
  return rows.map((x) => {
    const aid = Number(x.article_id);
    const picked = ((x.claim_idx as number[]) ?? []).map((i) => claimRows.get(`${aid}|${i}`)).filter((c): c is Row => !!c);
    const denials: Denial[] = ((x.denials as Row[]) ?? [])
      .filter((m) => m.value)
      .map((m) => ({ source: String(m.value), kind: (m.data as Row)?.kind as ClaimKind, category: (m.data as Row)?.category as VictimCategory, span: m.span as { start: number; end: number } }));
    const report: Report = {
      id: String(x.sitrep_id), article_id: String(aid), url: (x.url as string) ?? null, outlet: (x.outlet as string) ?? null, story_group: String(x.story_group),
      published: (x.published as string) ?? null, event: rowToEvent(x), claims: picked.map(rowToClaim), denials,
    };
    return { report, extractedId: Number(x.xid), eventId: (x.event_id as string) ?? null, articleId: aid, text: String(x.text), claimIds: picked.map((c) => Number(c.id)) };
  });
}

/**
 * Find an article's story group among stored articles and persist its signature and LSH band keys: a copy
 * (MinHash similarity ≥ 0.5 with an LSH candidate) or a credited rewrite ("(AFP)", "Source: Reuters": ≥ 30% of
 * its shingles in one of the agency's last 200 stories) joins that story's group; otherwise it founds its own.
 */
export async function assignStoryGroup(tx: Queryable, articleId: number): Promise<string> {
  const art = (await tx.query<{ text: string; credit: string | null; outlet: string | null }>('SELECT a.text, a.credit, o.name AS outlet FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = $1', [articleId])).rows[0];
  if (!art) throw new SitrepError('SITREP_DB_FAILED', `article ${articleId} not found`);
  await tx.query('DELETE FROM article_bands WHERE article_id = $1', [articleId]);
  await tx.query('DELETE FROM article_syndication WHERE article_id = $1', [articleId]);
  const sh = shingles(art.text);
  const sig = minhash(sh);
  const keys = bandKeys(sig);
  let best: { group: string; sim: number; id: number } | null = null;
  const better = (group: string, sim: number, id: number) => !best || sim > best.sim || (sim === best.sim && id < best.id);
  const cands = await tx.query<{ article_id: number; signature: number[]; story_group: string }>(
    `SELECT DISTINCT s.article_id, s.signature, s.story_group FROM article_bands b JOIN article_syndication s ON s.article_id = b.article_id
     WHERE b.band_key = ANY($1::text[]) AND b.article_id <> $2`,
    [keys, articleId],
  );
  for (const c of cands.rows) {
    const s = similarity(sig, Uint32Array.from(c.signature));
    if (s >= COPY_SIMILARITY && better(c.story_group, s, Number(c.article_id))) best = { group: c.story_group, sim: s, id: Number(c.article_id) };
  }
  // The agency this text belongs to: its credit, or the outlet itself when it is the agency's own wire.
  const agency = art.credit ? agencyName(art.credit) : art.outlet ? agencyName(art.outlet) : null;
  if (!best && agency) {
    const same = await tx.query<{ article_id: number; shingles: number[]; story_group: string; credited: boolean }>(
      'SELECT article_id, shingles, story_group, credited FROM article_syndication WHERE agency = $1 AND article_id <> $2 ORDER BY article_id DESC LIMIT $3',
      [agency, articleId, AGENCY_WINDOW],
    );
    for (const o of same.rows) {
      if (!art.credit && !o.credited) continue;
      const c = containment(sh, new Set(o.shingles));
      if (c >= CREDIT_CONTAINMENT && better(o.story_group, c, Number(o.article_id))) best = { group: o.story_group, sim: c, id: Number(o.article_id) };
    }
  }
  const group = (best as { group: string } | null)?.group ?? String(articleId);
  await tx.query('INSERT INTO article_syndication (article_id, story_group, signature, shingles, agency, credited) VALUES ($1, $2, $3, $4, $5, $6)', [
    articleId, group, JSON.stringify([...sig]), JSON.stringify([...sh]), agency, !!art.credit,
  ]);
  await tx.query(`INSERT INTO article_bands (band_key, article_id) SELECT k, $2 FROM unnest($1::text[]) AS k ON CONFLICT DO NOTHING`, [keys, articleId]);
  return group;
}

/** Analyst decisions touching some reports: for each report, the reports it must not / must share an event with. */
async function decisionsFor(tx: Queryable, ids: readonly string[]): Promise<{ cannot: Map<string, Set<string>>; must: Map<string, Set<string>> }> {
  const cannot = new Map<string, Set<string>>();
  const must = new Map<string, Set<string>>();
  if (!ids.length) return { cannot, must };
  const { rows } = await tx.query<{ kind: string; a: string; b: string }>('SELECT kind, a, b FROM merge_decisions WHERE a = ANY($1::text[]) OR b = ANY($1::text[])', [ids]);
  for (const r of rows) {
    const m = r.kind === 'cannot' ? cannot : must;
    for (const [x, y] of [[r.a, r.b], [r.b, r.a]] as const) {
      if (!m.has(x)) m.set(x, new Set());
      m.get(x)!.add(y);
    }
  }
  return { cannot, must };
}

/** Candidate events for a report by blocking: same country (or both unknown), overlapping date windows. */
async function candidates(tx: Queryable, r: Report): Promise<ClusterSummary[]> {
  const w = reportWindow(r, DEFAULT_POLICY);
  if (!w) return [];
  const { rows } = await tx.query(
    `SELECT g.*, coalesce((SELECT jsonb_agg(x.sitrep_id) FROM event_members m JOIN extracted_events x ON x.id = m.extracted_event_id WHERE m.event_id = g.event_id), '[]'::jsonb) AS members
     FROM event_merge g WHERE g.country IS NOT DISTINCT FROM $1 AND g.lo <= $3 AND g.hi >= $2 ORDER BY g.event_id`,
    [r.event.country, w[0], w[1]],
  );
  return rows.map((g) => ({
    id: String(g.event_id), members: (g.members as string[]) ?? [], eventType: String(g.event_type), subType: String(g.sub_event_type), country: (g.country as string) ?? null,
    admin1: (g.admin1 as string) ?? null, lo: num(g.lo), hi: num(g.hi), first: num(g.first_day), last: num(g.last_day), slack: Number(g.slack ?? 0), lat: num(g.lat), lon: num(g.lon), geoPrecision: Number(g.geo_precision) as 1 | 2 | 3,
    actors: new Set((g.actors as string[]) ?? []), civilian: !!g.civilian,
  }));
}

/** Create an empty merged event row for a report (its fields are filled by `recomputeEvents`); keeps an existing row. */
async function foundEvent(tx: Queryable, id: string, r: Report): Promise<void> {
  await tx.query(
    `INSERT INTO events (id, sort_key, event_type, sub_event_type, disorder_type) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
    [id, `0000-00-00 ${id}`, r.event.event_type, r.event.sub_event_type, r.event.disorder_type],
  );
}

/**
 * Assign some stored reports (extracted events without a merged event) to merged events, one at a time in
 * report order: an analyst's must-link wins; otherwise the best-scoring candidate event found by blocking
 * (country × date window, read from `event_merge`) at or above the threshold, never one holding a report the
 * analyst split away from it; otherwise a new event whose id derives from the report. Returns touched event ids.
 */
export async function assignReports(tx: Queryable, reports: readonly StoredReport[]): Promise<Set<string>> {
  const touched = new Set<string>();
  const { cannot, must } = await decisionsFor(tx, reports.map((s) => s.report.id));
  for (const s of [...reports].sort((a, b) => reportOrder(a.report, b.report))) {
    const r = s.report;
    let target: string | null = null;
    let rule = 'merge.cluster';
    const partners = [...(must.get(r.id) ?? [])];
    if (partners.length) {
      const { rows } = await tx.query<{ event_id: string }>(
        'SELECT m.event_id FROM event_members m JOIN extracted_events x ON x.id = m.extracted_event_id WHERE x.sitrep_id = ANY($1::text[]) ORDER BY m.event_id LIMIT 1',
        [partners],
      );
      if (rows[0]) {
        target = rows[0].event_id;
        rule = 'merge.must-link';
      }
    }
    if (!target) {
      let best = Number.NEGATIVE_INFINITY;
      for (const c of await candidates(tx, r)) {
        const score = scoreReport(r, c, DEFAULT_POLICY, cannot.get(r.id));
        if (score >= DEFAULT_POLICY.threshold && score > best) {
          best = score;
          target = c.id;
        }
      }
    }
    if (!target) {
      target = stableId('evt', r.id);
      rule = 'merge.found';
      await foundEvent(tx, target, r);
    }
    await tx.query('INSERT INTO event_members (event_id, extracted_event_id, rule) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [target, s.extractedId, rule]);
    // The summary must include this report before the article's next report is scored.
    const renamed = await recomputeEvents(tx, [target]);
    touched.add(renamed.get(target) ?? target);
  }
  return touched;
}

/** Sources most thorough first (cited by more reports), then most recent. */
function rankNames(items: readonly { name: string; published: string | null }[]): string[] {
  const stat = new Map<string, { n: number; last: string }>();
  for (const { name, published } of items) {
    const s = stat.get(name) ?? { n: 0, last: '' };
    s.n++;
    if ((published ?? '') > s.last) s.last = published ?? '';
    stat.set(name, s);
  }
  return [...stat].sort((a, b) => b[1].n - a[1].n || b[1].last.localeCompare(a[1].last) || a[0].localeCompare(b[0])).map(([n]) => n);
}

/** Only a full `YYYY-MM-DD` goes into a date column. */
const validDate = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

/** True when a reviewer or analyst has touched the event: its id is then frozen. */
async function frozen(tx: Queryable, id: string): Promise<boolean> {
  const { rows } = await tx.query(
    `SELECT 1 FROM events e WHERE e.id = $1 AND (e.review_status <> 'pending' OR e.overrides <> '{}'::jsonb OR EXISTS (SELECT 1 FROM audit_log l WHERE l.event_id = e.id))`,
    [id],
  );
  return rows.length > 0;
}

/**
 * Recompute merged events from their member reports: the clustering summary, `mergeFigures` (per-source figures
 * with their history, independent sources, contradictions with both spans' text, the fatalities range), the
 * ACLED fields (region, numeric iso, event_id_cnty given once per country), links to claims and articles, then
 * reviewer overrides on top. An event left without members is deleted. An untouched event whose earliest
 * report changed (an earlier-published article arrived later) takes that report's id, so the ids do not depend
 * on ingest order; once reviewed, split or merged, an id never changes. Returns renamed ids (old → new).
 */
export async function recomputeEvents(tx: Queryable, ids: Iterable<string>): Promise<Map<string, string>> {
  const renamed = new Map<string, string>();
  for (let id of new Set(ids)) {
    const stored = await loadReports(tx, 'm.event_id = $1', [id]);
    if (!stored.length) {
      await tx.query('DELETE FROM events WHERE id = $1', [id]);
      continue;
    }
    const reports = stored.map((s) => s.report).sort(reportOrder);
    const canonical = stableId('evt', reports[0]!.id);
    if (canonical !== id && !(await frozen(tx, id)) && !(await tx.query('SELECT 1 FROM events WHERE id = $1', [canonical])).rows.length) {
      await tx.query(
        `INSERT INTO events (id, sort_key, event_type, sub_event_type, disorder_type, event_id_cnty, created_at)
         SELECT $2, '0000-00-00 ' || $2, event_type, sub_event_type, disorder_type, event_id_cnty, created_at FROM events WHERE id = $1`,
        [id, canonical],
      );
      await tx.query('UPDATE event_members SET event_id = $2 WHERE event_id = $1', [id, canonical]);
      await tx.query('DELETE FROM events WHERE id = $1', [id]);
      renamed.set(id, canonical);
      id = canonical;
    }
    const m = mergeFigures(id, reports);
    const summary = summarize(id, reports, DEFAULT_POLICY)!;
    const byReport = new Map(stored.map((s) => [s.report.id, s]));
    const slice = (report: string, span: { start: number; end: number } | null) => {
      const s = byReport.get(report);
      return s && span ? s.text.slice(span.start, span.end) : null;
    };
    const figures = m.figures.map((f) => ({ ...f, article_id: byReport.get(f.report)?.articleId ?? null, text: slice(f.report, f.span) }));
    const contradictions = m.contradictions.map((c) => ({
      ...c,
      a: { ...c.a, article_id: byReport.get(c.a.report)?.articleId ?? null, text: slice(c.a.report, c.a.span) },
      b: { ...c.b, article_id: byReport.get(c.b.report)?.articleId ?? null, text: slice(c.b.report, c.b.span) },
    }));
    // ACLED's `source`: cited sources, then outlets — most thorough (more reports) first, then most recent.
    const sources = rankNames(reports.flatMap((r) => r.event.sources.map((name) => ({ name, published: r.published }))));
    const outlets = rankNames(reports.filter((r) => r.outlet).map((r) => ({ name: r.outlet!, published: r.published })));
    const e = m.event;
    const country = e.country ? countryByName(e.country) : null;
    const latest = [...reports].reverse().find((r) => r.url);
    const fields = {
      event_type: e.event_type, sub_event_type: e.sub_event_type, disorder_type: e.disorder_type, actor1: e.actor1, assoc_actor_1: e.assoc_actor_1, inter1: e.inter1,
      actor2: e.actor2, assoc_actor_2: e.assoc_actor_2, inter2: e.inter2, interaction: e.interaction, civilian_targeting: e.civilian_targeting,
      event_date: validDate(e.event_date), time_precision: e.time_precision, country: e.country, iso: country?.numeric ?? e.iso, region: country?.region ?? null,
      admin1: e.admin1, admin2: e.admin2, location: e.location, latitude: e.latitude, longitude: e.longitude, geo_precision: e.geo_precision,
      fatalities: m.fatalities, fatalities_low: m.fatalities_range.low, fatalities_best: m.fatalities_range.best, fatalities_high: m.fatalities_range.high,
      sources, sources_independent: m.sources_independent, reports: reports.length, notes: e.notes, confidence: Math.max(...reports.map((r) => r.event.confidence)),
      evidence_url: latest?.url ?? null, sort_key: `${validDate(e.event_date) ?? '0000-00-00'} ${id}`,
    };
    const cols = Object.keys(fields);
    await tx.query(
      `UPDATE events e SET (${cols.join(', ')}) = (SELECT ${cols.map((c) => `r.${c}`).join(', ')} FROM jsonb_populate_record(e, $2::jsonb) r), updated_at = now() WHERE e.id = $1`,
      [id, JSON.stringify(fields)],
    );
    if (country) {
      const { rows } = await tx.query<{ event_id_cnty: string | null }>('SELECT event_id_cnty FROM events WHERE id = $1', [id]);
      if (!rows[0]?.event_id_cnty) {
        const seq = await tx.query<{ last: number }>(
          'INSERT INTO event_cnty_seq (iso3, last) VALUES ($1, 1) ON CONFLICT (iso3) DO UPDATE SET last = event_cnty_seq.last + 1 RETURNING last',
          [country.iso3],
        );
        await tx.query('UPDATE events SET event_id_cnty = $2 WHERE id = $1', [id, `${country.iso3}${seq.rows[0]!.last}`]);
      }
    }
    await tx.query(
      `INSERT INTO event_merge (event_id, event_type, sub_event_type, country, admin1, lo, hi, first_day, last_day, slack, lat, lon, geo_precision, actors, civilian, independent_sources, figures, contradictions, outlets)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       ON CONFLICT (event_id) DO UPDATE SET event_type = EXCLUDED.event_type, sub_event_type = EXCLUDED.sub_event_type, country = EXCLUDED.country, admin1 = EXCLUDED.admin1,
         lo = EXCLUDED.lo, hi = EXCLUDED.hi, first_day = EXCLUDED.first_day, last_day = EXCLUDED.last_day, slack = EXCLUDED.slack, lat = EXCLUDED.lat, lon = EXCLUDED.lon, geo_precision = EXCLUDED.geo_precision, actors = EXCLUDED.actors, civilian = EXCLUDED.civilian,
         independent_sources = EXCLUDED.independent_sources, figures = EXCLUDED.figures, contradictions = EXCLUDED.contradictions, outlets = EXCLUDED.outlets`,
      [
        id, summary.eventType, summary.subType, summary.country, summary.admin1, summary.lo, summary.hi, summary.first, summary.last, summary.slack, summary.lat, summary.lon, summary.geoPrecision, json([...summary.actors].sort()),
        summary.civilian, json(m.independent_sources), json(figures), json(contradictions), json(outlets),
      ],
    );
    await tx.query('DELETE FROM event_claims WHERE event_id = $1', [id]);
    const claimIds = [...new Set(stored.flatMap((s) => s.claimIds))];
    if (claimIds.length) await tx.query('INSERT INTO event_claims (event_id, claim_id) SELECT $1, c FROM unnest($2::bigint[]) AS c ON CONFLICT DO NOTHING', [id, claimIds]);
    await tx.query('DELETE FROM event_articles WHERE event_id = $1', [id]);
    await tx.query('INSERT INTO event_articles (event_id, article_id) SELECT $1, a FROM unnest($2::bigint[]) AS a ON CONFLICT DO NOTHING', [id, [...new Set(stored.map((s) => s.articleId))]]);
  }
  return renamed;
}
