// Storage benchmark: ingest throughput (pipeline + store, articles/s) on PGlite and PostgreSQL for a generated
// corpus, p50/p95 of the main event queries over generated events, export throughput and peak memory.
// `npm run bench` calls benchStore(); run alone with `node --import tsx bench/store.ts [articles] [events]`.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext } from '../src/core/index.ts';
import { createDb, type Db, type DbConfig, dropSchema, type EventFilters, exportEvents, ingestArticle, insertRows, listEvents, timeseries } from '../src/store/index.ts';

const PLACES = [
  ['Aleppo', 'Syria', 'Aleppo', 36.2, 37.16], ['Idlib', 'Syria', 'Idlib', 35.93, 36.63], ['El Fasher', 'Sudan', 'North Darfur', 13.63, 25.35],
  ['Omdurman', 'Sudan', 'Khartoum', 15.64, 32.48], ['Kharkiv', 'Ukraine', 'Kharkiv', 49.99, 36.23], ['Pokrovsk', 'Ukraine', 'Donetsk', 48.28, 37.18],
  ['Sagaing', 'Myanmar', 'Sagaing', 21.88, 95.98], ['Lashio', 'Myanmar', 'Shan', 22.93, 97.75], ['Goma', 'Democratic Republic of Congo', 'North Kivu', -1.68, 29.23],
  ['Mogadishu', 'Somalia', 'Banadir', 2.04, 45.34],
] as const;
const ACTORS = ['Military Forces of Syria (2024-)', 'Rapid Support Forces', 'Military Forces of Russia (2000-)', 'Military Forces of Myanmar (1948-)', 'M23: March 23 Movement', 'Al Shabaab'];
const TYPES = [
  ['Explosions/Remote violence', 'Air/drone strike'], ['Explosions/Remote violence', 'Shelling/artillery/missile attack'], ['Battles', 'Armed clash'],
  ['Violence against civilians', 'Attack'], ['Protests', 'Peaceful protest'], ['Strategic developments', 'Displacement'],
] as const;
const OUTLETS = ['Wirenews', 'Daily Courier', 'Frontline Post', 'Regional Herald'];
const SOURCES = ['the health ministry', 'a local monitor', 'the United Nations', 'residents', 'the Red Cross'];
const TEMPLATES = [
  (p: string, n: number, s: string, d: string) => `${p.toUpperCase()}, ${d} (Wirenews) - An air strike on a market in ${p} killed ${n} civilians on Tuesday, according to ${s}.\nAt least ${n * 2} people were wounded, ${s} said.`,
  (p: string, n: number, s: string, d: string) => `Shelling hit a residential district of ${p} overnight, killing at least ${n} people including ${Math.max(1, n >> 2)} children, ${s} said on ${d}.\nAbout ${n * 100} families fled the area.`,
  (p: string, n: number, s: string, d: string) => `Fighters clashed with government troops near ${p} on ${d}, leaving ${n} combatants dead, ${s} reported.\nThe fighting forced more than ${n * 50} residents to flee.`,
  (p: string, n: number, s: string, d: string) => `Hundreds of people protested in ${p} on ${d} against rising prices, ${s} said.\nNo casualties were reported; ${n} protesters were detained.`,
];

/** Deterministic pseudo-random numbers, so runs are comparable. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A varied wire-like article from templates (place, toll, source, date, outlet drawn at random). */
export function generateArticle(i: number): { text: string; url: string; outlet: string; published: string } {
  const r = rng(i + 1);
  const p = PLACES[Math.floor(r() * PLACES.length)]![0];
  const day = `2024-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  const d = new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const t = TEMPLATES[Math.floor(r() * TEMPLATES.length)]!;
  const text = `${t(p, 2 + Math.floor(r() * 40), SOURCES[Math.floor(r() * SOURCES.length)]!, d)}\nReport ${i}.`;
  return { text, url: `https://bench.test/a/${i}`, outlet: OUTLETS[i % OUTLETS.length]!, published: day };
}

async function openTarget(kind: 'pglite' | 'postgres'): Promise<{ db: Db; done: () => Promise<void> } | null> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sitrep-bench-'));
    const db = await createDb({ dataDir: dir });
    return { db, done: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `sitrep_bench_${randomBytes(4).toString('hex')}`;
  try {
    const config: DbConfig = { databaseUrl: url, schema };
    const db = await createDb(config);
    return { db, done: async () => { await db.close(); await dropSchema(url, schema); } };
  } catch (e) {
    process.stderr.write(`bench: PostgreSQL unavailable (${(e as Error).message}); skipped\n`);
    return null;
  }
}

/** Ingest `n` generated articles through the whole pipeline; articles per second. */
export async function benchIngest(db: Db, n: number): Promise<{ articles: number; seconds: number; per_second: number; events: number }> {
  const ctx = createContext();
  const t0 = performance.now();
  let events = 0;
  for (let i = 0; i < n; i++) {
    const a = generateArticle(i);
    const r = await ingestArticle(db, { text: a.text, meta: { input: `bench:${i}`, url: a.url, outlet: a.outlet, published: a.published } }, ctx);
    if (r.ok) events += r.events;
  }
  const seconds = (performance.now() - t0) / 1000;
  return { articles: n, seconds, per_second: n / seconds, events };
}

