import type { Diagnostic } from '../core/index.ts';
import { SCHEMA_VERSION, toOutput } from '../core/index.ts';
import { recordToArticle } from '../ingest/json.ts';
import { prepareArticle, type PrepareOptions } from '../ingest/prepare.ts';
import { defaultPipeline } from '../pipeline.ts';
import { createContext, type StageContext } from '../core/index.ts';

let ctx: StageContext | null = null;

/** A document for an input line that could not be read: same shape, empty layers, the diagnostic saying why. */
function failedLine(id: unknown, diag: Diagnostic): Record<string, unknown> {
  return { id: id ?? null, schema_version: SCHEMA_VERSION, article: null, sentences: [], paragraphs: [], removed: [], mentions: [], claims: [], places: [], times: [], events: [], diagnostics: [diag] };
}

/** Extract one JSON Lines input line into one output line (JSON text); never throws. */
export function extractLine(line: string, lineNo: number, opts: PrepareOptions): { json: string; failed: boolean } {
  ctx ??= createContext();
  const where = `jsonl:${lineNo}`;
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (e) {
    return { json: JSON.stringify(failedLine(null, { code: 'SITREP_INGEST_BAD_JSON', severity: 'error', message: `${where}: ${(e as Error).message}`, stage: 'ingest' })), failed: true };
  }
  const a = recordToArticle(rec, where);
  const id = rec && typeof rec === 'object' ? (rec as Record<string, unknown>).id : null;
  if ('code' in a) return { json: JSON.stringify(failedLine(id, a)), failed: true };
  try {
    const doc = defaultPipeline().run(prepareArticle(a, opts), ctx);
    const out = toOutput(doc);
    out.id = id ?? null;
    return { json: JSON.stringify(out), failed: doc.diagnostics.some((d) => d.severity === 'error') };
  } catch (e) {
    return { json: JSON.stringify(failedLine(id, { code: 'SITREP_PIPELINE_STAGE_FAILED', severity: 'error', message: `${where}: ${(e as Error).message}`, stage: 'pipeline' })), failed: true };
  }
}
