import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import { loadCorpus, CORPUS_DIR } from './corpus.ts';

const schema = JSON.parse(readFileSync(path.join(CORPUS_DIR, '..', 'gold.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const corpus = loadCorpus();
type GoldSpan = { start: number; end: number; text: string };
type GoldClaim = { span: GoldSpan; also?: GoldSpan[]; part_of?: number | null; share?: { of: number } | null };

test('the corpus has articles in both splits', () => {
  assert.ok(corpus.some((c) => c.split === 'dev'));
  assert.ok(corpus.some((c) => c.split === 'test'));
});

for (const item of corpus) {
  test(`gold ${item.split}/${item.id} is valid and every span slices the body`, () => {
    // Copy before validating: ajv's type guard would narrow the gold to `unknown`.
    const gold = item.gold as { split: string; id: string; claims: GoldClaim[]; places: { span: GoldSpan }[]; times: { span: GoldSpan }[] };
    assert.ok(validate(item.gold), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.equal(gold.split, item.split, 'split field matches the folder');
    assert.equal(gold.id, item.id);
    const body = item.raw.text;
    const spans: { start: number; end: number; text: string }[] = [];
    for (const c of gold.claims) spans.push(c.span, ...(c.also ?? []));
    for (const p of gold.places) spans.push(p.span);
    for (const t of gold.times) spans.push(t.span);
    for (const s of spans) assert.equal(body.slice(s.start, s.end), s.text, `${item.id} ${s.start}-${s.end}`);
    for (const c of gold.claims) {
      if (c.part_of != null) assert.ok(c.part_of >= 0 && c.part_of < gold.claims.length, 'part_of indexes a claim');
      if (c.share) assert.ok(c.share.of >= 0 && c.share.of < gold.claims.length, 'share.of indexes a claim');
    }
  });
}
