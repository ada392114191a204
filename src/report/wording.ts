import type { ClaimKind, VictimCategory } from '../core/index.ts';

const PLURAL: Record<string, [string, string]> = {
  civilians: ['civilian', 'civilians'],
  children: ['child', 'children'],
  women: ['woman', 'women'],
  fighters: ['fighter', 'fighters'],
  soldiers: ['soldier', 'soldiers'],
  total: ['person', 'people'],
  unknown: ['person', 'people'],
  families: ['family', 'families'],
  households: ['household', 'households'],
};

const VERB: Record<ClaimKind, string> = { killed: 'killed', injured: 'injured', displaced: 'displaced', detained: 'detained', missing: 'missing' };

/** "17–19 civilians killed", "1 person injured", "about 2,000 families displaced": a written range, its noun, its verb. */
export function figurePhrase(value: string, kind: ClaimKind, category: VictimCategory, unit: string = 'people'): string {
  const key = unit === 'families' || unit === 'households' ? unit : category;
  const [one, many] = PLURAL[key] ?? PLURAL.total!;
  return `${value} ${value === '1' ? one : many} ${VERB[kind]}`;
}

/** "A", "A and B", "A, B and C". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** How a source is named in running text: its canonical name, or the outlet's own reporting when it cites nobody. */
export function sourceLabel(source: string | null, outlet: string | null): string {
  return source ?? (outlet ? `${outlet} (own reporting)` : 'an unattributed report');
}

/** "3 events", "1 event". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** A category as an adjective for denials: "civilian casualties", "casualties". */
export function casualtyWords(category: VictimCategory): string {
  const adj: Partial<Record<VictimCategory, string>> = { civilians: 'civilian', children: 'child', women: 'women', soldiers: 'military', fighters: 'fighter' };
  return adj[category] ? `${adj[category]} casualties` : 'casualties';
}

/** Neutral wording for a change of territorial control, by ACLED sub-event type; null for other types. */
export function controlSentence(sub: string, actor1: string | null, actor2: string | null, where: string): string | null {
  const by = actor1 ?? 'an unidentified armed group';
  if (sub === 'Non-state actor overtakes territory' || sub === 'Government regains territory') {
    return `${by} took control of ${where}${actor2 ? ` from ${actor2}` : ''}`;
  }
  if (sub === 'Non-violent transfer of territory') return `control of ${where} passed to ${by} without reported fighting`;
  return null;
}
