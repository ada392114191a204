import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleMeta } from '../core/index.ts';
import { htmlToText } from './html-text.ts';
import type { InputItem } from './read-inputs.ts';

/** Metadata a page declares about itself. */
export type HtmlMeta = Pick<ArticleMeta, 'title' | 'outlet' | 'url' | 'published' | 'language'>;

// Schema.org types that describe a news story ("NewsArticle", "ReportageNewsArticle", plain "Article").
const ARTICLE_TYPES = /^(?:NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|Article|Report|BlogPosting|LiveBlogPosting)$/;

/** Shortest main-content text accepted as an article; a login wall or a cookie notice is shorter. */
const MIN_ARTICLE_CHARS = 80;

type Q = { querySelector(s: string): { getAttribute(n: string): string | null; textContent: string | null } | null; querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> };

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** Every object in a JSON-LD value, flattening arrays and `@graph` containers. */
function jsonLdObjects(v: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(v)) v.forEach((x) => jsonLdObjects(x, out));
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    out.push(o);
    if (o['@graph']) jsonLdObjects(o['@graph'], out);
  }
  return out;
}

/** The first JSON-LD object typed as a news article; malformed JSON-LD blocks are skipped, not fatal. */
function jsonLdArticle(doc: Q): Record<string, unknown> | null {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i]!.textContent ?? '');
    } catch {
      continue;
    }
    for (const o of jsonLdObjects(data)) {
      const types = ([] as unknown[]).concat(o['@type'] ?? []);
      if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) return o;
    }
  }
  return null;
}

/** Page metadata: JSON-LD NewsArticle first (the publisher's structured claim), then Open Graph / meta tags, then `<title>`. */
export function htmlMeta(doc: Q): HtmlMeta {
  const meta = (sel: string) => str(doc.querySelector(sel)?.getAttribute('content'));
  const ld = jsonLdArticle(doc);
  const publisher = ld?.publisher;
  const publisherName = str((Array.isArray(publisher) ? publisher[0] : publisher)?.name) ?? str(publisher);
  const ldUrl = str(ld?.url) ?? str((ld?.mainEntityOfPage as Record<string, unknown> | undefined)?.['@id']) ?? str(ld?.mainEntityOfPage);
  return {
    title: str(ld?.headline) ?? meta('meta[property="og:title"]') ?? meta('meta[name="twitter:title"]') ?? str(doc.querySelector('title')?.textContent),
    outlet: publisherName ?? meta('meta[property="og:site_name"]') ?? meta('meta[name="application-name"]'),
    url: ldUrl ?? meta('meta[property="og:url"]') ?? str(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')),
    published:
      str(ld?.datePublished) ??
      meta('meta[property="article:published_time"]') ??
      meta('meta[name="article:published_time"]') ??
      meta('meta[itemprop="datePublished"]') ??
      meta('meta[name="date"]') ??
      str(doc.querySelector('time[datetime]')?.getAttribute('datetime')),
    language: str(doc.querySelector('html')?.getAttribute('lang'))?.slice(0, 2).toLowerCase() ?? null,
  };
}

/**
 * An HTML page as one article: main content through Readability on linkedom (no script ever runs: linkedom has
 * no script engine), one line per paragraph so the sentence splitter sees paragraph breaks. A page with no
 * article body (an index page, a login wall) is SITREP_INGEST_NO_ARTICLE naming the input.
 */
export function parseHtml(html: string, input: string): InputItem[] {
  const { document } = parseHTML(html);
  const meta = htmlMeta(document as unknown as Q);
  // Readability mutates the DOM it reads, so metadata is taken first.
  let content: string | null = null;
  try {
    content = new Readability(document as unknown as Document, { keepClasses: false }).parse()?.content ?? null;
  } catch {
    content = null;
  }
  const text = content ? htmlToText(content) : '';
  if (text.replace(/\s+/g, ' ').length < MIN_ARTICLE_CHARS) {
    return [{ ok: false, input, diagnostic: { code: 'SITREP_INGEST_NO_ARTICLE', severity: 'error', message: `${input}: no article content found in the HTML`, stage: 'ingest' } }];
  }
  // The declared <html lang> is a hint only; the language stage detects from the text itself.
  const { language: _declared, ...rest } = meta;
  return [{ ok: true, article: { text, meta: { input, ...rest } } }];
}
