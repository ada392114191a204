/** Colours per ACLED event type, shared by the map, the timeline and the legend. */
export const TYPE_COLORS: Record<string, string> = {
  Battles: '#d62728',
  'Explosions/Remote violence': '#ff7f0e',
  'Violence against civilians': '#9467bd',
  Protests: '#2ca02c',
  Riots: '#8c564b',
  'Strategic developments': '#1f77b4',
};
export const OTHER_COLOR = '#7f7f7f';
/** The colour of an event type (grey for a type not in ACLED's list). */
export const typeColor = (t: string) => TYPE_COLORS[t] ?? OTHER_COLOR;

/** ACLED event types and their sub-types (Sitrep adds Displacement under Strategic developments). */
export const EVENT_TYPES: Record<string, string[]> = {
  Battles: ['Government regains territory', 'Non-state actor overtakes territory', 'Armed clash'],
  Protests: ['Excessive force against protesters', 'Protest with intervention', 'Peaceful protest'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Explosions/Remote violence': ['Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade'],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  'Strategic developments': ['Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established', 'Looting/property destruction', 'Non-violent transfer of territory', 'Other', 'Displacement'],
};
