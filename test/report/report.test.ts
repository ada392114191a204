import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../../src/api/index.ts';
import { draftReport, parseReportQuery, renderReport, type SituationReport } from '../../src/report/index.ts';
import { createDb, type Db, storeDoc } from '../../src/store/index.ts';
import { fixtureDocs } from './fixtures.ts';

/** A figure in running text: a written range, a victim noun, a verb, then the footnote markers on that line. */
const FIGURE = /\b((?:at least |about |up to )?\d[\d,]*(?:–\d[\d,]*)?) (people|person|civilians?|child(?:ren)?|wom[ae]n|fighters?|soldiers?|famil(?:y|ies)|households?) (killed|injured|displaced|detained|missing)\b([^\n]*)/g;
const VERB_KIND: Record<string, string> = { killed: 'killed', injured: 'injured', displaced: 'displaced', detained: 'detained', missing: 'missing' };

interface ParsedNote {
  n: number;
  outlet: string;
  source: string | null;
  date: string;
  url: string;
  quote: string | null;
}

/** Read the "## Sources" list back: "[n] Outlet, citing Source, date, "title", url — quoted: “…”". */
function parseSources(md: string): Map<number, ParsedNote> {
  const out = new Map<number, ParsedNote>();
  const section = md.split('## Sources')[1] ?? '';
  for (const line of section.split('\n')) {
    const m = /^\[(\d+)\] ([^,]+)(?:, citing ([^,]+))?, (\d{4}-\d{2}-\d{2}), "[^"]*", (\S+)(?: — quoted: “(.*)”)?\s*$/.exec(line);
    if (m) out.set(Number(m[1]), { n: Number(m[1]), outlet: m[2]!, source: m[3] ?? null, date: m[4]!, url: m[5]!, quote: m[6] ?? null });
  }
  return out;
}

/** Every figure of the text before the sources, with the footnote numbers that follow it on its line. */
function parseFigures(md: string): { value: string; noun: string; verb: string; notes: number[] }[] {
  const body = md.split('## Sources')[0]!;
  return [...body.matchAll(FIGURE)].map((m) => {
    // The first run of markers after the figure belongs to it ("…, according to SOHR [1][2]").
    const run = /((?:\[\d+\])+)/.exec(m[4]!);
    return { value: m[1]!, noun: m[2]!, verb: m[3]!, notes: run ? [...run[1]!.matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1])) : [] };
  });
}

const floor = (v: string) => Number(v.replace(/^(at least|about|up to) /, '').split('–')[0]!.replace(/,/g, ''));

