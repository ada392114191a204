import Parser from 'rss-parser';
import type { Diagnostic, RawArticle } from '../core/index.ts';
import { htmlToText, looksLikeHtml } from './html-text.ts';
import type { InputItem } from './read-inputs.ts';

// One parser, no network: rss-parser's parseString only reads the string it is given.
const parser = new Parser();

/** An RSS description at least this long is taken as the full story: some feeds carry the body there. */
const DESCRIPTION_AS_BODY_CHARS = 600;

type FeedItem = Record<string, unknown>;
type Feed = { title?: string; items?: FeedItem[] };

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const text = (v: unknown): string | null => {
  const s = str(v);
  if (!s) return null;
  return str(looksLikeHtml(s) ? htmlToText(s) : s.replace(/[ \t\u00a0]+/g, ' '));
};

/** True when a string looks like a feed document (RSS 2.0, RSS 1.0/RDF or Atom) rather than a web page. */
export function looksLikeFeed(s: string): boolean {
  const head = s.slice(0, 2048).replace(/^\uFEFF/, '').replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '').trimStart();
  return /^<(?:rss|feed|rdf:RDF)\b/i.test(head);
}

/**
 * Complete `<item>` / `<entry>` elements of a truncated feed, re-wrapped so the parser can read them
 * ("…<item>…</item><item><title>Half an ite" keeps the first item).
 */
function salvage(xml: string): string | null {
  const atom = /<feed\b/i.test(xml.slice(0, 2048));
  const tag = atom ? 'entry' : 'item';
  const first = xml.search(new RegExp(`<${tag}[\\s>]`, 'i'));
  if (first < 0) return null;
  const items = xml.slice(first).match(new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`, 'gi'));
  if (!items?.length) return null;
  return xml.slice(0, first) + items.join('') + (atom ? '</feed>' : /<channel\b/i.test(xml) ? '</channel></rss>' : '</rdf:RDF>');
}

/** One feed item as an article; an item without body text keeps title + summary and is flagged. */
function itemToArticle(item: FeedItem, atom: boolean, feedTitle: string | null, input: string): RawArticle {
  const title = text(item.title);
  const encoded = text(item['content:encoded']);
  // Atom's <content> is the body; RSS's <description> (rss-parser's `content`) is usually a teaser.
  const described = text(item.content);
  const summary = text(item.summary) ?? text(item.contentSnippet) ?? (atom ? null : described);
  let body = encoded ?? (atom ? described : null);
  if (!body && !atom && described && described.length >= DESCRIPTION_AS_BODY_CHARS) body = described;
  const diagnostics: Diagnostic[] = [];
  let articleText = body;
  if (!articleText) {
    articleText = [title, summary].filter(Boolean).join('\n');
    diagnostics.push({ code: 'SITREP_INGEST_FEED_ITEM_NO_BODY', severity: 'warning', message: `${input}: feed item has no body; title and summary kept`, stage: 'ingest' });
  }
  return {
    text: articleText,
    meta: { input, title, outlet: feedTitle, url: str(item.link) ?? str(item.guid), published: str(item.isoDate) ?? str(item.pubDate) },
    diagnostics,
  };
}

/**
 * Parse an RSS 2.0 / RSS 1.0 / Atom document into one article per item (exported for fetching feeds over
 * HTTP too). A malformed or truncated feed yields SITREP_INGEST_BAD_FEED naming `input`, plus the complete
 * items found before the break. Items are named `input#N`.
 */
export async function parseFeed(xml: string, input: string): Promise<InputItem[]> {
  const atom = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<feed\b/i.test(xml.replace(/^\uFEFF/, ''));
  const out: InputItem[] = [];
  let feed: Feed | null = null;
  try {
    feed = (await parser.parseString(xml)) as unknown as Feed;
  } catch (e) {
    const reason = (e as Error).message.split('\n')[0];
    out.push({ ok: false, input, diagnostic: { code: 'SITREP_INGEST_BAD_FEED', severity: 'error', message: `${input}: malformed or truncated feed (${reason})`, stage: 'ingest' } });
    const partial = salvage(xml);
    if (partial) {
      try {
        feed = (await parser.parseString(partial)) as unknown as Feed;
      } catch {
        feed = null;
      }
    }
  }
  const items = feed?.items ?? [];
  const feedTitle = text(feed?.title);
  items.forEach((item, i) => {
    const a = itemToArticle(item, atom, feedTitle, `${input}#${i}`);
    if (a.text.trim()) out.push({ ok: true, article: a });
    else out.push({ ok: false, input: `${input}#${i}`, diagnostic: { code: 'SITREP_INGEST_EMPTY', severity: 'error', message: `${input}#${i}: feed item has no title, summary or body`, stage: 'ingest' } });
  });
  if (!out.length) out.push({ ok: false, input, diagnostic: { code: 'SITREP_INGEST_EMPTY', severity: 'error', message: `${input}: feed has no items`, stage: 'ingest' } });
  return out;
}
