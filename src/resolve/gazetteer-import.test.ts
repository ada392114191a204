import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, symlinkSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SitrepError } from '../core/index.ts';
import { cacheDir, loadGazetteer } from './gazetteer.ts';
import { importGeonames } from './gazetteer-import.ts';

const fixtures = fileURLToPath(new URL('../../test/fixtures/gazetteer/', import.meta.url));

function tempCache(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-gaz-'));
  // Reuse the built index (a symlink) so the test does not rebuild it; the overlay goes in the temp dir.
  loadGazetteer({ quiet: true });
  for (const f of readdirSync(cacheDir())) if (/^gazetteer-[0-9a-f]{16}$/.test(f)) symlinkSync(path.join(cacheDir(), f), path.join(dir, f));
  return dir;
}

test('import a GeoNames country file and alternate names; the places become searchable', () => {
  const dir = tempCache();
  const r = importGeonames(path.join(fixtures, 'SY-sample.txt'), dir);
  assert.equal(r.kind, 'geonames');
  assert.equal(r.places, 2);
  const alt = importGeonames(path.join(fixtures, 'alternateNames-sample.txt'), dir);
  assert.equal(alt.names, 1);
  const g = loadGazetteer({ dir, quiet: true });
  assert.equal(g.lookup('Kafr Tillal').places[0]?.geonameid, 9900001);
  assert.equal(g.lookup('Kafr Tilal').places[0]?.admin1, 'Idlib');
  assert.equal(g.lookup('Tal Ghazal').places[0]?.geonameid, 9900002);
});

test('a malformed line names file and line', () => {
  const dir = tempCache();
  assert.throws(
    () => importGeonames(path.join(fixtures, 'SY-bad.txt'), dir),
    (e: unknown) => e instanceof SitrepError && e.code === 'SITREP_GAZETTEER_BAD_IMPORT' && /SY-bad\.txt:1:/.test(e.message),
  );
});
