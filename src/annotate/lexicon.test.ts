import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import { LEXICON_FILE, loadLexicon } from './lexicon.ts';

test('data/claims/lexicon.json matches its schema and every pattern compiles', () => {
  const schema = JSON.parse(readFileSync(new URL('../../data/claims/lexicon.schema.json', import.meta.url), 'utf8'));
  const data = JSON.parse(readFileSync(LEXICON_FILE, 'utf8')) as { triggers: { patterns: string[] }[] };
  const validate = new Ajv({ allErrors: true }).compile(schema);
  assert.ok(validate(data), JSON.stringify(validate.errors));
  for (const t of data.triggers) for (const p of t.patterns) assert.doesNotThrow(() => new RegExp(p));
});

test('the lexicon classifies nouns and triggers as GOLD.md says', () => {
  const lex = loadLexicon();
  assert.equal(lex.nouns.troops, 'soldiers');
  assert.equal(lex.nouns.jihadists, 'fighters');
  assert.equal(lex.nouns.people, 'total');
  assert.ok(lex.objects.test('shells'));
  assert.ok(!lex.objects.test('civilians'));
  const kindOf = (w: string) => lex.triggers.find(([re]) => new RegExp(re.source, 'i').test(w));
  assert.equal(kindOf('were wounded')?.[1], 'injured');
  assert.deepEqual(kindOf('were kidnapped')?.slice(1), ['detained', true]);
});
