import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fold } from './fold.ts';

/** A country with its codes, English names, demonyms and ACLED region. */
export interface Country {
  readonly iso2: string;
  readonly iso3: string;
  /** ISO 3166-1 numeric, zero-padded ("760" for Syria). */
  readonly numeric: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly demonyms: readonly string[];
  /** ACLED region ("Middle East", "Eastern Africa"…), null when unknown. */
  readonly region: string | null;
  /** The GeoNames country entry when the data file names it. */
  readonly geonameid: number | null;
  readonly lat: number | null;
  readonly lon: number | null;
}

interface CountryExtra {
  readonly name?: string;
  readonly aliases?: string[];
  readonly demonyms?: string[];
  readonly geonames?: [number, number, number];
  /** Aliases from the ISO list that are ambiguous in news ("Congo" is two countries). */
  readonly drop?: string[];
}

interface CountryFile {
  readonly countries: Record<string, CountryExtra>;
  readonly regions: Record<string, string[]>;
}

/** Path of the versioned country additions (demonyms, regions, GeoNames ids). */
export const COUNTRIES_FILE = fileURLToPath(new URL('../../data/countries.json', import.meta.url));

let all: Country[] | null = null;
let byName: Map<string, Country> | null = null;
let byIso2: Map<string, Country> | null = null;

function load(): Country[] {
  const require = createRequire(import.meta.url);
  const codes = require('i18n-iso-countries/codes.json') as [string, string, string][];
  const en = require('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> };
  const file = JSON.parse(readFileSync(COUNTRIES_FILE, 'utf8')) as CountryFile;
  const regionOf = new Map<string, string>();
  for (const [region, list] of Object.entries(file.regions)) for (const c of list) regionOf.set(c, region);
  const out: Country[] = [];
  for (const [iso2, iso3, numeric] of codes) {
    const raw = en.countries[iso2];
    const isoNames = raw == null ? [] : Array.isArray(raw) ? raw : [raw];
    const extra = file.countries[iso2] ?? {};
    const drop = new Set(extra.drop ?? []);
    const name = extra.name ?? isoNames[0] ?? iso2;
    const aliases = [...new Set([...isoNames, ...(extra.aliases ?? [])].filter((a) => a !== name && !drop.has(a)))];
    const g = extra.geonames;
    out.push({
      iso2,
      iso3,
      numeric,
      name,
      aliases,
      demonyms: extra.demonyms ?? [],
      region: regionOf.get(iso2) ?? null,
      geonameid: g ? g[0] : null,
      lat: g ? g[1] : null,
      lon: g ? g[2] : null,
    });
  }
  return out;
}

/** Every ISO 3166-1 country, with names, aliases, demonyms and ACLED region. */
export function countries(): Country[] {
  all ??= load();
  return all;
}

/** The country named, aliased or described by a demonym ("Syria", "Syrian", "Türkiye", "DRC"), or null. */
export function countryByName(nameOrDemonym: string): Country | null {
  if (!byName) {
    byName = new Map();
    // Names first, then aliases, then demonyms: a name never loses to another country's alias.
    for (const pass of ['name', 'aliases', 'demonyms'] as const) {
      for (const c of countries()) {
        const keys = pass === 'name' ? [c.name] : c[pass];
        for (const k of keys) {
          const f = fold(k);
          if (f && !byName.has(f)) byName.set(f, c);
        }
      }
    }
  }
  return byName.get(fold(nameOrDemonym.replace(/^the\s+/i, ''))) ?? byName.get(fold(nameOrDemonym)) ?? null;
}

/** The country with this ISO 3166-1 alpha-2 code (case-insensitive), or null. */
export function countryByIso2(code: string): Country | null {
  byIso2 ??= new Map(countries().map((c) => [c.iso2, c]));
  return byIso2.get(code.toUpperCase()) ?? null;
}