describe('situation report from a store filled with hand-annotated wire reports', () => {
  let db: Db;
  let report: SituationReport;
  let md: string;
  const q = parseReportQuery({ country: 'SY', from: '2024-11-27', to: '2024-11-28' }, 'SITREP_CLI_USAGE');
  before(async () => {
    db = await createDb({ dataDir: 'memory://' });
    for (const d of fixtureDocs()) await storeDoc(db, d);
    report = await draftReport(db, q);
    md = renderReport(report, 'md');
  });
  after(async () => db?.close());

  test('every figure in the text has footnotes whose source, outlet, URL and words match a stored claim', async () => {
    const figures = parseFigures(md);
    const notes = parseSources(md);
    assert.ok(figures.length >= 6, `expected the fixture's figures in the text, got ${figures.length}`);
    for (const f of figures) {
      assert.ok(f.notes.length, `figure "${f.value} ${f.noun} ${f.verb}" has no footnote`);
      const floors: number[] = [];
      for (const n of f.notes) {
        const note = notes.get(n);
        assert.ok(note, `footnote [${n}] missing from the sources list`);
        const { rows } = await db.query<{ kind: string; source_name: string | null; low: number | null; best: number | null; high: number | null; outlet: string; text: string; span_start: number; span_end: number; published: string }>(
          `SELECT c.kind, c.source_name, c.low, c.best, c.high, o.name AS outlet, a.text, c.span_start, c.span_end, a.published
           FROM claims c JOIN articles a ON a.id = c.article_id JOIN outlets o ON o.id = a.outlet_id WHERE a.url = $1`,
          [note!.url],
        );
        const claim = rows.find((c) => c.text.slice(c.span_start, c.span_end) === note!.quote);
        assert.ok(claim, `footnote [${n}] quotes "${note!.quote}", which is no stored claim of ${note!.url}`);
        assert.equal(claim!.kind, VERB_KIND[f.verb], `footnote [${n}] backs a ${claim!.kind} claim, not ${f.verb}`);
        assert.equal(note!.source, claim!.source_name, `footnote [${n}] names the claim's source`);
        assert.equal(note!.outlet, claim!.outlet);
        assert.equal(note!.date, claim!.published.slice(0, 10));
        floors.push(claim!.low ?? claim!.best ?? claim!.high ?? 0);
      }
      // A figure is one claim's number or a sum over incidents: never below the smallest cited claim, never above their sum.
      const v = floor(f.value);
      assert.ok(v >= Math.min(...floors) && v <= floors.reduce((s, x) => s + x, 0), `"${f.value}" is not backed by its claims (${floors.join(', ')})`);
    }
  });

  test('the figures read as a person reads the articles: the latest toll of a source, sums across incidents', () => {
    // SOHR said "at least 9" on day 1 and 12 on day 2: one source, updated, so 12. Plus 15 soldiers at Khan al-Asal.
    assert.match(md, /^- 27 people killed, according to a military source and Syrian Observatory for Human Rights \[\d+\]\[\d+\]$/m);
    assert.match(md, /^- 12 civilians killed, according to Syrian Observatory for Human Rights \[\d+\]$/m);
    assert.match(md, /^- 15 soldiers killed, according to a military source \[\d+\]$/m);
    assert.match(md, /^- About 300 families displaced, according to International Organization for Migration \[\d+\]$/m);
    assert.doesNotMatch(md, /\b9 civilians killed/, 'the superseded day-1 toll is not a figure of the report');
  });

  test('a denial is stated beside the figure it disputes, neutrally; control changes and the comparison are there', () => {
    assert.match(md, /Syrian Observatory for Human Rights reports 12 civilians killed \[\d+\]; Ministry of Defence of Syria denies civilian casualties \[\d+\]\./);
    assert.match(md, /2024-11-28: Hayat Tahrir al-Sham took control of Khan al-Asal \(Aleppo\) from Military Forces of Syria \(2000-2024\), according to Northwire \[\d+\]\./);
    assert.match(md, /2 events between 2024-11-27 and 2024-11-28, against 1 event in the previous period of the same length \(2024-11-25 to 2024-11-26\)/);
    assert.match(md, /Reported deaths: 27 people killed \[\d+\]\[\d+\] in this period; 4 people killed \[\d+\] in the previous one\./);
    assert.match(md, /This draft rests on 3 reports/);
    const none = report.coverage.admin1_without_events;
    assert.ok(none.includes('Idlib') && !none.includes('Aleppo'));
  });

  test('a period without data says so in every section instead of printing zeros', async () => {
    const empty = renderReport(await draftReport(db, parseReportQuery({ country: 'Syria', from: '2024-12-10', to: '2024-12-11' }, 'SITREP_CLI_USAGE')), 'md');
    assert.match(empty, /No events were recorded in the Sitrep store for Syria between 2024-12-10 and 2024-12-11/);
    assert.match(empty, /No source reported casualty, displacement or detention figures for this period\./);
    assert.match(empty, /No change of territorial control was reported/);
    assert.match(empty, /Reported deaths: none reported in this period; none reported in the previous one\./);
    assert.deepEqual(parseFigures(empty), []);
  });

  test('the HTML is self-contained: inline CSS and SVG, no script, stylesheet, image, font or frame to fetch', () => {
    const html = renderReport(report, 'html');
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|<object|<embed|@import|url\(|\bsrc=/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    const cited = new Set(report.footnotes.map((f) => f.url));
    for (const h of hrefs) assert.ok(h.startsWith('#fn-') || cited.has(h), `unexpected link ${h}`);
    assert.equal((html.match(/<svg /g) ?? []).length, 2, 'a map and a timeline');
    assert.match(html, /<circle [^>]*class="dot"/);
  });

  test('JSON carries the same content as the Markdown', () => {
    const json = JSON.parse(renderReport(report, 'json')) as SituationReport;
    for (const k of json.key_figures) assert.ok(md.includes(`- ${k.text}`));
    assert.deepEqual(json.footnotes.map((f) => f.n), json.footnotes.map((_, i) => i + 1));
  });

  test('GET /api/report serves the same report; an unknown country is a 400', async () => {
    const app = await buildApp({ db, staticDir: null });
    try {
      const r = await app.inject({ url: '/api/report?country=SY&from=2024-11-27&to=2024-11-28&format=md' });
      assert.equal(r.statusCode, 200);
      assert.match(String(r.headers['content-type']), /text\/markdown/);
      assert.equal(r.body, md);
      const bad = await app.inject({ url: '/api/report?country=Atlantis&from=2024-11-27&to=2024-11-28' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().code, 'SITREP_API_BAD_REQUEST');
      assert.equal((await app.inject({ url: '/api/report?country=SY&from=2024-11-28&to=2024-11-27' })).statusCode, 400);
    } finally {
      await app.close();
    }
  });
});
