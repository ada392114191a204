import { DEFAULT_POLICY, EventClusterer, type ClusterPolicy } from './cluster.ts';
import { mergeFigures } from './figures.ts';
import type { Decisions, MergedEvent, Report } from './types.ts';

/**
 * Merge reports into incidents. Reports are added in a deterministic order (publication date, then id), so
 * re-merging the same collection gives the same event ids: an event's id derives from its first report.
 */
export function mergeReports(reports: readonly Report[], decisions?: Decisions, policy: ClusterPolicy = DEFAULT_POLICY): MergedEvent[] {
  const sorted = [...reports].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id));
  const clusterer = new EventClusterer(policy, decisions);
  for (const r of sorted) clusterer.add(r);
  const byId = new Map(reports.map((r) => [r.id, r]));
  return [...clusterer.events()].map(([id, members]) => mergeFigures(id, members.map((m) => byId.get(m)!)));
}
