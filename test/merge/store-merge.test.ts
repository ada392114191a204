import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createContext, type Doc } from '../../src/core/index.ts';
import { prepareArticle } from '../../src/ingest/prepare.ts';
import { parseTxt } from '../../src/ingest/txt.ts';
import { defaultPipeline } from '../../src/pipeline.ts';
import { buildApp } from '../../src/api/index.ts';
import { type Db, getEvent, mergeEvents, type Row, splitEvent, storeDoc } from '../../src/store/index.ts';
import { dbTargets, type TestDb } from '../store/helpers.ts';
import { corpusArticles, EXPECTED } from './expected.ts';

// Merging inside the store, on PGlite and PostgreSQL. Expected values come from the hand-written
// examples/corpus/EXPECTED.md (see ./expected.ts), never from the code's output.
const ctx = createContext();
const run = (text: string, name: string): Doc => defaultPipeline().run(prepareArticle(parseTxt(text, name)), ctx);
const sources = new Map<string, string>();
const docs = new Map<string, Doc>();
for (const { name, text } of corpusArticles()) {
  sources.set(name, text);
  docs.set(name, run(sources.get(name)!, name));
}
const NAMES = [...docs.keys()];
const url = (name: string) => docs.get(name)!.meta.url!;

// Extraction gaps (owned by other stages, see test/merge/corpus.test.ts) that keep an incident's figures from
// matching EXPECTED.md; the full assertion stays written and runs as `todo` until the gap closes.
const FIGURE_GAPS: Record<string, string> = {
};
// Incidents whose grouping is right today whatever the order of ingest.
const GROUPED = ['A', 'B', 'D', 'F'];

/** The merged event holding an article's main (first) extracted event. */
async function mainEvent(db: Db, name: string): Promise<string | null> {
  const { rows } = await db.query<{ event_id: string }>(
    'SELECT m.event_id FROM event_members m JOIN extracted_events x ON x.id = m.extracted_event_id JOIN articles a ON a.id = x.article_id WHERE a.url = $1 AND x.idx = 0',
    [url(name)],
  );
  return rows[0]?.event_id ?? null;
}

/** Every merged event with its member report ids, sorted: the grouping and the ids in one value. */
async function partition(db: Db): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ event_id: string; sitrep_id: string }>('SELECT m.event_id, x.sitrep_id FROM event_members m JOIN extracted_events x ON x.id = m.extracted_event_id ORDER BY 1, 2');
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.event_id, [...(out.get(r.event_id) ?? []), r.sitrep_id]);
  return out;
}

async function ingest(db: Db, names: readonly string[]): Promise<void> {
  for (const n of names) await storeDoc(db, docs.get(n)!);
}

/** Report ids of an article (its extracted events), main first. */
async function reportIds(db: Db, name: string): Promise<string[]> {
  const { rows } = await db.query<{ sitrep_id: string }>('SELECT x.sitrep_id FROM extracted_events x JOIN articles a ON a.id = x.article_id WHERE a.url = $1 ORDER BY x.idx', [url(name)]);
  return rows.map((r) => r.sitrep_id);
}

