import type { RawArticle, StageContext } from '../core/index.ts';
import { contentId, SitrepError } from '../core/index.ts';
import { decodeBytes } from '../ingest/decode.ts';
import { looksLikeFeed, parseFeed } from '../ingest/feed.ts';
import { type FetchOptions, fetchUrl } from '../ingest/fetch-url.ts';
import type { InputItem } from '../ingest/read-inputs.ts';
import { type Db, ingestArticle, type Queryable, readUrl } from '../store/index.ts';
import { enqueueJobs } from './enqueue-jobs.ts';
import type { FeedRow } from './feeds.ts';
import { hostOf, type Job, type NewJob } from './job.ts';

/** What handlers share: the database, the pipeline context (gazetteer loaded once) and fetch limits. */
export interface HandlerContext {
  readonly db: Db;
  readonly stage: StageContext;
  readonly fetch: FetchOptions;
  /** Attempts given to page and article jobs a feed enqueues. */
  readonly maxAttempts: number;
}

/** A failure that waiting will not fix (a private address, a malformed URL): dead-lettered at once. */
export class PermanentJobError extends Error {}

const PERMANENT_CODES = new Set(['SITREP_FETCH_PRIVATE_ADDRESS', 'SITREP_FETCH_BAD_URL']);

/** Throw the failure of a fetch, permanent when its code says waiting will not help. */
function rethrow(code: string, message: string): never {
  if (PERMANENT_CODES.has(code)) throw new PermanentJobError(`${code} ${message}`);
  throw new Error(`${code} ${message}`);
}

/**
 * Run one job. Every handler is idempotent: what it writes is keyed (jobs by key, articles by content hash
 * and URL), so a job run twice — its worker was killed after the work but before marking it done — changes
 * nothing the second time. Throws to fail the job; returns the result recorded on it.
 */
export async function handleJob(job: Job, ctx: HandlerContext): Promise<unknown> {
  if (job.kind === 'feed') return handleFeed(job, ctx);
  if (job.kind === 'page') return handlePage(job, ctx);
  return handleArticle(job, ctx);
}

/** The job that brings one feed item in: its own text when the feed carries the body, else its page. */
function itemJob(a: RawArticle, feed: { id: number | null; outlet: string | null }, ctx: HandlerContext, since: string | null): NewJob {
  const url = a.meta.url ?? null;
  // rss-parser's teaser-only items carry this warning; their body is on the linked page.
  const teaser = (a.diagnostics ?? []).some((d) => d.code === 'SITREP_INGEST_FEED_ITEM_NO_BODY');
  if (teaser && url && hostOf(url)) {
    return { kind: 'page', key: `page:${url}`, host: hostOf(url), feedId: feed.id, maxAttempts: ctx.maxAttempts, payload: { url, outlet: feed.outlet, title: a.meta.title ?? null, published: a.meta.published ?? null, since } };
  }
  return articleJob(a, feed, ctx, since);
}

/** An extract-and-store job for one article; keyed by URL and text, so a corrected text is a new job. */
function articleJob(a: RawArticle, feed: { id: number | null; outlet: string | null }, ctx: HandlerContext, since: string | null): NewJob {
  return { kind: 'article', key: `article:${contentId(`${a.meta.url ?? ''}\n${a.text}`)}`, feedId: feed.id, maxAttempts: ctx.maxAttempts, payload: { article: a, outlet: feed.outlet, since } };
}

