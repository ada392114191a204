import type { Diagnostic, Doc, RawArticle } from '../core/index.ts';
import { createDoc, parsePublished } from '../core/index.ts';
import { inferPublished } from './infer-date.ts';

/** Run options that override what the input says. */
export interface PrepareOptions {
  readonly published?: string | null;
  readonly outlet?: string | null;
}

/**
 * Turn a raw article into a document: apply overrides, validate the publication date (an invalid one becomes a
 * diagnostic, never a crash), and infer it from a dateline or a date at the head when none is given.
 */
export function prepareArticle(raw: RawArticle, opts: PrepareOptions = {}): Doc {
  const diags: Diagnostic[] = [...(raw.diagnostics ?? [])];
  const input = raw.meta.input;
  let published: string | null = null;
  let from: 'input' | 'option' | 'text' | null = null;
  const given = opts.published ?? raw.meta.published ?? null;
  if (given) {
    published = parsePublished(given);
    if (published) from = opts.published ? 'option' : 'input';
    else diags.push({ code: 'SITREP_INGEST_BAD_DATE', severity: 'warning', message: `${input}: publication date "${given}" is not a valid date; ignored`, stage: 'ingest' });
  }
  if (!published) {
    const inferred = inferPublished(raw.text, raw.meta.url);
    if (inferred) {
      published = inferred.value;
      from = 'text';
      diags.push({ code: 'SITREP_INGEST_DATE_INFERRED', severity: 'info', message: `${input}: publication date ${inferred.value} inferred from "${inferred.surface}"`, stage: 'ingest' });
    } else {
      diags.push({ code: 'SITREP_INGEST_NO_DATE', severity: 'warning', message: `${input}: no publication date; relative dates stay unresolved`, stage: 'ingest' });
    }
  }
  return createDoc({
    ...raw,
    meta: { ...raw.meta, published, published_from: from, outlet: opts.outlet ?? raw.meta.outlet ?? null },
    diagnostics: diags,
  });
}
