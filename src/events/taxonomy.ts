import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One trigger entry of data/events/triggers.json. */
export interface TriggerEntry {
  readonly event_type: string;
  readonly sub_event_type: string;
  readonly patterns: readonly string[];
}

/** A compiled trigger with its rank in the ACLED hierarchy (lower wins). */
export interface CompiledTrigger extends TriggerEntry {
  readonly rank: number;
  readonly res: readonly RegExp[];
}

const DATA = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'data', 'events', 'triggers.json');
let cached: CompiledTrigger[] | null = null;

/** The trigger lexicon, compiled once, in hierarchy order. */
export function triggers(): CompiledTrigger[] {
  if (cached) return cached;
  const data = JSON.parse(readFileSync(DATA, 'utf8')) as { triggers: TriggerEntry[] };
  // One alternation per sub-type: 26 scans of a clause instead of ~200 (the patterns of one sub-type only ever
  // produce hits of that sub-type, so nothing is lost by letting the leftmost alternative win).
  cached = data.triggers.map((t, rank) => ({ ...t, rank, res: [new RegExp(`(?<![\\p{L}])(?:${t.patterns.join('|')})(?![\\p{L}])`, 'giu')] }));
  return cached;
}

/** ACLED disorder type of an event sub-type. */
export function disorderType(eventType: string, subType: string): string {
  if (eventType === 'Strategic developments') return 'Strategic developments';
  if (eventType === 'Protests' && subType !== 'Excessive force against protesters') return 'Demonstrations';
  if (eventType === 'Riots' && subType === 'Violent demonstration') return 'Demonstrations';
  return 'Political violence';
}

/** Event type of a sub-type name (from the lexicon). */
export function eventTypeOf(subType: string): string | null {
  return triggers().find((t) => t.sub_event_type === subType)?.event_type ?? null;
}

/** A trigger hit inside a clause. */
export interface TriggerHit {
  readonly trigger: CompiledTrigger;
  readonly start: number;
  readonly end: number;
}

/** Every trigger in `text` (offsets relative to it), hierarchy order first. */
export function findTriggers(text: string): TriggerHit[] {
  const out: TriggerHit[] = [];
  for (const t of triggers()) {
    for (const re of t.res) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) out.push({ trigger: t, start: m.index, end: m.index + m[0].length });
    }
  }
  return out.sort((a, b) => a.trigger.rank - b.trigger.rank || a.start - b.start);
}