const targets = await dbTargets();
for (const t of targets) {
  describe(`merging in the store on ${t.name}`, { skip: t.skip }, () => {
    let fwd: TestDb;
    let rev: TestDb;
    before(async () => {
      fwd = await t.open();
      rev = await t.open();
      await ingest(fwd.db, NAMES.filter((n) => n !== 'ht-pap-protest-04'));
      await ingest(rev.db, [...NAMES].reverse());
    });
    after(async () => {
      await fwd?.cleanup();
      await rev?.cleanup();
    });

    for (const [key, inc] of Object.entries(EXPECTED.incidents)) {
      test(`incident ${key} (${inc.title}): reports, independent sources, range and contradictions as EXPECTED.md`, { todo: FIGURE_GAPS[key] }, async () => {
        const db = rev.db;
        const id = await mainEvent(db, inc.articles[0]!);
        assert.ok(id);
        for (const a of inc.articles) assert.equal(await mainEvent(db, a), id, `${a} joins the incident`);
        const ev = (await getEvent(db, id))!;
        assert.equal(ev.sources_independent, inc.sources_independent, `independent sources: ${(ev.independent_sources as string[]).join(' | ')}`);
        assert.equal(ev.fatalities, inc.fatalities);
        assert.equal(ev.fatalities_low, inc.fatalities_low);
        assert.equal(ev.fatalities_high, inc.fatalities_high);
        assert.deepEqual([...new Set((ev.contradictions as Row[]).map((c) => c.reason))].sort(), [...inc.contradictions].sort());
      });
    }

    test('incidents A, B, D and F: every article in one event, and no article of another incident', async () => {
      for (const key of GROUPED) {
        const inc = EXPECTED.incidents[key]!;
        const id = await mainEvent(rev.db, inc.articles[0]!);
        for (const a of inc.articles) assert.equal(await mainEvent(rev.db, a), id, `${a} joins incident ${key}`);
        const ev = (await getEvent(rev.db, id!))!;
        const urls = (ev.reports as { url: string }[]).map((r) => r.url);
        const mine = new Set(inc.articles.map(url));
        assert.deepEqual(urls.filter((u) => !mine.has(u)), [], `incident ${key} holds only its own articles`);
        assert.equal(new Set(urls).size, inc.articles.length);
      }
    });

    test('independent sources where extraction is right: B (SOHR and the state-media account), F (rights group and AFP story)', async () => {
      for (const key of ['B', 'F']) {
        const ev = (await getEvent(rev.db, (await mainEvent(rev.db, EXPECTED.incidents[key]!.articles[0]!))!))!;
        assert.equal(ev.sources_independent, EXPECTED.incidents[key]!.sources_independent, `${key}: ${(ev.independent_sources as string[]).join(' | ')}`);
      }
    });

    test('the Russian denial is a contradiction of incident A with both spans and their text', async () => {
      const a = (await getEvent(rev.db, (await mainEvent(rev.db, 'sy-idlib-strike-04'))!))!;
      const denial = (a.contradictions as { reason: string; a: { text: string }; b: { source: string; text: string } }[]).find((c) => c.reason === 'denial' && c.b.source === EXPECTED.incidents.A!.denial_by);
      assert.ok(denial, 'a denial by the Russian ministry');
      assert.match(denial.b.text, /den|reject/i);
      assert.match(denial.a.text, /civilian/);
      // Per-source figures keep their update history: SOHR's day-1 toll is an update of its later one.
      const figs = a.figures as { source: string; updates: unknown[] }[];
      assert.ok(figs.some((f) => f.source === 'Syrian Observatory for Human Rights'));
    });

    test('the two same-day incidents in Idlib stay apart', async () => {
      assert.notEqual(await mainEvent(rev.db, 'sy-idlib-strike-01'), await mainEvent(rev.db, 'sy-kafranbel-clashes-01'));
    });

    test('another ingest order gives the same events with the same ids for incidents A, B, D and F', async () => {
      await ingest(fwd.db, ['ht-pap-protest-04']);
      const pf = await partition(fwd.db);
      const pr = await partition(rev.db);
      for (const key of GROUPED) {
        for (const a of EXPECTED.incidents[key]!.articles) {
          const id = await mainEvent(fwd.db, a);
          assert.equal(id, await mainEvent(rev.db, a), `${a}: same event id`);
          assert.deepEqual(pf.get(id!), pr.get(id!), `${a}: same members`);
        }
      }
    });

    test('one more article joins its incident and leaves unrelated events untouched', async () => {
      const db = (await t.open()) as TestDb;
      try {
        await ingest(db.db, NAMES.filter((n) => n !== 'ht-pap-protest-04'));
        const snap = async () => (await db.db.query<{ id: string; updated_at: unknown; reports: number }>('SELECT id, updated_at, reports FROM events ORDER BY id')).rows.map((r) => JSON.stringify(r));
        const beforeRows = await snap();
        const f = await mainEvent(db.db, 'ht-pap-protest-03');
        await ingest(db.db, ['ht-pap-protest-04']);
        assert.equal(await mainEvent(db.db, 'ht-pap-protest-04'), f);
        const afterRows = await snap();
        const changed = afterRows.filter((r) => !beforeRows.includes(r)).map((r) => JSON.parse(r).id);
        assert.deepEqual(changed, [f]);
        assert.equal(afterRows.length, beforeRows.length);
        const ev = (await getEvent(db.db, f!))!;
        assert.equal((ev.reports as unknown[]).length, EXPECTED.incidents.F!.articles.length);
        assert.ok(Number(ev.report_count) >= EXPECTED.incidents.F!.articles.length);
      } finally {
        await db.cleanup();
      }
    });

    test('a split is kept when the split article is corrected and when another matching article arrives', async () => {
      const db = (await t.open()) as TestDb;
      try {
        await ingest(db.db, NAMES.filter((n) => n.startsWith('ht-') && n !== 'ht-pap-protest-04'));
        const f = (await mainEvent(db.db, 'ht-pap-protest-01'))!;
        const [moved] = await reportIds(db.db, 'ht-pap-protest-03');
        const res = (await splitEvent(db.db, f, [moved!], 'analyst'))!;
        const other = res.events.find((e) => e.id !== f)!.id;
        assert.equal(await mainEvent(db.db, 'ht-pap-protest-03'), other);
        // A corrected version of the split article is re-merged, and must not rejoin the event it was split from.
        const corrected = `${sources.get('ht-pap-protest-03')!.trimEnd()}\nThe march had started peacefully in the morning, witnesses said.\n`;
        assert.equal((await storeDoc(db.db, run(corrected, 'ht-pap-protest-03'))).status, 'updated');
        assert.notEqual(await mainEvent(db.db, 'ht-pap-protest-03'), f);
        // A rewrite matching both halves joins one of them, never both, and the halves stay apart.
        await ingest(db.db, ['ht-pap-protest-04']);
        const joined = await mainEvent(db.db, 'ht-pap-protest-04');
        assert.ok(joined === f || joined === (await mainEvent(db.db, 'ht-pap-protest-03')));
        assert.notEqual(await mainEvent(db.db, 'ht-pap-protest-01'), await mainEvent(db.db, 'ht-pap-protest-03'));
        const { rows } = await db.db.query<{ action: string }>('SELECT action FROM audit_log WHERE event_id = $1', [f]);
        assert.deepEqual(rows.map((r) => r.action), ['split']);
      } finally {
        await db.cleanup();
      }
    });

    test('POST /api/events/:id/split and /api/events/merge need the reviewer token and are audited', async () => {
      const db = (await t.open()) as TestDb;
      const app = await buildApp({ db: db.db, reviewToken: 'tok', staticDir: null });
      try {
        await ingest(db.db, NAMES.filter((n) => n.startsWith('ht-')));
        const f = (await mainEvent(db.db, 'ht-pap-protest-01'))!;
        const [r] = await reportIds(db.db, 'ht-pap-protest-03');
        const auth = { authorization: 'Bearer tok' };
        assert.equal((await app.inject({ method: 'POST', url: `/api/events/${f}/split`, payload: { reports: [r] } })).statusCode, 401);
        assert.equal((await app.inject({ method: 'POST', url: `/api/events/${f}/split`, headers: auth, payload: { reports: ['ev_nope'] } })).statusCode, 400);
        const split = await app.inject({ method: 'POST', url: `/api/events/${f}/split`, headers: auth, payload: { reports: [r], reviewer: 'amy' } });
        assert.equal(split.statusCode, 200);
        const other = (split.json().events as { id: string }[]).find((e) => e.id !== f)!.id;
        assert.equal((await app.inject({ method: 'POST', url: '/api/events/merge', headers: auth, payload: { ids: [f, other] } })).statusCode, 409);
        const detail = (await app.inject({ url: `/api/events/${other}` })).json();
        assert.ok(detail.reports.some((a: { url: string; report_ids: string[] }) => a.url === url('ht-pap-protest-03') && a.report_ids.includes(r!)));
        const audit = (await app.inject({ url: `/api/events/${f}/audit` })).json();
        assert.deepEqual(audit.items.map((i: { action: string; reviewer: string }) => `${i.action}:${i.reviewer}`), ['split:amy']);
      } finally {
        await app.close();
        await db.cleanup();
      }
    });

    test('a merge is kept when a merged article is corrected; merging split reports is a conflict', async () => {
      const db = (await t.open()) as TestDb;
      try {
        await ingest(db.db, NAMES.filter((n) => n.startsWith('sy-idlib') || n.startsWith('sy-kafranbel')));
        const a = (await mainEvent(db.db, 'sy-idlib-strike-01'))!;
        const b = (await mainEvent(db.db, 'sy-kafranbel-clashes-01'))!;
        await mergeEvents(db.db, a, b, 'analyst');
        assert.equal(await mainEvent(db.db, 'sy-kafranbel-clashes-01'), a);
        const corrected = `${sources.get('sy-kafranbel-clashes-01')!.trimEnd()}\nThe fighting had died down by nightfall, the monitor said.\n`;
        assert.equal((await storeDoc(db.db, run(corrected, 'sy-kafranbel-clashes-01'))).status, 'updated');
        assert.equal(await mainEvent(db.db, 'sy-kafranbel-clashes-01'), a, 'the corrected article stays in the merged event');
        assert.equal(await getEvent(db.db, b), null);
        // Split one report out, then try to merge it back: the analyst's split wins.
        const [r] = await reportIds(db.db, 'sy-kafranbel-clashes-04');
        const res = (await splitEvent(db.db, a, [r!], 'analyst'))!;
        const out = res.events.find((e) => e.id !== a)!.id;
        await assert.rejects(mergeEvents(db.db, a, out, 'analyst'), (e: Error & { code?: string }) => e.code === 'SITREP_MERGE_CONFLICT');
      } finally {
        await db.cleanup();
      }
    });
  });
}
