import type { Claim, Span } from '../core/index.ts';
import type { ArticleInfo } from './load-period.ts';
import type { Footnote } from './types.ts';

/**
 * The report's footnote list: each stored claim or each (article, span) is cited once and keeps its number,
 * so "[1]" means the same claim wherever it appears.
 */
export class FootnoteList {
  private readonly notes: Footnote[] = [];
  private readonly byKey = new Map<string, number>();

  /** Cite a stored claim of an article; returns its footnote number. */
  claim(claim: Claim, claimId: number, article: ArticleInfo): number {
    return this.add(`c${claimId}`, () => ({ article, source: claim.source.name, claim_id: claimId, span: claim.span }));
  }

  /** Cite an article for a statement (a change of control, a denial, an event's notes), optionally a span of it. */
  article(article: ArticleInfo, source: string | null = null, span: Span | null = null): number {
    return this.add(`a${article.id}:${span ? `${span.start}-${span.end}` : ''}`, () => ({ article, source, claim_id: null, span }));
  }

  /** All footnotes in number order. */
  list(): Footnote[] {
    return [...this.notes];
  }

  private add(key: string, make: () => { article: ArticleInfo; source: string | null; claim_id: number | null; span: Span | null }): number {
    const seen = this.byKey.get(key);
    if (seen) return seen;
    const { article, source, claim_id, span } = make();
    const n = this.notes.length + 1;
    this.notes.push({
      n,
      outlet: article.outlet,
      source,
      published: article.published ? article.published.slice(0, 10) : null,
      url: article.url,
      title: article.title,
      article_id: article.id,
      claim_id,
      quote: span ? article.text.slice(span.start, span.end) : null,
    });
    this.byKey.set(key, n);
    return n;
  }
}

/** Footnote markers as written after a sentence: "[1][2]". */
export function markers(ns: readonly number[]): string {
  return [...new Set(ns)].sort((a, b) => a - b).map((n) => `[${n}]`).join('');
}
