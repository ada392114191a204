import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SitrepError } from '../core/index.ts';
import { fold, skeleton } from './fold.ts';
import type { GazetteerIndex, GazetteerMeta, GazRow } from './gazetteer-build.ts';
import { buildIndex, inputsHash } from './gazetteer-build.ts';

/** A gazetteer entry as lookups return it. */
export interface GazPlace {
  readonly row: number;
  readonly geonameid: number | null;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** GeoNames admin1 code ("SY.09") and English name ("Aleppo"). */
  readonly admin1_code: string | null;
  readonly admin1: string | null;
  readonly kind: 'country' | 'admin1' | 'city' | 'village' | 'other' | 'road' | 'region';
  readonly population: number;
}

/** The loaded gazetteer: the built index plus any imported overlay. */
export interface Gazetteer {
  readonly meta: GazetteerMeta;
  /** Number of places, imported ones included. */
  readonly size: number;
  /** Candidates for a folded name; `variant` when they came from the skeleton key or the variants list. */
  lookup(name: string): { places: GazPlace[]; variant: boolean };
  place(row: number): GazPlace;
  /** Country ISO code for a demonym ("Syrian" → SY), or null. */
  demonym(word: string): string | null;
}

const KINDS: Record<string, GazPlace['kind']> = { C: 'country', A: 'admin1', P: 'city', V: 'village', X: 'other', O: 'other', R: 'road', G: 'region' };

/** The cache directory: `$SITREP_CACHE_DIR`, else `.sitrep-cache/` at the repository root. */
export function cacheDir(): string {
  return process.env.SITREP_CACHE_DIR ?? fileURLToPath(new URL('../../.sitrep-cache/', import.meta.url));
}

/** Path of the imported-places overlay (written by `sitrep gazetteer import`). */
export function overlayPath(dir = cacheDir()): string {
  return path.join(dir, 'gazetteer-overlay.json');
}

/** Imported GeoNames rows and their names, merged into the index at load time. */
export interface Overlay {
  readonly rows: GazRow[];
  /** Folded name → indices into `rows`. */
  readonly names: Record<string, number[]>;
}

/** A sorted `key \t value` table searched in place: no parse at load beyond finding line starts. */
export class TextTable {
  readonly text: string;
  readonly starts: Int32Array;
  constructor(text: string) {
    this.text = text;
    let n = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    this.starts = new Int32Array(n + 1);
    let k = 0;
    this.starts[k++] = 0;
    for (let i = text.indexOf('\n'); i >= 0 && k <= n; i = text.indexOf('\n', i + 1)) this.starts[k++] = i + 1;
  }
  /** Number of lines. */
  get size(): number {
    return this.starts.length - 1;
  }
  /** The line at index i, without its newline. */
  line(i: number): string {
    return this.text.slice(this.starts[i], this.starts[i + 1]! - 1);
  }
  /** The value after the tab for an exact key, by binary search. */
  get(key: string): string | null {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const a = this.starts[mid]!;
      const tab = this.text.indexOf('\t', a);
      const k = this.text.slice(a, tab);
      if (k === key) return this.text.slice(tab + 1, this.starts[mid + 1]! - 1);
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }
}

let loaded: Gazetteer | null = null;

