// The dashboard in a real browser: Debian's chromium driven by playwright-core against `sitrep serve` holding
// the example corpus plus an article whose text contains markup. Skips with a notice when chromium is missing
// (outside CI); screenshots go to test-artifacts/.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'e2e-token';
const artifacts = path.join(root, 'test-artifacts');
const skip = !existsSync(CHROMIUM) && !process.env.CI;
if (skip) console.log(`# dashboard e2e skipped: ${CHROMIUM} not found (set CI=true to make this a failure)`);

/** Build the web app when the build is missing or older than its sources. */
function ensureBuild(): void {
  const r = spawnSync(process.execPath, ['scripts/build-web.mjs', '--if-stale'], { cwd: root, stdio: 'inherit' });
  assert.equal(r.status, 0, 'web build failed');
}

let dataDir = '';
let server: ChildProcess | null = null;
let base = '';
let browser: Browser | null = null;
let page: Page;
let dialogs = 0;

before(async () => {
  if (skip) return;
  ensureBuild();
  mkdirSync(artifacts, { recursive: true });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'sitrep-e2e-'));
  // The example corpus's articles (its folder also holds expected outputs, which are not articles).
  const corpusDir = path.join(root, 'examples/corpus');
  const corpus = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => /\.(txt|html?)$/.test(f)).map((f) => path.join('examples/corpus', f)) : [];
  const ing = spawnSync(process.execPath, ['bin/sitrep.mjs', 'ingest', ...corpus, 'test/fixtures/e2e', '--data', dataDir], { cwd: root, encoding: 'utf8' });
  assert.equal(ing.status, 0, ing.stderr);
  server = spawn(process.execPath, ['bin/sitrep.mjs', 'serve', '--data', dataDir, '--port', '0'], { cwd: root, env: { ...process.env, SITREP_REVIEW_TOKEN: TOKEN }, stdio: ['ignore', 'pipe', 'inherit'] });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server!.stdout!.on('data', (d) => {
      out += d;
      const m = /serving (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server!.once('exit', (c) => reject(new Error(`server exited ${c}`)));
  });
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('dialog', async (d) => {
    dialogs++;
    await d.dismiss();
  });
  // Nothing may leave the server: every asset and map layer ships with the build.
  await page.route('**/*', (r) => (r.request().url().startsWith(base) || r.request().url().startsWith('blob:') || r.request().url().startsWith('data:') ? r.continue() : r.abort()));
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  if (server) await new Promise((r) => server!.once('exit', r));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const shot = (name: string) => page.screenshot({ path: path.join(artifacts, `dashboard-${name}.png`), fullPage: true });
const rows = async () => Number(await page.getAttribute('[data-testid=events-table]', 'data-rows'));
const loaded = () => page.waitForSelector('.app[data-loading=false]');

test('the map shows the events (rendered source or the no-WebGL notice), with timeline and table', { skip }, async () => {
  await page.goto(base);
  await loaded();
  await page.waitForSelector('[data-testid=map][data-state=ready], [data-testid=map-notice]', { timeout: 30_000 });
  assert.ok((await rows()) > 10, 'the table lists the corpus events');
  assert.ok(Number(await page.getAttribute('[data-testid=timeline]', 'data-days')) > 1);
  const points = Number(await page.getAttribute('[data-testid=map]', 'data-points'));
  assert.ok(points > 3, 'the map received grouped points');
  if (await page.$('[data-testid=map][data-state=ready]')) {
    assert.ok(await page.$('[data-testid=map] canvas'));
    const features = await page.waitForFunction(() => {
      const m = (window as unknown as { __sitrepMap?: { isSourceLoaded(id: string): boolean; querySourceFeatures(id: string): unknown[] } }).__sitrepMap;
      return m?.isSourceLoaded('events') ? m.querySourceFeatures('events').length : 0;
    }, null, { timeout: 30_000 });
    assert.ok(Number(await features.jsonValue()) > 0, 'the events source holds features');
    await page.waitForFunction(() => (window as unknown as { __sitrepMap?: { loaded(): boolean } }).__sitrepMap?.loaded(), null, { timeout: 30_000 });
    await page.waitForTimeout(1000);
  } else {
    assert.match((await page.textContent('[data-testid=map-notice]')) ?? '', /WebGL/);
  }
  await shot('overview');
});

test('a filter changes map, timeline and table together, and lives in the URL', { skip }, async () => {
  await page.goto(base);
  await loaded();
  const before = { rows: await rows(), points: await page.getAttribute('[data-testid=map]', 'data-events'), fat: await page.getAttribute('[data-testid=timeline]', 'data-fatalities') };
  await page.selectOption('select[name=event_type]', 'Battles');
  await page.waitForURL(/event_type=Battles/);
  await loaded();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=events-table]')?.getAttribute('data-rows')) !== n, before.rows);
  const types = await page.$$eval('[data-testid=events-table] tbody tr td:nth-child(2)', (tds) => tds.map((t) => t.textContent ?? ''));
  assert.ok(types.length > 0 && types.length < before.rows);
  assert.ok(types.every((t) => /clash|territory/i.test(t)), `only battle sub-types: ${types.join(', ')}`);
  assert.notEqual(await page.getAttribute('[data-testid=map]', 'data-events'), before.points);
  assert.notEqual(await page.getAttribute('[data-testid=timeline]', 'data-fatalities'), before.fat);
  // A reload of the bookmarked URL keeps the filter.
  await page.reload();
  await loaded();
  assert.equal(await page.inputValue('select[name=event_type]'), 'Battles');
  assert.equal(await rows(), types.length);
  await shot('filtered');
});

