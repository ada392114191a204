import { createHash } from 'node:crypto';

/** Content id of an article: sha256 of its canonical text, 32 hex chars. */
export function contentId(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);
}

/** A short stable id from several parts (for events, claims and sources). */
export function stableId(prefix: string, ...parts: (string | number | null | undefined)[]): string {
  const h = createHash('sha256').update(parts.map((p) => String(p ?? '')).join('\u0001'), 'utf8').digest('hex');
  return `${prefix}_${h.slice(0, 20)}`;
}
