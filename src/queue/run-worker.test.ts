import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storableError } from './run-worker.ts';

test('error messages quoting random bytes become storable text (no NUL, capped)', () => {
  const msg = storableError('SITREP_INGEST_BAD_FEED http://x/feed.xml: not an RSS or Atom document (starts "\u0000\u0007ab\u001fc")');
  assert.ok(!/[\u0000-\u0008]/.test(msg));
  assert.match(msg, /starts " {2}ab c"/);
  assert.equal(storableError('x'.repeat(5000)).length, 2000);
});
