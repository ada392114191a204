import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, RawArticle } from '../core/index.ts';
import { decodeBytes, encodingDiagnostic, looksBinary } from './decode.ts';
import { looksLikeFeed, parseFeed } from './feed.ts';
import { parseHtml } from './html.ts';
import { recordToArticle } from './json.ts';
import { parseTxt } from './txt.ts';

/** Largest single input file read whole (bigger files get SITREP_INGEST_TOO_LARGE; JSON Lines stream instead). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** What reading one input yields: articles, or a failure diagnostic naming the input. */
export type InputItem = { readonly ok: true; readonly article: RawArticle } | { readonly ok: false; readonly input: string; readonly diagnostic: Diagnostic };

/** A parser for one file format: decoded text in, articles (or failures) out. */
export type FormatParser = (text: string, input: string) => Promise<InputItem[]> | InputItem[];

const fail = (input: string, code: Diagnostic['code'], message: string): InputItem => ({ ok: false, input, diagnostic: { code, severity: 'error', message: `${input}: ${message}`, stage: 'ingest' } });

/** Parsers by file extension; formats register here (HTML and feeds add themselves in their modules). */
export const PARSERS: Record<string, FormatParser> = {
  '.txt': (text, input) => [{ ok: true, article: parseTxt(text, input) }],
  '.json': (text, input) => {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return [fail(input, 'SITREP_INGEST_BAD_JSON', (e as Error).message)];
    }
    const recs = Array.isArray(data) ? data : [data];
    return recs.map((r, i) => {
      const a = recordToArticle(r, recs.length > 1 ? `${input}#${i}` : input);
      return 'code' in a ? { ok: false as const, input, diagnostic: a } : { ok: true as const, article: a };
    });
  },
  '.jsonl': (text, input) =>
    text.split('\n').flatMap((line, i): InputItem[] => {
      if (!line.trim()) return [];
      const where = `${input}:${i + 1}`;
      try {
        const a = recordToArticle(JSON.parse(line), where);
        return 'code' in a ? [{ ok: false, input: where, diagnostic: a }] : [{ ok: true, article: a }];
      } catch (e) {
        return [fail(where, 'SITREP_INGEST_BAD_JSON', (e as Error).message)];
      }
    }),
};
PARSERS['.ndjson'] = PARSERS['.jsonl']!;
PARSERS['.html'] = parseHtml;
PARSERS['.htm'] = parseHtml;
PARSERS['.xhtml'] = parseHtml;
PARSERS['.xml'] = parseFeed;
PARSERS['.rss'] = parseFeed;
PARSERS['.atom'] = parseFeed;
PARSERS[''] = PARSERS['.txt']!;
PARSERS['.text'] = PARSERS['.txt']!;

/** Recursively list files under a path (sorted, hidden files skipped). */
const SIDECAR = /\.(?:gold|expected)\.json$/i;

async function* walk(p: string): AsyncGenerator<string> {
  const st = await fs.stat(p);
  if (!st.isDirectory()) {
    yield p;
    return;
  }
  // Sidecar annotation files sit next to articles in corpora ("sy-001.gold.json", "x.expected.json"): a
  // directory walk skips them; naming one explicitly still reads it.
  const entries = (await fs.readdir(p)).filter((e) => !e.startsWith('.') && !SIDECAR.test(e)).sort();
  for (const e of entries) yield* walk(path.join(p, e));
}

/**
 * The parser for a file: by extension, except that content decides for extensions that do not say what they
 * hold (".xml", "", an unknown one): a document starting with `<rss`/`<feed` is a feed, one starting with
 * `<!doctype html`/`<html` a web page.
 */
function pickParser(ext: string, text: string): FormatParser | undefined {
  const known = PARSERS[ext];
  if (known && ext !== '' && ext !== '.xml') return known;
  if (looksLikeFeed(text)) return parseFeed;
  if (/^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)\b/i.test(text.replace(/^\uFEFF/, ''))) return parseHtml;
  return known;
}

/** Read one file into articles, never throwing: every failure is a diagnostic naming the file. */
export async function readFile(file: string): Promise<InputItem[]> {
  let st: import('node:fs').Stats;
  try {
    st = await fs.stat(file);
  } catch {
    return [fail(file, 'SITREP_INGEST_NOT_FOUND', 'no such file or directory')];
  }
  if (st.size === 0) return [fail(file, 'SITREP_INGEST_EMPTY', 'file is empty')];
  if (st.size > MAX_FILE_BYTES) return [fail(file, 'SITREP_INGEST_TOO_LARGE', `${st.size} bytes exceeds the ${MAX_FILE_BYTES}-byte limit`)];
  const buf = new Uint8Array(await fs.readFile(file));
  const bom16 = (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
  if (!bom16 && looksBinary(buf)) return [fail(file, 'SITREP_INGEST_BINARY', 'file looks binary, not text')];
  const decoded = decodeBytes(buf);
  if (!decoded.text.trim()) return [fail(file, 'SITREP_INGEST_EMPTY', 'file has no text')];
  const ext = path.extname(file).toLowerCase();
  const parser = pickParser(ext, decoded.text);
  if (!parser) return [fail(file, 'SITREP_INGEST_UNSUPPORTED', `unsupported extension "${ext}"`)];
  const items = await parser(decoded.text, file);
  const diags = encodingDiagnostic(file, decoded);
  return items.map((it) =>
    it.ok ? { ok: true as const, article: { ...it.article, meta: { ...it.article.meta, encoding: decoded.encoding }, diagnostics: [...(it.article.diagnostics ?? []), ...diags] } } : it,
  );
}

/** Read files and directories (walked recursively) in order; a missing path is a failure item, not a throw. */
export async function* readInputs(paths: readonly string[]): AsyncGenerator<InputItem> {
  for (const p of paths) {
    try {
      await fs.stat(p);
    } catch {
      yield fail(p, 'SITREP_INGEST_NOT_FOUND', 'no such file or directory');
      continue;
    }
    for await (const f of walk(p)) {
      if (PARSERS[path.extname(f).toLowerCase()] === undefined && (await fs.stat(p)).isDirectory()) continue;
      yield* await readFile(f);
    }
  }
}
