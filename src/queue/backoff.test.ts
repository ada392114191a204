import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffMs, parseDuration } from './backoff.ts';

test('backoff doubles per attempt and stays within the upper half of each step', () => {
  const o = { baseMs: 1000, maxMs: 60_000 };
  assert.equal(backoffMs(1, { ...o, random: () => 0 }), 500);
  assert.equal(backoffMs(1, { ...o, random: () => 0.999999 }), 1000);
  assert.equal(backoffMs(3, { ...o, random: () => 0 }), 2000);
  assert.equal(backoffMs(4, { ...o, random: () => 0.999999 }), 8000);
  // Capped: attempt 20 would be 2^19 s without the cap.
  assert.equal(backoffMs(20, { ...o, random: () => 0.999999 }), 60_000);
});

test('backoff jitter spreads simultaneous failures', () => {
  const seen = new Set(Array.from({ length: 50 }, () => backoffMs(3, { baseMs: 1000 })));
  assert.ok(seen.size > 10, `${seen.size} distinct delays`);
});

test('durations as typed on the command line', () => {
  assert.equal(parseDuration('10m'), 600_000);
  assert.equal(parseDuration('30s'), 30_000);
  assert.equal(parseDuration('250ms'), 250);
  assert.equal(parseDuration('2h'), 7_200_000);
  assert.equal(parseDuration('45'), 45_000);
  assert.equal(parseDuration('ten minutes'), null);
});
