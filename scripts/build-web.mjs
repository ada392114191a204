#!/usr/bin/env node
// Build the dashboard into src/web/dist: vite bundles the app, then the offline base map is written as
// GeoJSON from the bundled Natural Earth countries (world-atlas, public domain), so the page fetches nothing
// from outside the server at run time.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { feature } from 'topojson-client';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'src', 'web');
const require = createRequire(import.meta.url);

/** Round coordinates to ~100 m: the base map is context, and this halves the file. */
function round(v) {
  return Array.isArray(v) ? v.map(round) : Math.round(v * 1000) / 1000;
}

/** Newest modification time of the app's sources (the build output excluded). */
function newestSource(dir) {
  let t = 0;
  for (const e of readdirSync(dir)) {
    if (e === 'dist' || e === 'node_modules') continue;
    const p = path.join(dir, e);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newestSource(p) : s.mtimeMs);
  }
  return t;
}

// `--if-stale`: skip the build when dist/ is newer than every source file (npm start and the browser tests).
const index = path.join(web, 'dist', 'index.html');
if (process.argv.includes('--if-stale') && existsSync(index) && statSync(index).mtimeMs >= newestSource(web)) {
  process.stdout.write('web build: up to date\n');
  process.exit(0);
}

const t0 = Date.now();
await build({ configFile: path.join(web, 'vite.config.ts'), logLevel: 'warn' });
const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
const countries = feature(topo, topo.objects.countries);
for (const f of countries.features) f.geometry = { ...f.geometry, coordinates: round(f.geometry.coordinates) };
mkdirSync(path.join(web, 'dist', 'map'), { recursive: true });
writeFileSync(path.join(web, 'dist', 'map', 'countries.geojson'), JSON.stringify(countries));

/** Write `.br` and `.gz` beside every text file of the build: the server sends them as they are (no work per request). */
function precompress(dir) {
  const sizes = {};
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) {
      Object.assign(sizes, precompress(p));
      continue;
    }
    if (!/\.(js|mjs|css|html|json|geojson|svg)$/.test(e)) continue;
    const raw = readFileSync(p);
    if (raw.length < 1024) continue;
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    writeFileSync(`${p}.br`, br);
    writeFileSync(`${p}.gz`, gzipSync(raw, { level: 9 }));
    sizes[path.relative(path.join(web, 'dist'), p)] = { raw: raw.length, br: br.length };
  }
  return sizes;
}
const sizes = precompress(path.join(web, 'dist'));
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
for (const [f, s] of Object.entries(sizes)) if (s.raw > 100_000) process.stdout.write(`  ${f}: ${kb(s.raw)} -> ${kb(s.br)} brotli\n`);
process.stdout.write(`web build: src/web/dist (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
