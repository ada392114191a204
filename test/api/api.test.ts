import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/index.ts';
import { storeDoc } from '../../src/store/index.ts';
import { dbTargets, handDoc, type TestDb, WIRE } from '../store/helpers.ts';

const targets = await dbTargets();
const TOKEN = 'test-token-123';

for (const t of targets) {
  describe(`API on ${t.name}`, { skip: t.skip }, () => {
    let tdb: TestDb;
    let app: FastifyInstance;
    let readOnly: FastifyInstance;
    let eventId: string;
    before(async () => {
      tdb = await t.open();
      await storeDoc(tdb.db, handDoc(WIRE, { url: 'https://wire.test/api1' }));
      app = await buildApp({ db: tdb.db, reviewToken: TOKEN, bodyLimit: 64 * 1024, staticDir: null });
      readOnly = await buildApp({ db: tdb.db, reviewToken: null, staticDir: null });
    });
    after(async () => {
      await app?.close();
      await readOnly?.close();
      await tdb?.cleanup();
    });

    test('GET /api/events lists with {items, next} and filters', async () => {
      const r = await app.inject({ url: '/api/events?country=Sudan&limit=10' });
      assert.equal(r.statusCode, 200);
      const body = r.json();
      assert.equal(body.items.length, 1);
      assert.equal(body.next, null);
      eventId = body.items[0].id;
      assert.equal((await app.inject({ url: '/api/events?country=Chad' })).json().items.length, 0);
    });

    test('GET /api/events/:id returns claims with source chains and evidence slices; unknown id 404', async () => {
      const r = await app.inject({ url: `/api/events/${eventId}` });
      assert.equal(r.statusCode, 200);
      const ev = r.json();
      assert.equal(ev.claims.find((c: { kind: string }) => c.kind === 'killed').text, 'killed 14 civilians');
      assert.deepEqual(ev.attribution_chains[0], ['Wirenews', 'Darfur Medical Network']);
      assert.equal(ev.evidence.find((e: { field: string }) => e.field === 'fatalities').text, 'killed 14 civilians');
      const nf = await app.inject({ url: '/api/events/ev_does_not_exist' });
      assert.equal(nf.statusCode, 404);
      assert.equal(nf.json().code, 'SITREP_API_NOT_FOUND');
    });

    test('malformed requests get 400 with {code, message}', async () => {
      for (const url of ['/api/events?from=yesterday', '/api/events?limit=0', '/api/events?bbox=1,2,3', '/api/events?nonsense=1', '/api/articles/abc', '/api/export?format=xls']) {
        const r = await app.inject({ url });
        assert.equal(r.statusCode, 400, url);
        assert.equal(r.json().code, 'SITREP_API_BAD_REQUEST', url);
        assert.ok(r.json().message.length > 0);
      }
      const bad = await app.inject({ method: 'POST', url: '/api/articles', headers: { 'content-type': 'application/json' }, payload: '{"text": ' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().code, 'SITREP_API_BAD_REQUEST');
    });

    test('oversized bodies get 413', async () => {
      const r = await app.inject({ method: 'POST', url: '/api/articles', payload: { text: 'x'.repeat(100 * 1024) } });
      assert.equal(r.statusCode, 413);
      assert.equal(r.json().code, 'SITREP_API_TOO_LARGE');
    });

    test('PATCH review needs the configured token and writes the audit log', async () => {
      const ro = await readOnly.inject({ method: 'PATCH', url: `/api/events/${eventId}`, payload: { action: 'accept' } });
      assert.equal(ro.statusCode, 403);
      const noAuth = await app.inject({ method: 'PATCH', url: `/api/events/${eventId}`, payload: { action: 'accept' } });
      assert.equal(noAuth.statusCode, 401);
      const wrong = await app.inject({ method: 'PATCH', url: `/api/events/${eventId}`, headers: { authorization: 'Bearer nope' }, payload: { action: 'accept' } });
      assert.equal(wrong.statusCode, 401);
      const auth = { authorization: `Bearer ${TOKEN}` };
      const ok = await app.inject({ method: 'PATCH', url: `/api/events/${eventId}`, headers: auth, payload: { action: 'edit', changes: { fatalities: 13, location: 'El Fasher' }, reviewer: 'amy' } });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.json().fatalities, 13);
      assert.equal(ok.json().review_status, 'edited');
      const badField = await app.inject({ method: 'PATCH', url: `/api/events/${eventId}`, headers: auth, payload: { action: 'edit', changes: { id: 'x' } } });
      assert.equal(badField.statusCode, 400);
      const missing = await app.inject({ method: 'PATCH', url: '/api/events/ev_nope', headers: auth, payload: { action: 'accept' } });
      assert.equal(missing.statusCode, 404);
      const audit = (await app.inject({ url: `/api/events/${eventId}/audit` })).json();
      assert.equal(audit.items.length, 1);
      assert.equal(audit.items[0].reviewer, 'amy');
      assert.equal(audit.items[0].before.fatalities, 14);
      assert.equal(audit.items[0].after.fatalities, 13);
      const reviewed = (await app.inject({ url: '/api/export?format=jsonl&reviewed_only=true' })).body.trim().split('\n');
      assert.equal(reviewed.length, 1);
    });

    test('POST /api/articles stores a JSON article once; the article view has text and annotations', async () => {
      const payload = { text: WIRE.replace('El Fasher', 'Nyala'), url: 'https://wire.test/posted', published: '2025-03-03', outlet: 'Wirenews' };
      const r = await app.inject({ method: 'POST', url: '/api/articles', payload });
      assert.equal(r.statusCode, 201);
      const id = r.json().items[0].articleId;
      const again = await app.inject({ method: 'POST', url: '/api/articles', payload });
      assert.equal(again.statusCode, 200);
      assert.equal(again.json().items[0].status, 'unchanged');
      const art = (await app.inject({ url: `/api/articles/${id}` })).json();
      assert.equal(art.text, payload.text);
      assert.equal(art.url, payload.url);
      assert.ok(Array.isArray(art.sentences) && Array.isArray(art.claims) && Array.isArray(art.versions));
      assert.equal((await app.inject({ url: '/api/articles/999999' })).statusCode, 404);
      const list = (await app.inject({ url: '/api/articles?limit=1' })).json();
      assert.equal(list.items.length, 1);
      assert.ok(list.next);
      assert.equal((await app.inject({ url: `/api/articles?limit=1&cursor=${list.next}` })).json().items.length, 1);
    });

    test('claims, actors, places, timeseries, exports, openapi, healthz', async () => {
      const claims = (await app.inject({ url: '/api/claims?kind=killed&source=Darfur%20Medical%20Network' })).json();
      assert.ok(claims.items.length >= 1);
      const actors = (await app.inject({ url: '/api/actors?q=Sudan' })).json();
      assert.ok(actors.items.some((a: { name: string; events: number }) => a.name === 'Military Forces of Sudan (2019-)' && a.events >= 1));
      const places = (await app.inject({ url: '/api/places?country=Sudan' })).json();
      assert.ok(places.items.some((p: { name: string }) => p.name === 'El Fasher'));
      const ts = (await app.inject({ url: '/api/timeseries' })).json();
      assert.equal(ts.items[0].day, '2025-03-02');
      const csv = await app.inject({ url: '/api/export?format=acled-csv&country=Sudan' });
      assert.equal(csv.statusCode, 200);
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      assert.ok(csv.body.startsWith('event_id_cnty,event_date,year,'));
      const gj = JSON.parse((await app.inject({ url: '/api/export?format=geojson' })).body);
      assert.equal(gj.type, 'FeatureCollection');
      const oa = (await app.inject({ url: '/api/openapi.json' })).json();
      assert.ok(oa.paths['/api/events/{id}'].get && oa.paths['/api/events/{id}'].patch && oa.paths['/api/export'].get);
      assert.deepEqual((await app.inject({ url: '/healthz' })).json().ok, true);
      assert.equal((await app.inject({ url: '/api/nothing-here' })).statusCode, 404);
    });
  });
}