/** Insert `n` generated merged events directly, in multi-row batches. */
export async function seedEvents(db: Db, n: number): Promise<number> {
  const r = rng(42);
  const t0 = performance.now();
  const cols = ['id', 'sort_key', 'event_type', 'sub_event_type', 'disorder_type', 'actor1', 'actor2', 'event_date', 'country', 'admin1', 'location', 'latitude', 'longitude', 'geo_precision', 'fatalities', 'fatalities_low', 'fatalities_best', 'fatalities_high', 'sources', 'sources_independent', 'reports', 'notes'];
  for (let start = 0; start < n; start += 2000) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(n, start + 2000); i++) {
      const p = PLACES[Math.floor(r() * PLACES.length)]!;
      const [et, st] = TYPES[Math.floor(r() * TYPES.length)]!;
      const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(r() * 3650) * 86400000).toISOString().slice(0, 10);
      const id = `ev_bench${String(i).padStart(10, '0')}`;
      const f = Math.floor(r() * r() * 60);
      rows.push([id, `${day} ${id}`, et, st, 'Political violence', ACTORS[Math.floor(r() * ACTORS.length)], 'Civilians', day, p[1], p[2], p[0], p[3] + (r() - 0.5) * 0.2, p[4] + (r() - 0.5) * 0.2, 1 + Math.floor(r() * 3), f, f, f, f + Math.floor(r() * 5), JSON.stringify([SOURCES[Math.floor(r() * SOURCES.length)]]), 1, 1, `On ${day}, ${st.toLowerCase()} in ${p[0]} killed ${f} people.`]);
    }
    await insertRows(db, 'events', cols, rows);
  }
  await db.query('ANALYZE events');
  return (performance.now() - t0) / 1000;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** p50/p95 (ms) of the main event queries the dashboard and API issue. */
export async function benchQueries(db: Db, runs = 20): Promise<Record<string, { p50: number; p95: number }>> {
  const queries: [string, () => Promise<unknown>][] = [
    ['list newest 50', () => listEvents(db, {})],
    ['country', () => listEvents(db, { country: 'Sudan' })],
    ['country+admin1+date range', () => listEvents(db, { country: 'Syria', admin1: 'Aleppo', from: '2020-01-01', to: '2020-03-31' })],
    ['actor', () => listEvents(db, { actor: 'Rapid Support Forces' })],
    ['event type+min fatalities', () => listEvents(db, { event_type: 'Battles', min_fatalities: 30 })],
    ['bbox', () => listEvents(db, { bbox: '36.5,35.5,37.5,36.5' })],
    ['full text q', () => listEvents(db, { q: 'shelling Kharkiv' } as EventFilters)],
    ['page 2 (cursor)', async () => listEvents(db, { country: 'Ukraine' }, { cursor: (await listEvents(db, { country: 'Ukraine' })).next })],
    ['timeseries country+year', () => timeseries(db, { country: 'Myanmar', from: '2019-01-01', to: '2019-12-31' })],
  ];
  const out: Record<string, { p50: number; p95: number }> = {};
  for (const [name, q] of queries) {
    await q();
    const t: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await q();
      t.push(performance.now() - t0);
    }
    out[name] = { p50: +pct(t, 50).toFixed(2), p95: +pct(t, 95).toFixed(2) };
  }
  return out;
}

/** Export every event as ACLED CSV, counting bytes; events per second. */
export async function benchExport(db: Db, events: number): Promise<{ seconds: number; events_per_second: number; megabytes: number }> {
  const t0 = performance.now();
  let bytes = 0;
  for await (const chunk of exportEvents(db, 'acled-csv', {}, 5000)) bytes += Buffer.byteLength(chunk);
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, events_per_second: events / seconds, megabytes: bytes / 1e6 };
}

/** The whole storage benchmark on each database; prints and returns the figures. */
export async function benchStore(opts: { articles?: number; events?: number; dbs?: ('pglite' | 'postgres')[] } = {}): Promise<Record<string, unknown>> {
  const articles = opts.articles ?? 10_000;
  const events = opts.events ?? 1_000_000;
  const result: Record<string, unknown> = {};
  for (const kind of opts.dbs ?? (['pglite', 'postgres'] as const)) {
    const t = await openTarget(kind);
    if (!t) continue;
    try {
      const ingest = await benchIngest(t.db, articles);
      process.stderr.write(`[${kind}] ingest ${JSON.stringify(ingest)}\n`);
      const seed = await seedEvents(t.db, events);
      process.stderr.write(`[${kind}] seeded ${events} events in ${seed.toFixed(1)} s\n`);
      const queries = await benchQueries(t.db);
      process.stderr.write(`[${kind}] queries ${JSON.stringify(queries)}\n`);
      const exp = await benchExport(t.db, events + ingest.events);
      process.stderr.write(`[${kind}] export ${JSON.stringify(exp)}\n`);
      result[kind] = { ingest, seed_seconds: seed, queries, export: exp };
    } finally {
      await t.done();
    }
  }
  result.peak_rss_mb = process.resourceUsage().maxRSS / 1024;
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [a, e, which] = process.argv.slice(2);
  const r = await benchStore({ articles: a ? Number(a) : undefined, events: e ? Number(e) : undefined, dbs: which ? (which.split(',') as ('pglite' | 'postgres')[]) : undefined });
  process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
}
