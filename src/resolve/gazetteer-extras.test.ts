import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Ajv } from 'ajv';

const dir = new URL('../../data/gazetteer/', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('extras.schema.json', dir), 'utf8')) as object;
const extras = JSON.parse(readFileSync(new URL('extras.json', dir), 'utf8')) as { entries: unknown[] };

test('data/gazetteer/extras.json satisfies its schema', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const ok = validate(structuredClone(extras));
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 1));
});

test('the schema rejects an entry with neither a GeoNames id nor coordinates', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const bad = { ...extras, entries: [...extras.entries, { name: 'Nowhere Junction' }] };
  assert.equal(validate(bad), false);
});
