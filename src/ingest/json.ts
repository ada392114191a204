import type { Diagnostic, RawArticle } from '../core/index.ts';

/** One JSON record `{id, text, title?, published?, outlet?, url?}` as an article, or a diagnostic saying why not. */
export function recordToArticle(rec: unknown, input: string): RawArticle | Diagnostic {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
    return { code: 'SITREP_INGEST_BAD_JSON', severity: 'error', message: `${input}: expected an object`, stage: 'ingest' };
  }
  const r = rec as Record<string, unknown>;
  const text = typeof r.text === 'string' ? r.text : typeof r.body === 'string' ? r.body : typeof r.content === 'string' ? r.content : null;
  if (text === null) return { code: 'SITREP_INGEST_MISSING_FIELD', severity: 'error', message: `${input}: field "text" missing`, stage: 'ingest' };
  const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : null);
  return {
    text,
    external_id: r.id == null ? null : String(r.id),
    meta: { input, title: str('title'), published: str('published') ?? str('date') ?? str('published_at'), outlet: str('outlet') ?? str('source'), url: str('url') },
  };
}
