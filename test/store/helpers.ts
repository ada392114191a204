import { randomBytes } from 'node:crypto';
import type { Claim, Doc, Place, SitrepEvent, Span } from '../../src/core/index.ts';
import { createDoc } from '../../src/core/index.ts';
import { createDb, type Db, dropSchema } from '../../src/store/index.ts';

/** The PostgreSQL server tests use unless DATABASE_URL says otherwise. */
export const PG_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** A database under test and how to dispose of it. */
export interface TestDb {
  readonly db: Db;
  readonly config: { dataDir?: string; databaseUrl?: string; schema?: string };
  cleanup(): Promise<void>;
}

/** True when a PostgreSQL server answers at the URL within two seconds. */
export async function pgReachable(url = PG_URL): Promise<boolean> {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * The databases every storage and API suite runs against: PGlite in memory, and PostgreSQL in a fresh schema
 * dropped afterwards. Without a server the PostgreSQL half is skipped with a notice; under CI=true it fails.
 */
export async function dbTargets(): Promise<{ name: string; skip: string | false; open: () => Promise<TestDb> }[]> {
  const reachable = await pgReachable();
  if (!reachable && process.env.CI !== 'true') process.stderr.write(`NOTICE: PostgreSQL not reachable at ${PG_URL}; PostgreSQL half of the store/API tests skipped\n`);
  return [
    {
      name: 'pglite',
      skip: false,
      open: async () => {
        const db = await createDb({ dataDir: 'memory://' });
        return { db, config: { dataDir: 'memory://' }, cleanup: () => db.close() };
      },
    },
    {
      name: 'postgres',
      skip: reachable || process.env.CI === 'true' ? false : 'PostgreSQL not reachable',
      open: async () => {
        if (!reachable) throw new Error(`CI=true but PostgreSQL is not reachable at ${PG_URL}`);
        const schema = `sitrep_test_${randomBytes(6).toString('hex')}`;
        const db = await createDb({ databaseUrl: PG_URL, schema });
        return {
          db,
          config: { databaseUrl: PG_URL, schema },
          cleanup: async () => {
            await db.close();
            await dropSchema(PG_URL, schema);
          },
        };
      },
    },
  ];
}

/** The span of the `nth` occurrence of `phrase` in `text` (throws when absent, so fixtures stay honest). */
export function find(text: string, phrase: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(phrase, at + 1);
    if (at < 0) throw new Error(`"${phrase}" not in fixture text`);
  }
  return { start: at, end: at + phrase.length };
}

/** A hand-written wire report used across store and API tests. */
export const WIRE = `KHARTOUM, March 3 (Wirenews) - An air strike on a market in El Fasher killed 14 civilians on Sunday, according to the Darfur Medical Network.
The group said at least 30 people were wounded. Residents blamed the Sudanese Armed Forces; the army denied it.
About 2,000 families fled the area, the International Organization for Migration said.`;

/** A corrected version of WIRE: the toll rose to 17. */
export const WIRE_CORRECTED = WIRE.replace('killed 14 civilians', 'killed 17 civilians');

/**
 * Build the document the pipeline should produce for a wire text, by hand: one killed claim, one displaced
 * claim, one place and one event whose evidence spans point at the words that support each field.
 */
export function handDoc(text: string, meta: { url?: string | null; outlet?: string; published?: string } = {}): Doc {
  const doc = createDoc({ text, meta: { input: 'test', url: meta.url ?? null, outlet: meta.outlet ?? 'Wirenews', published: meta.published ?? '2025-03-03' } });
  const toll = /killed (\d+) civilians/.exec(text)!;
  const n = Number(toll[1]);
  const killedSpan = find(text, toll[0]);
  const src = find(text, 'Darfur Medical Network');
  const claim: Claim = {
    kind: 'killed', low: n, best: n, high: n, hedge: null, unit: 'people', victims: { category: 'civilians', actor: null }, perpetrator: null,
    source: { name: 'Darfur Medical Network', kind: 'ngo', chain: ['Wirenews', 'Darfur Medical Network'], span: src, rule: 'attribution.according-to' },
    background: false, span: killedSpan, also: [], sentence: 0, part_of: null, share: null, rule: 'test.hand',
  };
  const displaced: Claim = {
    ...claim, kind: 'displaced', low: null, best: 2000, high: null, hedge: 'About', unit: 'families', span: find(text, 'About 2,000 families fled'),
    source: { name: 'International Organization for Migration', kind: 'igo', chain: ['Wirenews', 'International Organization for Migration'], span: find(text, 'International Organization for Migration'), rule: 'attribution.said' },
    sentence: 2,
  };
  const place: Place = {
    span: find(text, 'El Fasher'), name: 'El Fasher', resolved_name: 'El Fasher', geonameid: 379303, lat: 13.6279, lon: 25.3494, country: 'Sudan',
    admin1: 'North Darfur', feature: 'city', precision: 1, candidates_considered: 2, rule: 'gazetteer.exact', sentence: 0,
  };
  const event: SitrepEvent = {
    event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', disorder_type: 'Political violence', actor1: 'Military Forces of Sudan (2019-)',
    assoc_actor_1: null, inter1: 'State forces', actor2: 'Civilians (Sudan)', assoc_actor_2: null, inter2: 'Civilians', interaction: 'State forces-Civilians',
    civilian_targeting: 'Civilians targeted', event_date: '2025-03-02', time_precision: 1, country: 'Sudan', iso: '729', admin1: 'North Darfur', admin2: null,
    location: 'El Fasher', latitude: 13.6279, longitude: 25.3494, geo_precision: 1, fatalities: n, fatalities_range: { low: n, best: n, high: n }, claims: [0, 1],
    sources: ['Darfur Medical Network'], notes: `On 2 March 2025, an air strike on a market in El Fasher killed ${n} civilians.`,
    evidence: [
      { field: 'sub_event_type', span: find(text, 'An air strike') },
      { field: 'location', span: place.span },
      { field: 'fatalities', span: killedSpan },
    ],
    sentence: 0, confidence: 0.8, rule: 'test.hand',
  };
  return { ...doc, sentences: [{ span: { start: 0, end: text.indexOf('\n') }, index: 0, paragraph: 0 }], claims: [claim, displaced], places: [place], events: [event] };
}
