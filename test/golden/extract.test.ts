import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkSpans } from './check-output.ts';
import { docs, FIXTURES, runCli } from './run-cli.ts';

// Golden tests: the real CLI on every fixture under test/fixtures/articles, checked against the hand-written
// `NAME.expected.json` beside it (metadata, text head, boilerplate removed, ingest diagnostics, exit code).

interface ExpectedArticle {
  readonly text_starts: string;
  readonly removed: { reason: string; starts: string; duplicate_of_starts?: string }[];
  readonly ingest_codes: string[];
  readonly contains?: string[];
  readonly absent?: string[];
  readonly paragraphs?: number;
  readonly sentence_starts?: string[];
  readonly empty_layers?: string[];
  readonly normalisation?: { nfc: boolean; line_endings: boolean };
  readonly [meta: string]: unknown;
}
interface Expected {
  readonly file?: string;
  readonly args?: string[];
  readonly exit: number;
  readonly stderr?: string[];
  readonly articles: ExpectedArticle[];
}

const META = ['title', 'outlet', 'url', 'published', 'published_from', 'language', 'encoding', 'credit'];

const cases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.expected.json'))
  .sort()
  .map((f) => {
    const exp = JSON.parse(readFileSync(path.join(FIXTURES, f), 'utf8')) as Expected;
    const stem = f.replace(/\.expected\.json$/, '');
    const fixture = exp.file ?? readdirSync(FIXTURES).find((g) => g.startsWith(`${stem}.`) && !g.endsWith('.expected.json'))!;
    return { name: stem, fixture: path.join(FIXTURES, fixture), exp };
  });

/** Check one output document against its expectation. */
function checkArticle(out: Record<string, any>, exp: ExpectedArticle, label: string): void {
  const text: string = out.text;
  assert.equal(typeof text, 'string', `${label}: output carries the text`);
  checkSpans(out, text, label);
  for (const k of META) if (k in exp) assert.equal(out.article[k], exp[k], `${label}: article.${k}`);
  if (exp.normalisation) assert.deepEqual(out.article.normalisation, exp.normalisation, `${label}: normalisation`);
  assert.ok(text.startsWith(exp.text_starts), `${label}: text starts "${text.slice(0, 60)}"`);
  for (const c of exp.contains ?? []) assert.ok(text.includes(c), `${label}: text contains "${c}"`);
  for (const c of exp.absent ?? []) assert.ok(!text.includes(c), `${label}: text must not contain "${c}"`);
  if (exp.paragraphs !== undefined) assert.equal(out.paragraphs.length, exp.paragraphs, `${label}: paragraph count`);
  if (exp.sentence_starts) {
    assert.equal(out.sentences.length, exp.sentence_starts.length, `${label}: sentence count`);
    exp.sentence_starts.forEach((s, i) => assert.ok(text.slice(out.sentences[i].span.start, out.sentences[i].span.end).startsWith(s), `${label}: sentence ${i}`));
  }
  const removed = out.removed as { reason: string; span: { start: number; end: number }; duplicate_of?: number }[];
  assert.equal(removed.length, exp.removed.length, `${label}: removed ${JSON.stringify(removed.map((r) => [r.reason, text.slice(r.span.start, r.span.end)]))}`);
  for (const r of exp.removed) {
    const hit = removed.find((x) => x.reason === r.reason && text.slice(x.span.start, x.span.end).startsWith(r.starts));
    assert.ok(hit, `${label}: removed ${r.reason} "${r.starts}"`);
    if (r.duplicate_of_starts) {
      const orig = out.sentences[hit.duplicate_of!].span;
      assert.ok(text.slice(orig.start, orig.end).startsWith(r.duplicate_of_starts), `${label}: duplicate_of`);
    }
  }
  const codes = [...new Set((out.diagnostics as { code: string }[]).map((d) => d.code).filter((c) => c.startsWith('SITREP_INGEST_')))].sort();
  assert.deepEqual(codes, [...exp.ingest_codes].sort(), `${label}: ingest diagnostics`);
  // Every ingest diagnostic names its input, so a batch report says which file it is about.
  for (const d of out.diagnostics as { code: string; message: string }[]) {
    if (d.code.startsWith('SITREP_INGEST_')) assert.ok(d.message.includes(path.basename(out.article.input.replace(/[#:]\d+$/, ''))), `${label}: ${d.code} names the input`);
  }
  for (const layer of exp.empty_layers ?? []) assert.equal(out[layer].length, 0, `${label}: ${layer} empty`);
}

describe('sitrep extract on the fixtures', { concurrency: 4 }, () => {
  for (const c of cases) {
    it(c.name, async () => {
      const run = await runCli(['extract', c.fixture, ...(c.exp.args ?? [])]);
      assert.equal(run.code, c.exp.exit, `exit code; stderr: ${run.stderr}`);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
      for (const code of c.exp.stderr ?? []) {
        assert.ok(run.stderr.split('\n').some((l) => l.startsWith(code) && l.includes(path.basename(c.fixture))), `stderr names ${code} and the file: ${run.stderr}`);
      }
      const out = docs(run.stdout);
      assert.equal(out.length, c.exp.articles.length, 'article count');
      out.forEach((o, i) => checkArticle(o, c.exp.articles[i]!, `${c.name}[${i}]`));
    });
  }
});
