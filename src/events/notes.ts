import type { SitrepEvent } from '../core/index.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-11-27" → "27 November 2024", as ACLED notes write dates. */
export const longDate = (d: string) => `${+d.slice(8, 10)} ${MONTHS[+d.slice(5, 7) - 1]} ${d.slice(0, 4)}`;

/** The fields an ACLED-style note is written from. */
export type NoteFields = Pick<SitrepEvent, 'event_type' | 'sub_event_type' | 'actor1' | 'actor2' | 'event_date' | 'location' | 'fatalities' | 'fatalities_range'>;

/**
 * One generated sentence in ACLED's style: "On 27 November 2024, Hayat Tahrir al-Sham and allied groups clashed
 * with Military Forces of Syria (2000-2024) in Aleppo. 201+ fatalities reported." An open-ended toll ("more
 * than 200") is written with a plus.
 */
export function eventNote(e: NoteFields, allied = false): string {
  const who = e.actor1 ? `${e.actor1}${allied ? ' and allied groups' : ''}` : 'Unidentified actors';
  const verb: Record<string, string> = {
    Battles: `clashed with ${e.actor2 ?? 'unidentified forces'}`,
    'Explosions/Remote violence': `carried out ${e.sub_event_type.toLowerCase()}${e.actor2 ? ` targeting ${e.actor2}` : ''}`,
    'Violence against civilians': `attacked ${e.actor2 ?? 'civilians'}`,
    Protests: 'demonstrated',
    Riots: 'rioted',
    'Strategic developments': e.sub_event_type === 'Displacement' ? 'were displaced by fighting' : `were involved in ${e.sub_event_type.toLowerCase()}`,
  };
  const sub =
    e.sub_event_type === 'Non-state actor overtakes territory'
      ? `took territory from ${e.actor2 ?? 'its opponents'}`
      : e.sub_event_type === 'Government regains territory'
        ? `regained territory from ${e.actor2 ?? 'its opponents'}`
        : verb[e.event_type];
  const r = e.fatalities_range;
  const toll = e.fatalities ? ` ${r.low != null && r.best == null ? `${e.fatalities}+` : e.fatalities} fatalities reported.` : '';
  return `${e.event_date ? `On ${longDate(e.event_date)}, ` : ''}${who} ${sub}${e.location ? ` in ${e.location}` : ''}.${toll}`;
}
