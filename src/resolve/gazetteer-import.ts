import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SitrepError } from '../core/index.ts';
import { fold, isLatin } from './fold.ts';
import type { GazRow } from './gazetteer-build.ts';
import type { Overlay } from './gazetteer.ts';
import { cacheDir, overlayPath, resetGazetteer } from './gazetteer.ts';

/** What an import added. */
export interface ImportResult {
  readonly kind: 'geonames' | 'alternate-names';
  readonly places: number;
  readonly names: number;
}

function bad(file: string, line: number, why: string): never {
  throw new SitrepError('SITREP_GAZETTEER_BAD_IMPORT', `${file}:${line}: ${why}`);
}

/**
 * Import a GeoNames dump into the overlay: a 19-column place file (`SY.txt`, `allCountries.txt`) or
 * `alternateNamesV2.txt` (names for places already imported or indexed by id). Malformed lines stop the import
 * with SITREP_GAZETTEER_BAD_IMPORT naming the file and line; nothing is written then.
 */
export function importGeonames(file: string, dir = cacheDir()): ImportResult {
  if (!existsSync(file)) throw new SitrepError('SITREP_INGEST_NOT_FOUND', file);
  const ovFile = overlayPath(dir);
  const ov: { rows: GazRow[]; names: Record<string, number[]> } = existsSync(ovFile) ? (JSON.parse(readFileSync(ovFile, 'utf8')) as Overlay as { rows: GazRow[]; names: Record<string, number[]> }) : { rows: [], names: {} };
  const byId = new Map<number, number>();
  ov.rows.forEach((r, i) => {
    if (r[0] != null) byId.set(r[0], i);
  });
  const addName = (name: string, row: number) => {
    const f = fold(name);
    if (!f || f.length < 2) return false;
    ov.names[f] ??= [];
    const list = ov.names[f];
    if (list.includes(row)) return false;
    list.push(row);
    return true;
  };
  const lines = readFileSync(file, 'utf8').split('\n');
  const first = lines.find((l) => l.trim() && !l.startsWith('#'));
  const cols = first?.split('\t').length ?? 0;
  let places = 0;
  let names = 0;
  const kind = cols >= 19 ? 'geonames' : cols >= 4 && cols <= 10 ? 'alternate-names' : bad(file, 1, `expected 19 tab-separated columns (GeoNames) or 4–10 (alternateNamesV2), found ${cols}`);
  lines.forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const f = line.replace(/\r$/, '').split('\t');
    const n = i + 1;
    if (kind === 'geonames') {
      if (f.length !== 19) bad(file, n, `expected 19 columns, found ${f.length}`);
      const id = Number(f[0]);
      const lat = Number(f[4]);
      const lon = Number(f[5]);
      if (!Number.isInteger(id) || id <= 0) bad(file, n, `bad geonameid "${f[0]}"`);
      if (!f[1]) bad(file, n, 'empty name');
      if (!Number.isFinite(lat) || Math.abs(lat) > 90 || !Number.isFinite(lon) || Math.abs(lon) > 180 || f[4] === '' || f[5] === '') bad(file, n, 'bad coordinates');
      if (!/^[A-Z]{2}$/.test(f[8]!)) bad(file, n, `bad country code "${f[8]}"`);
      // Populated places and administrative areas; mountains, wells and the like are not event locations.
      if (f[6] !== 'P' && f[6] !== 'A') return;
      const pop = Number(f[14]) || 0;
      const code = f[7]!;
      const k = f[6] === 'A' ? (code === 'ADM1' ? 'A' : 'O') : code === 'PPLX' ? 'X' : code === 'PPLC' || code.startsWith('PPLA') || pop >= 10000 ? 'P' : 'V';
      const row: GazRow = [id, f[2] || f[1]!, lat, lon, f[8]!, f[10] ? `${f[8]}.${f[10]}` : null, k, pop];
      let idx = byId.get(id);
      if (idx == null) {
        idx = ov.rows.length;
        ov.rows.push(row);
        byId.set(id, idx);
        places++;
      } else ov.rows[idx] = row;
      for (const nm of [f[1]!, f[2]!, ...(f[3] ? f[3].split(',') : [])]) if (nm && isLatin(nm) && addName(nm, idx)) names++;
    } else {
      const id = Number(f[1]);
      if (!Number.isInteger(Number(f[0])) || !Number.isInteger(id) || id <= 0) bad(file, n, 'bad alternateNameId or geonameid');
      const lang = f[2] ?? '';
      const nm = f[3] ?? '';
      if (!nm) bad(file, n, 'empty alternate name');
      // Only English or unlabelled Latin names, and only for places the overlay holds.
      if (lang && lang !== 'en') return;
      if (['link', 'post', 'iata', 'icao', 'faac', 'wkdt', 'abbr'].includes(lang)) return;
      const idx = byId.get(id);
      if (idx != null && isLatin(nm) && addName(nm, idx)) names++;
    }
  });
  mkdirSync(path.dirname(ovFile), { recursive: true });
  writeFileSync(ovFile, JSON.stringify(ov));
  resetGazetteer();
  return { kind, places, names };
}
