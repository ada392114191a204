// Dashboard bench: time to first render (table, timeline and map data in place) with 100,000 events in the
// database, and the gzip size of the shipped bundle. Events are inserted straight into the events table with
// SQL (the extraction pipeline is not what is measured here). Needs /usr/bin/chromium and a web build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createDb } from '../src/store/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Gzip size of every file under a folder (what a browser downloads with compression), in bytes. */
function gzipSize(dir: string, filter: (f: string) => boolean = () => true): number {
  let n = 0;
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) n += gzipSize(p, filter);
    else if (filter(e)) n += gzipSync(readFileSync(p)).length;
  }
  return n;
}

/** Insert `n` synthetic events spread over six countries and a year (one SQL statement). */
async function seed(dataDir: string, n: number): Promise<void> {
  const db = await createDb({ dataDir });
  await db.query(
    `INSERT INTO events (id, sort_key, event_type, sub_event_type, disorder_type, actor1, event_date, time_precision, country, admin1, location, latitude, longitude, geo_precision, fatalities, fatalities_low, fatalities_best, fatalities_high, sources, notes)
     SELECT 'bench_' || i, to_char(d, 'YYYY-MM-DD') || ' bench_' || i, (ARRAY['Battles','Explosions/Remote violence','Violence against civilians','Protests','Riots','Strategic developments'])[1 + i % 6],
       'Armed clash', 'Political violence', 'Actor ' || (i % 50), d, 1, (ARRAY['Sudan','Syria','Ukraine','Yemen','Haiti','Somalia'])[1 + i % 6], 'Region ' || (i % 40), 'Town ' || (i % 3000),
       10 + (i % 3000) * 0.01, 20 + (i % 3000) * 0.013, 1 + i % 3, i % 7, i % 7, i % 7, i % 9, '["Bench source"]'::jsonb, 'Synthetic bench event ' || i
     FROM generate_series(1, $1::int) i, LATERAL (SELECT date '2024-01-01' + (i % 366) AS d) x`,
    [n],
  );
  await db.close();
}

/** Time to first render with 100,000 events and the bundle's gzip size; null timings when chromium is absent. */
export async function benchWeb(opts: { events?: number } = {}): Promise<{ events: number; firstRenderMs: number | null; bundleGzipBytes: number; basemapGzipBytes: number; seedSeconds: number }> {
  const n = opts.events ?? 100_000;
  if (!existsSync(path.join(root, 'src/web/dist/index.html'))) spawnSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' });
  const dist = path.join(root, 'src/web/dist');
  const bundleGzipBytes = gzipSize(path.join(dist, 'assets'));
  const basemapGzipBytes = gzipSize(path.join(dist, 'map'));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sitrep-bench-web-'));
  const t0 = Date.now();
  await seed(dataDir, n);
  const seedSeconds = (Date.now() - t0) / 1000;
  let firstRenderMs: number | null = null;
  const server = spawn(process.execPath, ['bin/sitrep.mjs', 'serve', '--data', dataDir, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (d) => {
        out += d;
        const m = /serving (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      server.once('exit', (c) => reject(new Error(`server exited ${c}`)));
    });
    if (existsSync('/usr/bin/chromium')) {
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const t1 = Date.now();
      await page.goto(base);
      // First render: table rows, timeline days and map points all present.
      // A string, not a function: tsx's name-keeping helper does not exist inside the page.
      await page.waitForFunction(
        `['events-table data-rows', 'timeline data-days', 'map data-points'].every((x) => { const [id, a] = x.split(' '); return Number(document.querySelector('[data-testid=' + id + ']')?.getAttribute(a) ?? 0) > 0; })`,
        null,
        { timeout: 120_000 },
      );
      firstRenderMs = Date.now() - t1;
      await browser.close();
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { events: n, firstRenderMs, bundleGzipBytes, basemapGzipBytes, seedSeconds };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(JSON.stringify(await benchWeb({ events: Number(process.argv[2]) || undefined })));
}
