import type { Claim, ClaimKind, VictimCategory } from '../core/index.ts';
import type { Denial, Report } from '../merge/index.ts';
import { type Queryable, type Row, rowToClaim, rowToEvent } from '../store/index.ts';
import type { ReportQuery } from './types.ts';

/** A stored article as the report cites it. */
export interface ArticleInfo {
  readonly id: number;
  readonly url: string | null;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly text: string;
}

/** Everything the report reads from the store for one period, rebuilt as merge `Report`s. */
export interface LoadedPeriod {
  readonly reports: readonly Report[];
  readonly articles: ReadonlyMap<number, ArticleInfo>;
  /** Each rebuilt claim → its stored row id (the footnote target). */
  readonly claimIds: ReadonlyMap<Claim, number>;
  /** Report id → the stored merged event it belongs to. */
  readonly storedEvent: ReadonlyMap<string, string>;
  readonly storyGroups: number;
}

/**
 * Read the stored events of a period (rejected ones left out) with their member reports, claims, denials and
 * articles, and rebuild them as merge `Report`s so the report can use the merge stage's per-source figures and
 * contradictions. The grouping is the store's (`storedEvent`), and so are the story groups found at ingest, so
 * "three outlets carrying one AFP story" count as one story.
 */
export async function loadPeriod(db: Queryable, q: ReportQuery, from: string, to: string): Promise<LoadedPeriod> {
  const params: unknown[] = [from, to, q.country, q.numeric];
  let where = `e.event_date >= $1::date AND e.event_date <= $2::date AND (e.country = $3 OR e.iso = $4) AND e.review_status <> 'rejected'`;
  if (q.admin1) where += ` AND e.admin1 = $${params.push(q.admin1)}`;
  const { rows: xs } = await db.query(
    `SELECT e.id AS stored_event, x.sitrep_id, x.article_id, x.idx, x.event_type, x.sub_event_type, x.disorder_type, x.actor1, x.assoc_actor_1, x.inter1,
       x.actor2, x.assoc_actor_2, x.inter2, x.interaction, x.civilian_targeting, to_char(x.event_date, 'YYYY-MM-DD') AS event_date, x.time_precision,
       x.country, x.iso, x.admin1, x.admin2, x.location, x.latitude, x.longitude, x.geo_precision, x.fatalities, x.fatalities_low, x.fatalities_best,
       x.fatalities_high, x.claim_idx, x.sources, x.notes, x.evidence, x.sentence, x.confidence, x.rule
     FROM events e JOIN event_members m ON m.event_id = e.id JOIN extracted_events x ON x.id = m.extracted_event_id
     WHERE ${where} ORDER BY x.article_id, x.idx`,
    params,
  );
  const ids = [...new Set(xs.map((x) => Number(x.article_id)))];
  const articles = new Map<number, ArticleInfo & { credit: string | null; mentions: Row[] }>();
  const group = new Map<number, string>();
  const claimsOf = new Map<number, Row[]>();
  if (ids.length) {
    const { rows } = await db.query(
      `SELECT a.id, a.url, a.title, o.name AS outlet, a.credit, a.published, a.text, coalesce(a.annotations->'mentions', '[]'::jsonb) AS mentions,
         coalesce(s.story_group, a.id::text) AS story_group
       FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN article_syndication s ON s.article_id = a.id WHERE a.id = ANY($1::bigint[]) ORDER BY a.published NULLS LAST, a.id`,
      [ids],
    );
    for (const a of rows) articles.set(Number(a.id), { id: Number(a.id), url: (a.url as string) ?? null, title: (a.title as string) ?? null, outlet: (a.outlet as string) ?? null, credit: (a.credit as string) ?? null, published: (a.published as string) ?? null, text: String(a.text), mentions: (a.mentions as Row[]) ?? [] });
    for (const a of rows) group.set(Number(a.id), String(a.story_group));
    const cs = await db.query('SELECT * FROM claims WHERE article_id = ANY($1::bigint[]) ORDER BY article_id, idx', [ids]);
    for (const c of cs.rows) claimsOf.set(Number(c.article_id), [...(claimsOf.get(Number(c.article_id)) ?? []), c]);
  }
  const claimIds = new Map<Claim, number>();
  const claimObj = new Map<number, Claim>();
  const storedEvent = new Map<string, string>();
  const reports: Report[] = [];
  for (const x of xs) {
    const aid = Number(x.article_id);
    const a = articles.get(aid);
    if (!a) continue;
    const rows = claimsOf.get(aid) ?? [];
    const claims: Claim[] = [];
    for (const i of (x.claim_idx as number[]) ?? []) {
      const row = rows.find((r) => Number(r.idx) === Number(i));
      if (!row) continue;
      const id = Number(row.id);
      if (!claimObj.has(id)) {
        const c = rowToClaim(row);
        claimObj.set(id, c);
        claimIds.set(c, id);
      }
      claims.push(claimObj.get(id)!);
    }
    // Denials answer the article's main event (the first one), as the merge stage assigns them.
    const denials: Denial[] =
      Number(x.idx) === 0
        ? a.mentions.filter((m) => m.rule === 'denial' && m.value).map((m) => ({ source: String(m.value), kind: (m.data as Row)?.kind as ClaimKind, category: (m.data as Row)?.category as VictimCategory, span: m.span as { start: number; end: number } }))
        : [];
    const id = String(x.sitrep_id);
    storedEvent.set(id, String(x.stored_event));
    reports.push({ id, article_id: String(aid), url: a.url, outlet: a.outlet, story_group: group.get(aid)!, published: a.published, event: rowToEvent(x), claims, denials });
  }
  return { reports, articles, claimIds, storedEvent, storyGroups: new Set(group.values()).size };
}
