import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import { loadCorpus, CORPUS_DIR } from './corpus.ts';

const schema = JSON.parse(readFileSync(path.join(CORPUS_DIR, '..', 'gold.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const corpus = loadCorpus();

test('the corpus has articles in both splits', () => {
  assert.ok(corpus.some((c) => c.split === 'dev'));
  assert.ok(corpus.some((c) => c.split === 'test'));
});

for (const item of corpus) {
  test(`gold ${item.split}/${item.id} is valid and every span slices the body`, () => {
    assert.ok(validate(item.gold), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.equal(item.gold.split, item.split, 'split field matches the folder');
    assert.equal(item.gold.id, item.id);
    const body = item.raw.text;
    const spans: { start: number; end: number; text: string }[] = [];
    for (const c of item.gold.claims) spans.push(c.span, ...(c.also ?? []));
    for (const p of item.gold.places) spans.push(p.span);
    for (const t of item.gold.times) spans.push(t.span);
    for (const s of spans) assert.equal(body.slice(s.start, s.end), s.text, `${item.id} ${s.start}-${s.end}`);
    for (const c of item.gold.claims) {
      if (c.part_of != null) assert.ok(c.part_of >= 0 && c.part_of < item.gold.claims.length, 'part_of indexes a claim');
      if (c.share) assert.ok(c.share.of >= 0 && c.share.of < item.gold.claims.length, 'share.of indexes a claim');
    }
  });
}
