import type { RawArticle } from '../core/index.ts';

const HEADER_KEYS: Record<string, 'title' | 'published' | 'outlet' | 'url'> = {
  title: 'title',
  published: 'published',
  date: 'published',
  outlet: 'outlet',
  url: 'url',
};

/**
 * A plain-text article: an optional header block (`Title:`, `Published:`, `Outlet:`, `URL:` lines, then a
 * blank line) followed by the body. Spans index the body, which is what the output's `text` holds.
 */
export function parseTxt(text: string, input: string): RawArticle {
  const meta: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  let i = 0;
  let consumed = 0;
  while (i < lines.length) {
    const m = /^([A-Za-z]+)\s*:\s*(.*)$/.exec(lines[i]!);
    const key = m ? HEADER_KEYS[m[1]!.toLowerCase()] : undefined;
    if (!m || !key) break;
    meta[key] = m[2]!.trim();
    consumed += lines[i]!.length + 1 + (text[consumed + lines[i]!.length] === '\r' ? 1 : 0);
    i++;
  }
  // A header only counts when it ends with a blank line; otherwise "Source: X" in a body is not a header.
  const blank = /^\r?\n/.exec(text.slice(consumed));
  if (i === 0 || !blank) return { text, meta: { input } };
  const body = text.slice(consumed + blank[0].length);
  return {
    text: body,
    meta: { input, title: meta.title ?? null, published: meta.published ?? null, outlet: meta.outlet ?? null, url: meta.url ?? null },
  };
}
