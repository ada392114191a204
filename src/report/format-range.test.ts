import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatRange, spanOf, sumRanges } from './format-range.ts';

test('one way to write a range, as docs/report-style.md shows', () => {
  assert.equal(formatRange({ low: 19, best: 19, high: 19 }), '19');
  assert.equal(formatRange({ low: 19, best: null, high: null }), 'at least 19');
  assert.equal(formatRange({ low: 19, best: null, high: 25 }), '19–25');
  assert.equal(formatRange({ low: null, best: 20, high: null }), 'about 20');
  assert.equal(formatRange({ low: null, best: null, high: 50 }), 'up to 50');
  assert.equal(formatRange({ low: 14000, best: null, high: null }), 'at least 14,000');
  assert.equal(formatRange({ low: null, best: null, high: null }), null);
});

test('sources of one incident span from the lowest floor to the highest figure; incidents add up', () => {
  // Civil Defence "at least 17", SOHR "19" → 17–19.
  assert.deepEqual(spanOf([{ low: 17, best: null, high: null }, { low: 19, best: 19, high: 19 }]), { low: 17, best: null, high: 19 });
  assert.deepEqual(spanOf([{ low: 7, best: null, high: null }]), { low: 7, best: null, high: null });
  assert.deepEqual(sumRanges([{ low: 17, best: null, high: 19 }, { low: 10, best: 10, high: 10 }]), { low: 27, best: null, high: 29 });
  // Estimates stay estimates: "about 300 families" and "about 200 families" → about 500.
  assert.deepEqual(sumRanges([spanOf([{ low: null, best: 300, high: null }]), { low: null, best: 200, high: null }]), { low: null, best: 500, high: null });
  // One part known only as a floor leaves the total a floor: "at least 27".
  assert.deepEqual(sumRanges([{ low: 17, best: null, high: null }, { low: 10, best: 10, high: 10 }]), { low: 27, best: null, high: null });
});
