import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ERRORS, SCHEMA_VERSION } from '../../src/core/index.ts';
import { docs, FIXTURES, ROOT, runCli } from './run-cli.ts';

describe('contract docs', { concurrency: 2 }, () => {
  it('docs/errors.md lists exactly the codes of src/core/errors.ts', () => {
    const md = readFileSync(path.join(ROOT, 'docs/errors.md'), 'utf8');
    const documented = [...md.matchAll(/^\|\s*`(SITREP_[A-Z0-9_]+)`\s*\|/gm)].map((m) => m[1]!).sort();
    const registered = Object.keys(ERRORS).sort();
    assert.deepEqual(
      documented.filter((c) => !registered.includes(c)),
      [],
      'documented but not registered',
    );
    assert.deepEqual(
      registered.filter((c) => !documented.includes(c)),
      [],
      'registered but not documented',
    );
    assert.equal(new Set(documented).size, documented.length, 'a code is listed twice');
  });

  it('docs/schema.md states the current schema_version', () => {
    const md = readFileSync(path.join(ROOT, 'docs/schema.md'), 'utf8');
    assert.ok(md.includes(`\`${SCHEMA_VERSION}\``), `schema.md mentions ${SCHEMA_VERSION}`);
  });

  it('real outputs of every fixture (files and --jsonl) validate against docs/extract.schema.json', async () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'docs/extract.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const files = readdirSync(FIXTURES)
      .filter((f) => !f.endsWith('.expected.json'))
      .map((f) => path.join(FIXTURES, f));
    const [batch, jsonl, bad] = await Promise.all([
      runCli(['extract', ...files, '--published', '2024-11-28']),
      runCli(['extract', '--jsonl', path.join(FIXTURES, 'lines.jsonl')]),
      runCli(['extract', '--jsonl', path.join(FIXTURES, 'bad-lines.jsonl')]),
    ]);
    // The reference-structure fixture fills the later layers too when their stages are present.
    const all = [...docs(batch.stdout), ...docs(jsonl.stdout), ...docs(bad.stdout)];
    assert.ok(all.length >= 20, `outputs: ${all.length}`);
    for (const d of all) {
      const ok = validate(d);
      assert.ok(ok, `${d.article?.input ?? d.id}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
  });

  it('the schema rejects a document with a renamed field', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'docs/extract.schema.json'), 'utf8'));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const doc = { id: 'x', schema_version: SCHEMA_VERSION, article: null, sentences: [], paragraphs: [], removed: [], mentions: [], claims: [], places: [], times: [], events: [], diagnostic: [] };
    assert.equal(validate(doc), false);
  });
});