function writeAtomic(file: string, data: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

const PARTS = ['meta.json', 'rows.tsv', 'names.tsv', 'skel.tsv'] as const;

/** Load (building if missing or stale) the cached index, merge the overlay and return the gazetteer. */
export function loadGazetteer(opts: { dir?: string; quiet?: boolean } = {}): Gazetteer {
  if (loaded && !opts.dir) return loaded;
  const dir = opts.dir ?? cacheDir();
  const hash = inputsHash();
  const sub = path.join(dir, `gazetteer-${hash}`);
  let index: GazetteerIndex;
  if (PARTS.every((p) => existsSync(path.join(sub, p)))) {
    const read = (p: string) => readFileSync(path.join(sub, p), 'utf8');
    index = { meta: JSON.parse(read('meta.json')) as GazetteerMeta, rows: read('rows.tsv'), names: read('names.tsv'), skel: read('skel.tsv') };
  } else {
    // Said once on stderr: a first run pays a few seconds, later runs load the cache.
    if (!opts.quiet) process.stderr.write(`sitrep: building the gazetteer index in ${dir} (first use or inputs changed)\n`);
    try {
      index = buildIndex();
    } catch (e) {
      throw new SitrepError('SITREP_GAZETTEER_MISSING', (e as Error).message);
    }
    mkdirSync(sub, { recursive: true });
    for (const old of readdirSync(dir)) {
      if (/^gazetteer-[0-9a-f]{16}$/.test(old) && old !== path.basename(sub)) rmSync(path.join(dir, old), { recursive: true, force: true });
    }
    writeAtomic(path.join(sub, 'rows.tsv'), index.rows);
    writeAtomic(path.join(sub, 'names.tsv'), index.names);
    writeAtomic(path.join(sub, 'skel.tsv'), index.skel);
    writeAtomic(path.join(sub, 'meta.json'), JSON.stringify(index.meta));
  }
  const ov = overlayPath(dir);
  const overlay = existsSync(ov) ? (JSON.parse(readFileSync(ov, 'utf8')) as Overlay) : null;
  const g = makeGazetteer(index, overlay);
  if (!opts.dir) loaded = g;
  return g;
}

/** Forget the loaded gazetteer (after an import, so the next load sees the overlay). */
export function resetGazetteer(): void {
  loaded = null;
}

/** Wrap a loaded index (and an optional imported overlay) in lookups. */
export function makeGazetteer(index: GazetteerIndex, overlay: Overlay | null = null): Gazetteer {
  const meta = index.meta;
  const rows = new TextTable(index.rows);
  const names = new TextTable(index.names);
  const skel = new TextTable(index.skel);
  const base = rows.size;
  const known = new Set<number>();
  const ovNames = new Map<string, number[]>();
  const ovSkel = new Map<string, number[]>();
  if (overlay) {
    for (const r of overlay.rows) if (r[0] != null) known.add(r[0]);
    for (const [k, list] of Object.entries(overlay.names)) {
      const rs = list.map((i) => base + i);
      ovNames.set(k, rs);
      const sk = skeleton(k);
      ovSkel.set(sk, [...(ovSkel.get(sk) ?? []), ...rs]);
    }
  }
  const cache = new Map<number, GazPlace>();
  const rowOf = (row: number): GazRow => {
    if (row >= base) return overlay!.rows[row - base]!;
    const f = rows.line(row).split('\t');
    return [f[0] ? Number(f[0]) : null, f[1]!, Number(f[2]), Number(f[3]), f[4]!, f[5] || null, f[6]!, Number(f[7])];
  };
  const place = (row: number): GazPlace => {
    let p = cache.get(row);
    if (!p) {
      const r = rowOf(row);
      const code = r[5];
      const coded = code?.includes('.') ?? false;
      p = {
        row,
        geonameid: r[0],
        name: r[1],
        lat: r[2],
        lon: r[3],
        country: r[4],
        // Extras name their admin1 by English name ("Idlib") rather than by code ("SY.12").
        admin1_code: coded ? code : null,
        admin1: coded ? (meta.admin1[code!] ?? null) : code,
        kind: KINDS[r[6]] ?? 'other',
        population: r[7],
      };
      cache.set(row, p);
    }
    return p;
  };
  const parse = (v: string | null | undefined): number[] => (v ? v.split(',').map(Number) : []);
  const dedupe = (xs: number[]) => {
    // An imported copy of a place already in the index replaces nothing: keep the base row.
    const out = [...new Set(xs)];
    return out.filter((r) => r < base || !out.some((b) => b < base && place(b).geonameid === place(r).geonameid));
  };
  return {
    meta,
    place,
    lookup(name) {
      const f = fold(name);
      const exact = dedupe([...parse(names.get(f)), ...(ovNames.get(f) ?? [])]);
      if (exact.length) return { places: exact.map(place), variant: f in meta.variantKeys };
      const sk = skeleton(f);
      if (sk.length < 4) return { places: [], variant: true };
      const loose = dedupe([...parse(skel.get(sk)), ...(ovSkel.get(sk) ?? [])]);
      return { places: loose.map(place), variant: true };
    },
    demonym(word) {
      return meta.demonyms[fold(word)] ?? null;
    },
    size: base + (overlay?.rows.length ?? 0),
  };
}

/**
 * Gazetteer lookup for other stages: candidates for a place name, best first (countries and admin1s before
 * towns of the same name, then by population), optionally restricted to one ISO alpha-2 country.
 */
export function lookupPlace(name: string, country?: string): GazPlace[] {
  const g = loadGazetteer();
  const rank: Record<GazPlace['kind'], number> = { country: 0, admin1: 1, region: 2, road: 2, city: 3, other: 4, village: 5 };
  return g
    .lookup(name)
    .places.filter((p) => !country || p.country === country.toUpperCase())
    .sort((a, b) => rank[a.kind] - rank[b.kind] || b.population - a.population);
}
