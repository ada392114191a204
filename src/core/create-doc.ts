import type { ArticleMeta, Diagnostic, Doc } from './document.ts';
import { emptyLayers } from './document.ts';
import { contentId } from './ids.ts';
import { normaliseText } from './text.ts';

/** Input to document creation: the text as given plus whatever metadata the input carried. */
export interface RawArticle {
  readonly text: string;
  readonly meta: Partial<ArticleMeta> & { input: string };
  readonly external_id?: string | null;
  readonly diagnostics?: readonly Diagnostic[];
}

/** Create an immutable document: normalise the text (recording what changed) and hash it. */
export function createDoc(raw: RawArticle): Doc {
  const n = normaliseText(raw.text);
  const diagnostics: Diagnostic[] = [...(raw.diagnostics ?? [])];
  if (n.normalisation.nfc || n.normalisation.line_endings) {
    const what = [n.normalisation.nfc && 'NFC', n.normalisation.line_endings && 'line endings'].filter(Boolean).join(', ');
    diagnostics.push({ code: 'SITREP_INGEST_TEXT_NORMALISED', severity: 'info', message: `Normalised ${what} in ${raw.meta.input}; spans are reported against the input as given`, stage: 'ingest' });
  }
  const meta: ArticleMeta = {
    title: raw.meta.title ?? null,
    outlet: raw.meta.outlet ?? null,
    credit: raw.meta.credit ?? null,
    url: raw.meta.url ?? null,
    published: raw.meta.published ?? null,
    published_from: raw.meta.published_from ?? (raw.meta.published ? 'input' : null),
    language: raw.meta.language ?? null,
    encoding: raw.meta.encoding ?? null,
    input: raw.meta.input,
  };
  const doc: Doc = {
    ...emptyLayers(),
    diagnostics,
    id: contentId(n.text),
    external_id: raw.external_id ?? null,
    text: n.text,
    raw_text: raw.text,
    normalisation: n.normalisation,
    meta,
    toRaw: n.toRaw,
  };
  return doc;
}