/** Fetch a feed with a conditional GET and enqueue its items; the feed row records what happened. */
async function handleFeed(job: Job, ctx: HandlerContext): Promise<unknown> {
  const { rows } = await ctx.db.query<FeedRow & { since: string }>('SELECT *, now()::text AS since FROM feeds WHERE id = $1', [job.feedId]);
  const feed = rows[0];
  if (!feed) return { skipped: 'feed removed' };
  let r: Awaited<ReturnType<typeof fetchUrl>>;
  try {
    r = await fetchUrl(feed.url, { ...ctx.fetch, etag: feed.etag, lastModified: feed.last_modified });
  } catch (e) {
    rethrow(e instanceof SitrepError ? e.code : 'SITREP_FETCH_FAILED', (e as Error).message);
  }
  const ok = (status: string, error: string | null, items: number, tx: Queryable = ctx.db) =>
    tx.query(
      `UPDATE feeds SET last_fetch_at = now(), last_ok_at = now(), last_status = $2, last_error = $3, failures = 0,
         etag = coalesce($4, etag), last_modified = coalesce($5, last_modified), items_seen = items_seen + $6, next_fetch_at = now() + every_s * interval '1 second' WHERE id = $1`,
      [feed.id, status, error, r.etag, r.lastModified, items],
    );
  if (r.notModified || !r.body) {
    await ok(String(r.status), null, 0);
    return { status: r.status, items: 0, enqueued: 0 };
  }
  const text = decodeBytes(r.body).text;
  // A 200 answer that is an HTML error page, JSON or random bytes is a failure of the feed, retried later.
  if (!looksLikeFeed(text)) throw new Error(`SITREP_INGEST_BAD_FEED ${feed.url}: not an RSS or Atom document (starts "${text.slice(0, 40).replace(/\s+/g, ' ')}")`);
  const items: InputItem[] = await parseFeed(text, feed.url);
  const good = items.filter((i) => i.ok);
  const bad = items.find((i) => !i.ok);
  if (!good.length) throw new Error(bad && !bad.ok ? `${bad.diagnostic.code} ${bad.diagnostic.message}` : `SITREP_INGEST_EMPTY ${feed.url}: no items`);
  const jobs = good.map((i) => itemJob(i.article, { id: feed.id, outlet: feed.outlet ?? i.article.meta.outlet ?? null }, ctx, feed.since));
  // A truncated feed keeps the items read before the break, and says so in the feed's last error.
  const warning = bad && !bad.ok ? `${bad.diagnostic.code} ${bad.diagnostic.message}` : null;
  const enqueued = await ctx.db.transaction(async (tx) => {
    const n = await enqueueJobs(tx, jobs);
    await ok(String(r.status), warning, good.length, tx);
    return n;
  });
  return { status: r.status, items: good.length, enqueued };
}

/** Fetch the page a teaser-only item links to and enqueue its article. */
async function handlePage(job: Job, ctx: HandlerContext): Promise<unknown> {
  const p = job.payload as { url: string; outlet: string | null; title: string | null; published: string | null; since: string | null };
  const items = await readUrl(p.url, ctx.fetch);
  const failed = items.find((i) => !i.ok);
  const good = items.filter((i) => i.ok);
  if (!good.length) {
    if (failed && !failed.ok) rethrow(failed.diagnostic.code, failed.diagnostic.message);
    throw new Error(`SITREP_INGEST_EMPTY ${p.url}: no article on the page`);
  }
  const jobs = good.map((i) => {
    const a = i.article;
    // The feed's title and date stand in for what the page does not say.
    const withMeta: RawArticle = { ...a, meta: { ...a.meta, title: a.meta.title ?? p.title, published: a.meta.published ?? p.published } };
    return articleJob(withMeta, { id: job.feedId, outlet: p.outlet ?? a.meta.outlet ?? null }, ctx, p.since);
  });
  return { articles: good.length, enqueued: await enqueueJobs(ctx.db, jobs) };
}

/**
 * Extract and store one article; storing also merges it into events in the same transaction, so an article
 * is never stored without its events. A pipeline refusal (not English, no text) is a result, not a failure.
 */
async function handleArticle(job: Job, ctx: HandlerContext): Promise<unknown> {
  const p = job.payload as { article: RawArticle; outlet: string | null };
  const out = await ingestArticle(ctx.db, p.article, ctx.stage, { outlet: p.outlet ?? null });
  if (!out.ok) {
    if (out.code === 'SITREP_DB_FAILED') throw new Error(`${out.code} ${out.message}`);
    return { rejected: out.code, message: out.message };
  }
  return { status: out.status, article_id: out.articleId, claims: out.claims, events: out.events };
}

/** Record a failed feed fetch on the feed: one more consecutive failure, and dead-lettered when its job died. */
export async function recordFeedFailure(q: Queryable, feedId: number, error: string, dead: boolean): Promise<void> {
  await q.query(`UPDATE feeds SET last_fetch_at = now(), last_status = 'error', last_error = $2, failures = failures + 1, dead = dead OR $3 WHERE id = $1`, [feedId, error, dead]);
}
