import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One entry of data/events/alliances.json: actors on the same side between two dates. */
export interface Alliance {
  readonly id: string;
  readonly members: readonly string[];
  readonly from: string;
  readonly to: string | null;
  readonly source: string;
}

const DATA = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'data', 'events', 'alliances.json');
let cached: readonly Alliance[] | null = null;

/** The alliance list, read once. */
export function alliances(): readonly Alliance[] {
  cached ??= (JSON.parse(readFileSync(DATA, 'utf8')) as { alliances: Alliance[] }).alliances;
  return cached;
}

/**
 * True when two actors fight on the same side on `day` (ISO date; null = any time): Iran's Revolutionary Guards
 * and the Syrian army in 2024 are allies, so "an Iranian general was killed in combat" is no Iran–Syria clash.
 */
export function areAllies(a: string, b: string, day: string | null, list: readonly Alliance[] = alliances()): boolean {
  if (a === b) return false;
  return list.some((x) => x.members.includes(a) && x.members.includes(b) && (!day || (x.from <= day && (!x.to || day <= x.to))));
}
