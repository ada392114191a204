import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createContext, type Doc } from '../../src/core/index.ts';
import { parseTxt } from '../../src/ingest/txt.ts';
import { prepareArticle } from '../../src/ingest/prepare.ts';
import { type MergedEvent, mergeReports, type Report, reportsOf, syndicationIndex } from '../../src/merge/index.ts';
import { defaultPipeline } from '../../src/pipeline.ts';
import { corpusArticles, EXPECTED } from './expected.ts';

// Expected values are the hand-written truth in examples/corpus/EXPECTED.md (see ./expected.ts).
const ctx = createContext();
const idx = syndicationIndex();
const docs = new Map<string, Doc>();
const group = new Map<string, string>();
const reports: Report[] = [];
for (const { file, name, text } of corpusArticles()) {
  const doc = defaultPipeline().run(prepareArticle(parseTxt(text, file)), ctx);
  docs.set(name, doc);
  const g = idx.add({ id: doc.id, text: doc.text, credit: doc.meta.credit, outlet: doc.meta.outlet });
  group.set(name, g);
  reports.push(...reportsOf(doc, g));
}
const merged = mergeReports(reports);
const nameOf = new Map([...docs].map(([n, d]) => [d.id, n]));
/** The merged event holding an article's main (first) extracted event. */
const mainOf = (name: string): MergedEvent | undefined => {
  const d = docs.get(name)!;
  return merged.find((m) => m.articles.includes(d.id) && m.reports.some((r) => reports.find((x) => x.id === r)?.article_id === d.id && reports.find((x) => x.id === r)?.event === d.events[0]));
};

test('the corpus has at least 30 articles about six incidents, every article in exactly one incident', () => {
  const all = Object.values(EXPECTED.incidents).flatMap((i) => i.articles);
  assert.equal(Object.keys(EXPECTED.incidents).length, 6);
  assert.ok(all.length >= 30);
  assert.deepEqual([...all].sort(), [...docs.keys()].sort());
});

test('copies, trimmed copies and credited rewrites share a story group; different stories do not', () => {
  for (const inc of Object.values(EXPECTED.incidents)) {
    const got = inc.story_groups.map((g) => new Set(g.map((a) => group.get(a))));
    for (const [i, g] of got.entries()) assert.equal(g.size, 1, `${inc.title}: ${inc.story_groups[i]!.join(', ')} should be one story`);
    const roots = got.map((g) => [...g][0]);
    assert.equal(new Set(roots).size, roots.length, `${inc.title}: distinct stories must not be grouped`);
  }
});

// Extraction gaps (owned by the place/event/claim stages) that keep an incident from merging as a person
// would; each is reported to the lead. The assertions stay exactly as written: `todo` shows the failure
// without failing the suite, and removing an entry re-arms the test.
const EXTRACTION_GAPS: Record<string, string> = {
};

for (const [key, inc] of Object.entries(EXPECTED.incidents)) {
  const missing: string[] = [];
  for (const a of inc.articles) if (!docs.get(a)?.events.length) missing.push(a);
  test(`incident ${key} (${inc.title}): one merged event with the right reports, sources, range and contradictions`, { todo: EXTRACTION_GAPS[key] }, () => {
    assert.deepEqual(missing, [], 'every article yields an event');
    const ev = mainOf(inc.articles[0]!);
    assert.ok(ev, 'the first article has a merged event');
    for (const a of inc.articles) assert.equal(mainOf(a)?.id, ev.id, `${a} joins the incident`);
    const names = ev.articles.map((id) => nameOf.get(id)!);
    assert.deepEqual(names.filter((n) => !inc.articles.includes(n)), [], 'no article of another incident');
    assert.equal(ev.sources_independent, inc.sources_independent, `independent sources: ${ev.independent_sources.join(' | ')}`);
    assert.equal(ev.fatalities, inc.fatalities);
    assert.equal(ev.fatalities_range.low, inc.fatalities_low);
    assert.equal(ev.fatalities_range.high, inc.fatalities_high);
    assert.deepEqual([...new Set(ev.contradictions.map((c) => c.reason))].sort(), [...inc.contradictions].sort());
    if (inc.denial_by) assert.ok(ev.contradictions.some((c) => c.reason === 'denial' && c.b.source === inc.denial_by));
  });
}

test('the two same-day incidents in Idlib stay apart', () => {
  const a = mainOf('sy-idlib-strike-01');
  const b = mainOf('sy-kafranbel-clashes-01');
  assert.ok(a && b);
  assert.notEqual(a.id, b.id);
});
