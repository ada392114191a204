import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { checkSpans } from './check-output.ts';
import { docs, FIXTURES, runCli } from './run-cli.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'sitrep-batch-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('extract batches and bad input', { concurrency: 3 }, () => {
  it('keeps going past broken inputs, including a 50 MB file, and exits 1', async () => {
    const big = path.join(tmp, 'huge.txt');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 'war and peace '));
    const files = ['binary.txt', big, 'header.txt', 'empty.txt', 'no-article.html', 'missing.txt', 'og-only.html'].map((f) => (path.isAbsolute(f) ? f : path.join(FIXTURES, f)));
    const run = await runCli(['extract', ...files]);
    assert.equal(run.code, 1);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
    for (const [code, file] of [
      ['SITREP_INGEST_BINARY', 'binary.txt'],
      ['SITREP_INGEST_TOO_LARGE', 'huge.txt'],
      ['SITREP_INGEST_EMPTY', 'empty.txt'],
      ['SITREP_INGEST_NO_ARTICLE', 'no-article.html'],
      ['SITREP_INGEST_NOT_FOUND', 'missing.txt'],
    ]) {
      assert.ok(run.stderr.split('\n').some((l) => l.startsWith(code!) && l.includes(file!)), `${code} for ${file}`);
    }
    const out = docs(run.stdout);
    assert.deepEqual(
      out.map((o) => path.basename(o.article.input)),
      ['header.txt', 'og-only.html'],
    );
  });

  it('walks a directory recursively and reads only known formats', async () => {
    const run = await runCli(['extract', FIXTURES]);
    assert.equal(run.code, 1, 'broken fixtures fail the batch');
    const inputs = docs(run.stdout).map((o) => path.basename(o.article.input));
    assert.ok(inputs.includes('header.txt') && inputs.includes('entries.atom#1') && inputs.includes('jsonld.html'));
    // The hand-written "*.expected.json" sidecars beside the fixtures are annotations, not articles.
    assert.ok(!inputs.some((i) => i.endsWith('.expected.json')), 'sidecars are skipped in directory walks');
    assert.ok(!run.stderr.includes('.expected.json'), run.stderr);
  });

  it('--jsonl: one line per input line in order, ids echoed, spans index each input text', async () => {
    const src = readFileSync(path.join(FIXTURES, 'lines.jsonl'), 'utf8');
    const inputs = src.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
    const run = await runCli(['extract', '--jsonl', path.join(FIXTURES, 'lines.jsonl')]);
    assert.equal(run.code, 0, run.stderr);
    const out = docs(run.stdout);
    assert.deepEqual(out.map((o) => o.id), ['ln-1', 'ln-2', 'ln-3']);
    out.forEach((o, i) => {
      assert.equal(o.text, undefined, 'JSON Lines output does not repeat the text');
      checkSpans(o, inputs[i].text, `line ${i + 1}`);
      assert.ok(o.sentences.length >= 1);
    });
    // "cafe\u0301" is one character after NFC; the sentence still ends on the input's own full stop.
    const s0 = out[1].sentences[0].span;
    assert.ok(inputs[1].text.slice(s0.start, s0.end).endsWith('his lawyer said.'));
  });

  it('--jsonl from stdin with broken lines: every line answered, failures flagged, exit 1', async () => {
    const run = await runCli(['extract', '--jsonl', '-'], { input: readFileSync(path.join(FIXTURES, 'bad-lines.jsonl'), 'utf8') });
    assert.equal(run.code, 1);
    const out = docs(run.stdout);
    assert.deepEqual(out.map((o) => o.id), ['ok-1', null, 'no-text', 'ok-2']);
    assert.equal(out[1].diagnostics[0].code, 'SITREP_INGEST_BAD_JSON');
    assert.equal(out[2].diagnostics[0].code, 'SITREP_INGEST_MISSING_FIELD');
    assert.equal(out[0].article.published, '2024-02-16');
  });

  it('--workers 2 writes exactly what --workers 1 writes', async () => {
    const lines: string[] = [];
    const places = ['a market town', 'the port city', 'a village in the north', 'the capital'];
    for (let i = 0; i < 40; i++) {
      const text = `Gunmen attacked ${places[i % 4]} on Monday, killing ${i + 2} people, police said.\nThe attackers fled on motorcycles, a witness said.`;
      lines.push(JSON.stringify({ id: `g${i}`, published: '2024-03-04', text }));
      if (i % 13 === 5) lines.push('{"id": broken');
    }
    const file = path.join(tmp, 'many.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const [one, two] = await Promise.all([runCli(['extract', '--jsonl', file, '--workers', '1']), runCli(['extract', '--jsonl', file, '--workers', '2'])]);
    assert.equal(one.code, 1);
    assert.equal(two.code, one.code);
    assert.equal(docs(one.stdout).length, lines.length);
    assert.equal(two.stdout, one.stdout);
  });
});
