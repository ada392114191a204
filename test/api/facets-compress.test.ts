// The dashboard's filter suggestions (`/api/facets`) and compressed responses, through app.inject on PGlite
// (and PostgreSQL when reachable).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/index.ts';
import { storeDoc } from '../../src/store/index.ts';
import { dbTargets, handDoc, type TestDb, WIRE } from '../store/helpers.ts';

const targets = await dbTargets();

for (const t of targets) {
  describe(`facets and compression on ${t.name}`, { skip: t.skip }, () => {
    let tdb: TestDb;
    let app: FastifyInstance;
    let dir: string;
    // A page the size of the dashboard's script, and one with a precompressed copy as the build writes it.
    const big = `console.log(${JSON.stringify('El Fasher '.repeat(3000))});`;
    before(async () => {
      tdb = await t.open();
      await storeDoc(tdb.db, handDoc(WIRE, { url: 'https://wire.test/facets1' }));
      dir = mkdtempSync(path.join(os.tmpdir(), 'sitrep-static-'));
      mkdirSync(path.join(dir, 'map'));
      writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Sitrep</title>');
      writeFileSync(path.join(dir, 'app.js'), big);
      writeFileSync(path.join(dir, 'map', 'countries.geojson'), big);
      writeFileSync(path.join(dir, 'map', 'countries.geojson.br'), brotliCompressSync(big));
      app = await buildApp({ db: tdb.db, reviewToken: null, staticDir: dir });
    });
    after(async () => {
      await app?.close();
      await tdb?.cleanup();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('GET /api/facets suggests stored values with event counts, filtered by what is typed', async () => {
      const c = await app.inject({ url: '/api/facets?field=country&q=sud' });
      assert.equal(c.statusCode, 200);
      assert.deepEqual(c.json(), { field: 'country', items: [{ value: 'Sudan', events: 1 }] });
      assert.deepEqual((await app.inject({ url: '/api/facets?field=country&q=chad' })).json().items, []);
      assert.deepEqual((await app.inject({ url: '/api/facets?field=admin1' })).json().items, [{ value: 'North Darfur', events: 1 }]);
      // Actors from any actor column; sources one by one from the event's list.
      const actors = (await app.inject({ url: '/api/facets?field=actor' })).json().items.map((x: { value: string }) => x.value);
      assert.deepEqual(actors.sort(), ['Civilians (Sudan)', 'Military Forces of Sudan (2019-)']);
      assert.deepEqual((await app.inject({ url: '/api/facets?field=source&q=darfur' })).json().items, [{ value: 'Darfur Medical Network', events: 1 }]);
      // Another filter narrows the counted events; the field's own filter does not.
      assert.deepEqual((await app.inject({ url: '/api/facets?field=admin1&country=Chad' })).json().items, []);
      assert.equal((await app.inject({ url: '/api/facets?field=country&country=Chad' })).json().items.length, 1);
      // A LIKE wildcard typed by the user is a character, not a pattern.
      assert.deepEqual((await app.inject({ url: '/api/facets?field=country&q=%25' })).json().items, []);
    });

    test('GET /api/facets rejects an unknown field with 400', async () => {
      const r = await app.inject({ url: '/api/facets?field=notes' });
      assert.equal(r.statusCode, 400);
      assert.equal(r.json().code, 'SITREP_API_BAD_REQUEST');
      assert.equal((await app.inject({ url: '/api/facets' })).statusCode, 400);
    });

    test('API answers and static files are compressed when the client accepts it, plain otherwise', async () => {
      const ev = await app.inject({ url: '/api/events/' + (await app.inject({ url: '/api/events' })).json().items[0].id, headers: { 'accept-encoding': 'gzip' } });
      assert.equal(ev.headers['content-encoding'], 'gzip');
      assert.equal(JSON.parse(gunzipSync(ev.rawPayload).toString()).country, 'Sudan');
      const js = await app.inject({ url: '/app.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
      assert.equal(js.headers['content-encoding'], 'br');
      assert.equal(brotliDecompressSync(js.rawPayload).toString(), big);
      assert.ok(js.rawPayload.length < big.length / 10);
      // The build's precompressed base map is sent as it is.
      const map = await app.inject({ url: '/map/countries.geojson', headers: { 'accept-encoding': 'br' } });
      assert.equal(map.headers['content-encoding'], 'br');
      assert.equal(map.headers['content-type'], 'application/geo+json');
      assert.equal(brotliDecompressSync(map.rawPayload).toString(), big);
      const plain = await app.inject({ url: '/map/countries.geojson' });
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.payload, big);
      const refused = await app.inject({ url: '/map/countries.geojson', headers: { 'accept-encoding': 'br;q=0, gzip' } });
      assert.equal(refused.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(refused.rawPayload).toString(), big);
    });
  });
}
