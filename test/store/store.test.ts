import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Doc } from '../../src/core/index.ts';
import { ACLED_COLUMNS, type Db, exportEvents, getArticle, getEvent, listEvents, reviewEvent, storeDoc, timeseries } from '../../src/store/index.ts';
import { dbTargets, handDoc, type TestDb, WIRE, WIRE_CORRECTED } from './helpers.ts';

const targets = await dbTargets();

/**
 * The same hand-written wire report as a different incident `days` earlier: near-identical reports of one day
 * and place merge into one event, so tests that need several events date them apart.
 */
function apart(doc: Doc, days: number): Doc {
  const date = new Date(Date.parse('2025-03-02T00:00:00Z') - days * 86_400_000).toISOString().slice(0, 10);
  return { ...doc, events: doc.events.map((e) => ({ ...e, event_date: date })) };
}

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let s = '';
  for await (const c of gen) s += c;
  return s;
}

for (const t of targets) {
  describe(`store on ${t.name}`, { skip: t.skip }, () => {
    let tdb: TestDb;
    let db: Db;
    before(async () => {
      tdb = await t.open();
      db = tdb.db;
    });
    after(async () => tdb?.cleanup());

    test('same URL or same text twice changes nothing', async () => {
      const first = await storeDoc(db, handDoc(WIRE, { url: 'https://wire.test/1' }));
      assert.equal(first.status, 'new');
      assert.equal((await storeDoc(db, handDoc(WIRE, { url: 'https://wire.test/1' }))).status, 'unchanged');
      // The same copy found at another address (an aggregator) is the same article.
      assert.equal((await storeDoc(db, handDoc(WIRE, { url: 'https://mirror.test/x' }))).status, 'unchanged');
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
      assert.equal(rows[0]!.n, 1);
      const ev = await listEvents(db, {});
      assert.equal(ev.items.length, 1);
    });

    test('event detail points every field and claim back to the article text', async () => {
      const id = String((await listEvents(db, {})).items[0]!.id);
      const ev = (await getEvent(db, id))!;
      const claims = ev.claims as { text: string; kind: string; source: { name: string; text: string; chain: string[] } }[];
      assert.equal(claims.find((c) => c.kind === 'killed')!.text, 'killed 14 civilians');
      assert.equal(claims.find((c) => c.kind === 'killed')!.source.text, 'Darfur Medical Network');
      assert.deepEqual(claims.find((c) => c.kind === 'killed')!.source.chain, ['Wirenews', 'Darfur Medical Network']);
      const evidence = ev.evidence as { field: string; text: string }[];
      assert.equal(evidence.find((e) => e.field === 'location')!.text, 'El Fasher');
      assert.equal(evidence.find((e) => e.field === 'sub_event_type')!.text, 'An air strike');
      assert.equal((ev.reports as unknown[]).length, 1);
      // "About 2,000 families fled" is the event's displacement figure.
      assert.equal(ev.displaced, 2000);
    });

    test('a corrected version replaces derived rows, keeps history, event id and reviewer edits', async () => {
      const id = String((await listEvents(db, {})).items[0]!.id);
      await reviewEvent(db, id, { action: 'edit', changes: { location: 'El Fasher market' }, reviewer: 'tester' });
      const r = await storeDoc(db, handDoc(WIRE_CORRECTED, { url: 'https://wire.test/1' }));
      assert.equal(r.status, 'updated');
      const art = (await getArticle(db, r.articleId))!;
      assert.equal(art.version, 2);
      assert.equal((art.versions as { version: number }[]).length, 1);
      const claims = art.claims as { kind: string; best: number }[];
      assert.equal(claims.length, 2);
      assert.equal(claims.find((c) => c.kind === 'killed')!.best, 17);
      const ev = (await getEvent(db, id))!;
      assert.equal(ev.fatalities, 17);
      assert.equal(ev.location, 'El Fasher market');
      assert.equal(ev.review_status, 'edited');
      assert.equal((await listEvents(db, {})).items.length, 1);
    });

    test('concurrent ingests of one article store it once', async () => {
      const doc = apart(handDoc(WIRE.replace('El Fasher', 'El Fasher').replace('Sunday', 'Monday'), { url: 'https://wire.test/2' }), 40);
      const rs = await Promise.all([1, 2, 3, 4].map(() => storeDoc(db, doc)));
      assert.equal(rs.filter((r) => r.status === 'new').length, 1);
      const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM articles WHERE url = 'https://wire.test/2'");
      assert.equal(rows[0]!.n, 1);
    });

    test('filters, cursor pagination and time series', async () => {
      for (let i = 0; i < 5; i++) await storeDoc(db, apart(handDoc(WIRE.replace('market', `market ${i}`), { url: `https://wire.test/p${i}` }), 4 * (i + 1)));
      const all: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await listEvents(db, {}, { limit: 2, cursor });
        all.push(...page.items.map((e) => String(e.id)));
        cursor = page.next;
      } while (cursor);
      assert.equal(all.length, 7);
      assert.equal(new Set(all).size, 7);
      assert.equal((await listEvents(db, { country: 'Sudan', admin1: 'North Darfur', actor: 'Military Forces of Sudan (2019-)' })).items.length, 7);
      assert.equal((await listEvents(db, { country: 'Syria' })).items.length, 0);
      assert.equal((await listEvents(db, { bbox: '25,13,26,14' })).items.length, 7);
      assert.equal((await listEvents(db, { bbox: '30,13,31,14' })).items.length, 0);
      assert.equal((await listEvents(db, { min_fatalities: 15 })).items.length, 1);
      assert.equal((await listEvents(db, { q: 'market 3' })).items.length >= 1, true);
      assert.equal((await listEvents(db, { source: 'Darfur Medical Network' })).items.length, 7);
      assert.equal((await listEvents(db, { from: '2025-03-03' })).items.length, 0);
      const ts = await timeseries(db, {});
      assert.equal(ts.length, 7);
      assert.equal(ts.at(-1)!.day, '2025-03-02');
      assert.equal(ts.reduce((n, d) => n + Number(d.events), 0), 7);
    });

    test('exports: ACLED columns in order, Displacement as Other, GeoJSON, JSON Lines with provenance', async () => {
      const csv = await collect(exportEvents(db, 'acled-csv', {}));
      const lines = csv.trim().split('\n');
      assert.equal(lines[0], 'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp,fatalities_low,fatalities_best,fatalities_high,sources_independent,sitrep_event_id,evidence_url');
      assert.equal(lines.length, 8);
      const doc = handDoc(WIRE.replace('market', 'camp'), { url: 'https://wire.test/d' });
      await storeDoc(db, { ...doc, events: doc.events.map((e) => ({ ...e, event_type: 'Strategic developments', sub_event_type: 'Displacement' })) });
      const csv2 = await collect(exportEvents(db, 'acled-csv', { event_type: 'Strategic developments' }));
      const row = csv2.trim().split('\n')[1]!;
      assert.equal(row.split(',')[ACLED_COLUMNS.indexOf('sub_event_type')], 'Other');
      const gj = JSON.parse(await collect(exportEvents(db, 'geojson', {}, 3)));
      assert.equal(gj.type, 'FeatureCollection');
      assert.equal(gj.features.length, 8);
      assert.deepEqual(gj.features[0].geometry.coordinates, [25.3494, 13.6279]);
      const jl = (await collect(exportEvents(db, 'jsonl', {}, 3))).trim().split('\n').map((l) => JSON.parse(l));
      assert.equal(jl.length, 8);
      assert.ok(jl.every((e) => e.claims.length === 2 && e.reports.length === 1 && e.claims[0].source_chain.length === 2));
    });

    test('review: accept and reject write the audit log with before and after', async () => {
      const id = String((await listEvents(db, {}, { limit: 1 })).items[0]!.id);
      await reviewEvent(db, id, { action: 'reject', reviewer: 'amy' });
      const { rows } = await db.query<{ action: string; reviewer: string; before: { review_status: string }; after: { review_status: string } }>('SELECT * FROM audit_log WHERE event_id = $1 ORDER BY id', [id]);
      assert.equal(rows.at(-1)!.reviewer, 'amy');
      assert.equal(rows.at(-1)!.after.review_status, 'rejected');
      assert.equal((await listEvents(db, { review_status: 'rejected' })).items.length, 1);
      assert.equal(await reviewEvent(db, 'ev_nope', { action: 'accept', reviewer: 'amy' }), null);
      await assert.rejects(reviewEvent(db, id, { action: 'edit', changes: { id: 'x' }, reviewer: 'amy' }), /cannot be edited/);
    });
  });
}
