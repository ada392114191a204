import type { Inter } from '../annotate/actor-dictionary.ts';
import { INTER_CODES, actorDictionary, countryRecord, stateForce } from '../annotate/actor-dictionary.ts';
import { interIn } from '../annotate/actors.ts';

/** An actor as it appears in an event: canonical name, ACLED inter text and code. */
export interface EventActor {
  readonly name: string;
  readonly inter: Inter;
  readonly inter_code: number;
  readonly country: string | null;
}

/**
 * Re-date a state force to the event's day: an article published in January 2025 about fighting on
 * 5 December 2024 still names "Military Forces of Syria (2000-2024)".
 */
export function actorForEvent(name: string, country: string | null, day: string | null): EventActor {
  const { dict } = actorDictionary();
  let entry = dict.actors.find((a) => a.name === name) ?? null;
  if (entry?.inter === 'State forces' && (entry.role === 'military' || entry.role === 'police')) entry = stateForce(dict, entry.country, entry.role, day) ?? entry;
  if (!entry) {
    // Generic actors ("Civilians (Syria)") carry their inter in the name.
    const inter: Inter = name.startsWith('Civilians') ? 'Civilians' : name.startsWith('Protesters') ? 'Protesters' : name.startsWith('Rioters') ? 'Rioters' : 'Political militia';
    return { name, inter, inter_code: INTER_CODES[inter], country };
  }
  const inter = interIn(entry, country);
  return { name: entry.name, inter, inter_code: INTER_CODES[inter], country: entry.country };
}

/** The state (military) force of a country on a day, e.g. the opponent of a rebel group that seized a town. */
export function stateMilitary(country: string | null, day: string | null): EventActor | null {
  const { dict } = actorDictionary();
  const e = stateForce(dict, country, 'military', day);
  return e ? actorForEvent(e.name, country, day) : null;
}

/** English name and numeric ISO 3166 code of a country given by name or ISO alpha-2. */
export function countryInfo(nameOrIso2: string | null): { name: string; iso: string } | null {
  const { dict } = actorDictionary();
  const c = countryRecord(dict, nameOrIso2) ?? dict.countries.find((x) => x.iso2 === nameOrIso2) ?? null;
  return c ? { name: c.name, iso: c.iso } : null;
}
