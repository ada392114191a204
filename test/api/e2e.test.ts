import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { WIRE } from '../store/helpers.ts';

const root = path.resolve(new URL('../..', import.meta.url).pathname);
const bin = path.join(root, 'bin/sitrep.mjs');
const env = { ...process.env, DATABASE_URL: '', SITREP_REVIEW_TOKEN: 'e2e-token' };

describe('end to end over real HTTP', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sitrep-e2e-'));
  const data = path.join(dir, 'data');
  let pages: Server;
  let pagesUrl = '';
  let serve: ChildProcess;
  let api = '';
  before(async () => {
    // A local site serving one wire report, so URL ingestion runs without the internet.
    pages = createServer((req, res) => {
      if (req.url === '/story') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', etag: '"v1"' });
        res.end(WIRE.replace('El Fasher', 'Kutum'));
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('x'.repeat(11 * 1024 * 1024));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((r) => pages.listen(0, '127.0.0.1', r));
    pagesUrl = `http://127.0.0.1:${(pages.address() as { port: number }).port}`;
  });
  after(async () => {
    serve?.kill('SIGTERM');
    await new Promise((r) => pages.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  test('sitrep ingest: files and a local URL (only with --allow-private), idempotent, --json summary', async () => {
    const f = path.join(dir, 'a.txt');
    writeFileSync(f, WIRE);
    // Asynchronous: the local site runs in this process, so a synchronous spawn would block it.
    const run = (...args: string[]) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const p = spawn(process.execPath, [bin, 'ingest', '--data', data, '--json', ...args], { env });
        let stdout = '';
        let stderr = '';
        p.stdout.on('data', (b) => (stdout += b));
        p.stderr.on('data', (b) => (stderr += b));
        p.on('exit', (status) => resolve({ status, stdout, stderr }));
      });
    const first = await run(f);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(JSON.parse(first.stdout).articles.new, 1);
    const again = await run(f);
    assert.equal(JSON.parse(again.stdout).articles.unchanged, 1);
    const refused = await run(`${pagesUrl}/story`);
    assert.equal(refused.status, 1);
    assert.equal(JSON.parse(refused.stdout).failures[0].code, 'SITREP_FETCH_PRIVATE_ADDRESS');
    const fetched = await run('--allow-private', `${pagesUrl}/story`);
    assert.equal(JSON.parse(fetched.stdout).articles.new, 1, fetched.stdout + fetched.stderr);
    const big = await run('--allow-private', `${pagesUrl}/big`);
    assert.equal(JSON.parse(big.stdout).failures[0].code, 'SITREP_INGEST_TOO_LARGE');
  });

  test('sitrep serve --port 0 answers over HTTP; sitrep export writes ACLED CSV', async () => {
    serve = spawn(process.execPath, [bin, 'serve', '--data', data, '--port', '0'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    api = await new Promise<string>((resolve, reject) => {
      serve.stdout!.on('data', (b: Buffer) => {
        const m = /serving (http:\/\/\S+)/.exec(b.toString());
        if (m) resolve(m[1]!);
      });
      serve.on('exit', (c) => reject(new Error(`serve exited ${c}`)));
    });
    assert.equal((await (await fetch(`${api}/healthz`)).json()).ok, true);
    const articles = await (await fetch(`${api}/api/articles`)).json();
    assert.equal(articles.items.length, 2);
    assert.ok(articles.items.some((a: { url: string }) => a.url === `${pagesUrl}/story`));
    const r = await fetch(`${api}/api/events?limit=0`);
    assert.equal(r.status, 400);
    const post = await fetch(`${api}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: WIRE.replace('El Fasher', 'Tawila'), url: 'https://wire.test/e2e' }) });
    assert.equal(post.status, 201);
    serve.kill('SIGTERM');
    await new Promise((r) => serve.once('exit', r));
    const out = path.join(dir, 'events.csv');
    const ex = spawnSync(process.execPath, [bin, 'export', '--format', 'acled-csv', '--data', data, '--out', out], { env, encoding: 'utf8' });
    assert.equal(ex.status, 0, ex.stderr);
    const { readFileSync } = await import('node:fs');
    assert.ok(readFileSync(out, 'utf8').startsWith('event_id_cnty,event_date,year,time_precision,'));
  });
});
