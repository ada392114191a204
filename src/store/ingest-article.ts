import path from 'node:path';
import type { RawArticle, StageContext } from '../core/index.ts';
import { SitrepError } from '../core/index.ts';
import { decodeBytes } from '../ingest/decode.ts';
import { type FetchOptions, fetchUrl } from '../ingest/fetch-url.ts';
import { prepareArticle, type PrepareOptions } from '../ingest/prepare.ts';
import { type InputItem, PARSERS } from '../ingest/read-inputs.ts';
import { defaultPipeline } from '../pipeline.ts';
import type { Db } from './db.ts';
import { type StoreResult, storeDoc } from './store-doc.ts';

/** Outcome of ingesting one article: stored (with the store result) or failed with a code and message. */
export type IngestOutcome = ({ ok: true } & StoreResult & { input: string }) | { ok: false; input: string; code: string; message: string };

/** Run the pipeline on one raw article and store it with everything derived, in one transaction. */
export async function ingestArticle(db: Db, raw: RawArticle, ctx: StageContext, opts: PrepareOptions & { runId?: number | null } = {}): Promise<IngestOutcome> {
  const doc = defaultPipeline().run(prepareArticle(raw, opts), ctx);
  const err = doc.diagnostics.find((d) => d.severity === 'error');
  if (err) return { ok: false, input: raw.meta.input, code: err.code, message: err.message };
  try {
    return { ok: true, input: raw.meta.input, ...(await storeDoc(db, doc, { runId: opts.runId ?? null })) };
  } catch (e) {
    return { ok: false, input: raw.meta.input, code: 'SITREP_DB_FAILED', message: `${raw.meta.input}: ${(e as Error).message}` };
  }
}

/** The parser extension for a fetched body, from its Content-Type (HTML and feeds when their parsers are registered). */
function extFor(contentType: string | null, url: string): string {
  const ct = (contentType ?? '').toLowerCase();
  if (ct.includes('html') && PARSERS['.html']) return '.html';
  if ((ct.includes('rss') || ct.includes('atom') || ct.includes('xml')) && PARSERS['.xml']) return '.xml';
  if (ct.includes('json')) return '.json';
  const e = path.extname(new URL(url).pathname).toLowerCase();
  return PARSERS[e] ? e : '.txt';
}

/** Fetch a URL and parse it into articles whose `url` is the final address (after redirects). */
export async function readUrl(url: string, opts: FetchOptions = {}): Promise<InputItem[]> {
  try {
    const r = await fetchUrl(url, opts);
    if (!r.body) return [];
    const decoded = decodeBytes(r.body);
    const items = await PARSERS[extFor(r.contentType, r.url)]!(decoded.text, r.url);
    return items.map((it) => (it.ok ? { ok: true as const, article: { ...it.article, meta: { ...it.article.meta, url: it.article.meta.url ?? r.url, encoding: decoded.encoding } } } : it));
  } catch (e) {
    const code = e instanceof SitrepError ? e.code : 'SITREP_FETCH_FAILED';
    return [{ ok: false, input: url, diagnostic: { code, severity: 'error', message: (e as Error).message, stage: 'ingest' } }];
  }
}
