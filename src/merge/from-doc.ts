import type { ClaimKind, Doc, VictimCategory } from '../core/index.ts';
import { stableId } from '../core/index.ts';
import { loadSources } from '../resolve/sources.ts';
import { SyndicationIndex } from './syndication.ts';
import type { Denial, Report } from './types.ts';

/** The casualty denials a document's denial stage found ("the ministry denied that any civilians were killed"). */
export function denialsOf(doc: Doc): Denial[] {
  return doc.mentions
    .filter((m) => m.rule === 'denial' && m.value)
    .map((m) => ({ source: m.value!, kind: m.data?.kind as ClaimKind, category: m.data?.category as VictimCategory, span: m.span }));
}

/**
 * One report per extracted event of a processed article. Report ids match the store's extracted-event ids
 * (URL or content hash + index), so a corrected article keeps them. Denials go with the main event (the
 * first, by the gold convention): a denial answers what the article is about, not its side events.
 */
export function reportsOf(doc: Doc, storyGroup: string): Report[] {
  const key = doc.meta.url || doc.id;
  const denials = denialsOf(doc);
  return doc.events.map((event, i) => ({
    id: stableId('ev', key, i),
    article_id: doc.id,
    url: doc.meta.url,
    outlet: doc.meta.outlet,
    story_group: storyGroup,
    published: doc.meta.published,
    event,
    claims: event.claims.map((c) => doc.claims[c]!).filter(Boolean),
    denials: i === 0 ? denials : [],
  }));
}

/** A syndication index that knows agency names from the source dictionary ("AFP" → "Agence France-Presse"). */
export function syndicationIndex(): SyndicationIndex {
  const index = loadSources();
  return new SyndicationIndex(0.5, 0.3, (credit) => index.lookup(credit)?.name ?? credit);
}