test('the event detail shows the attribution chain; the article view highlights spans', { skip }, async () => {
  // Kutum: "killing 45 people, a local official said" — a figure with a source.
  await page.goto(`${base}/?q=Kutum&min_fatalities=1`);
  await loaded();
  await page.click('[data-testid=events-table] tbody tr');
  await page.waitForSelector('[data-testid=event-detail]');
  const chains = await page.$$eval('[data-testid=attribution-chain]', (tds) => tds.map((t) => t.textContent ?? ''));
  assert.ok(chains.length > 0, 'claims are listed');
  assert.ok(chains.some((c) => /official/i.test(c)), `a chain names the local official: ${chains.join(' | ')}`);
  await shot('event');
  await page.click('[data-testid=open-article]');
  await page.waitForSelector('[data-testid=article-view]');
  const kinds = await page.$$eval('[data-testid=article-text] .hl', (els) => [...new Set(els.flatMap((e) => [...e.classList]))]);
  for (const k of ['place', 'figure', 'claim']) assert.ok(kinds.includes(k), `article highlights ${k}: ${kinds.join(',')}`);
  assert.ok(await page.$('[data-testid=article-text] .hl.place:text("Kutum")'));
  await shot('article');
});

test('a review edit is saved with the token and shows in the audit log after reload', { skip }, async () => {
  await page.goto(`${base}/?q=Kutum`);
  await loaded();
  await page.click('[data-testid=events-table] tbody tr');
  await page.waitForSelector('[data-testid=event-detail]');
  assert.ok(await page.$('[data-testid=read-only]'), 'read-only without a token');
  assert.ok(await page.isDisabled('[data-testid=save-edit]'));
  await page.fill('input[name=reviewer]', 'e2e-analyst');
  await page.fill('input[name=token]', TOKEN);
  await page.click('.token button[type=submit]');
  await page.fill('input[name=edit-fatalities]', '44');
  await page.click('[data-testid=save-edit]');
  await page.waitForSelector('[data-testid=audit]');
  await page.reload();
  await page.waitForSelector('[data-testid=audit]');
  const audit = (await page.textContent('[data-testid=audit]')) ?? '';
  assert.match(audit, /e2e-analyst/);
  assert.match(audit, /fatalities/);
  assert.match(audit, /44/);
  assert.match((await page.textContent('[data-testid=review-status]')) ?? '', /edited/);
  await shot('review');
});

test('an article containing <script> and <b> is shown as text, never run or rendered', { skip }, async () => {
  await page.goto(`${base}/?q=El%20Fasher`);
  await loaded();
  await page.click('[data-testid=events-table] tbody tr');
  await page.waitForSelector('[data-testid=open-article]');
  await page.click('[data-testid=open-article]');
  await page.waitForSelector('[data-testid=article-view]');
  const text = (await page.textContent('[data-testid=article-text]')) ?? '';
  assert.ok(text.includes('<script>alert(1)</script>'), 'the literal script tag is visible');
  assert.ok(text.includes('<b>bold</b>'));
  assert.equal(await page.$$eval('[data-testid=article-view] script, [data-testid=article-view] b', (els) => els.length), 0);
  assert.match((await page.textContent('[data-testid=article-view] h2')) ?? '', /<script>/);
  assert.equal(dialogs, 0, 'no dialog fired');
  await shot('markup');
});

/** The id of the Maarrat Misrin market air strike (incident A of examples/corpus/EXPECTED.md), from the API. */
async function marketStrikeId(): Promise<string> {
  const r = await fetch(`${base}/api/events?country=Syria&sub_event_type=${encodeURIComponent('Air/drone strike')}&limit=10`);
  const items = ((await r.json()) as { items: { id: string; reports: number }[] }).items;
  assert.ok(items.length > 0, 'the air strike is stored');
  return items.sort((a, b) => b.reports - a.reports)[0]!.id;
}

