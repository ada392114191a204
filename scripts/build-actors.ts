/**
 * Generate the state-forces base of the actor dictionary for every country from the country list (names and
 * demonyms): "Military Forces of Chad" with "Chadian army", "Chadian troops", "Chad's military"…, and
 * "Police Forces of Chad". Curated entries in data/actors/actors.json (with ACLED regime dates) take
 * precedence for the countries they cover. Run: node --import tsx scripts/build-actors.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { countries } from '../src/resolve/countries.ts';

const out = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'data', 'actors', 'state-forces.generated.json');

/** Aliases for one country's military and police, from its names and demonyms. */
export function stateForceAliases(name: string, demonyms: readonly string[]): { military: string[]; police: string[] } {
  const adjectives = demonyms.filter((d) => !/s$/.test(d) || /ese$/.test(d));
  const military = new Set<string>();
  const police = new Set<string>();
  for (const a of adjectives) {
    for (const w of ['army', 'armed forces', 'military', 'troops', 'soldiers', 'forces', 'government forces', 'security forces', 'air force', 'navy', 'warplanes', 'drones']) military.add(`${a} ${w}`);
    for (const w of ['police', 'police officers', 'policemen', 'riot police', 'police forces']) police.add(`${a} ${w}`);
  }
  for (const w of ['army', 'military', 'armed forces', 'security forces']) military.add(`${name}'s ${w}`);
  military.add(`army of ${name}`);
  military.add(`armed forces of ${name}`);
  police.add(`${name}'s police`);
  return { military: [...military], police: [...police] };
}

const actors = countries().flatMap((c) => {
  const { military, police } = stateForceAliases(c.name, c.demonyms);
  const base = { country: c.name, active: { from: null, to: null }, tags: ['generated'] };
  return [
    { id: `gen-${c.iso2.toLowerCase()}-mil`, name: `Military Forces of ${c.name}`, inter: 'State forces', role: 'military', aliases: military, ...base },
    { id: `gen-${c.iso2.toLowerCase()}-pol`, name: `Police Forces of ${c.name}`, inter: 'State forces', role: 'police', aliases: police, ...base },
  ];
});
const countryEntries = countries().map((c) => ({ name: c.name, iso2: c.iso2, iso: c.numeric, names: [c.name, ...c.demonyms] }));

if (process.argv[1]?.endsWith('build-actors.ts')) {
  writeFileSync(out, `${JSON.stringify({ version: '1.0.0', generated_by: 'scripts/build-actors.ts', actors, countries: countryEntries }, null, 1)}\n`);
  console.log(`wrote ${actors.length} state-force actors for ${countryEntries.length} countries to ${path.relative(process.cwd(), out)}`);
}