test('a merged event shows its reports, independent sources, a rising toll and the denial as a contradiction', { skip }, async () => {
  const id = await marketStrikeId();
  await page.goto(`${base}/?event=${id}`);
  await page.waitForSelector('[data-testid=sources]');
  // EXPECTED.md: 8 articles, 3 independent sources (SOHR, Syria Civil Defence, the Russian ministry).
  assert.equal(await page.$$eval('[data-testid=reports] li', (li) => li.length), 8);
  assert.equal(await page.textContent('[data-testid=independent-count]'), '3');
  const sources = (await page.textContent('[data-testid=independent-sources]')) ?? '';
  for (const s of [/Observatory/, /Civil Defence/, /Russia/]) assert.match(sources, s);
  // SOHR's toll rose from seven to 19: one row's history reads 7 → 19, an update, not a dispute.
  const histories = await page.$$eval('[data-testid=figure-history]', (tds) => tds.map((t) => t.textContent ?? ''));
  assert.ok(histories.some((h) => /\b7\b.*→.*\b19\b/.test(h)), `a history from 7 to 19: ${histories.join(' | ')}`);
  const disputes = (await page.textContent('[data-testid=contradictions]')) ?? '';
  assert.match(disputes, /denial/);
  assert.match(disputes, /denied that any civilians were killed|rejected reports of civilian casualties/);
  assert.match(disputes, /19 civilians/);
  await page.locator('[data-testid=sources]').screenshot({ path: path.join(artifacts, 'dashboard-merged-sources.png') });
  await shot('merged-event');
});

test('an analyst split through the UI is audited and survives a reload', { skip }, async () => {
  const id = await marketStrikeId();
  await page.goto(`${base}/?event=${id}`);
  await page.waitForSelector('[data-testid=split-merge]');
  await page.fill('input[name=reviewer]', 'e2e-splitter');
  await page.fill('input[name=token]', TOKEN);
  await page.click('.token button[type=submit]');
  const boxes = await page.$$('input[name=split-report]');
  assert.ok(boxes.length >= 8);
  const moved = await boxes[boxes.length - 1]!.getAttribute('value');
  await boxes[boxes.length - 1]!.check();
  await page.click('[data-testid=split]');
  await page.waitForSelector('[data-testid=merge-notice]');
  assert.match((await page.textContent('[data-testid=merge-notice]')) ?? '', /moved to evt_/);
  await page.reload();
  await page.waitForSelector('[data-testid=audit]');
  const audit = (await page.textContent('[data-testid=audit]')) ?? '';
  assert.match(audit, /split/);
  assert.match(audit, /e2e-splitter/);
  const left = await page.$$eval('input[name=split-report]', (els) => els.map((e) => (e as HTMLInputElement).value));
  assert.ok(moved && !left.includes(moved), 'the moved report left the event');
  assert.equal(left.length, boxes.length - 1);
  await shot('split');
});

test('the report link opens a situation report for the filtered country; without a country it is disabled', { skip }, async () => {
  await page.goto(base);
  await loaded();
  assert.ok(await page.isDisabled('[data-testid=report-link]'));
  assert.match((await page.textContent('[data-testid=report-hint]')) ?? '', /country/);
  await page.goto(`${base}/?country=Syria`);
  await loaded();
  const href = (await page.getAttribute('[data-testid=report-link]', 'href')) ?? '';
  assert.match(href, /country=Syria/);
  assert.match(href, /format=html/);
  assert.match(href, /from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  // The map looks at Syria, not the world.
  if (await page.$('[data-testid=map][data-state=ready]')) {
    const fit = await page.waitForFunction(() => document.querySelector('[data-testid=map]')?.getAttribute('data-fit'));
    const [w, s, e, n] = String(await fit.jsonValue()).split(',').map(Number);
    assert.ok(e! - w! < 15 && n! - s! < 15 && w! > 30 && e! < 45, `fitted to Syria: ${[w, s, e, n]}`);
  }
  const [report] = await Promise.all([page.context().waitForEvent('page'), page.click('[data-testid=report-link]')]);
  await report.waitForLoadState();
  const text = (await report.textContent('body')) ?? '';
  assert.match(text, /Syria/);
  assert.match(text, /Maarrat Misrin|Ma`arratmisrin|Idlib/);
  await report.screenshot({ path: path.join(artifacts, 'dashboard-report.png'), fullPage: true });
  await report.close();
});
