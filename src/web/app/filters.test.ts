import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bboxAround, filtersQuery, pageQuery, parseQuery } from './filters.ts';

test('a bookmarked view reads back the filters and the open event', () => {
  const { filters, view } = parseQuery('?from=2024-10-01&to=2024-10-31&country=Sudan&event_type=Battles&min_fatalities=5&event=ev_1');
  assert.deepEqual(filters, { from: '2024-10-01', to: '2024-10-31', country: 'Sudan', event_type: 'Battles', min_fatalities: '5' });
  assert.deepEqual(view, { event: 'ev_1' });
});

test('malformed dates and counts in a stale bookmark are dropped, not sent to the API', () => {
  const { filters } = parseQuery('?from=October&min_fatalities=many&actor=%20&q=Kutum');
  assert.deepEqual(filters, { q: 'Kutum' });
});

test('filters survive a round trip through the URL, with spaces and ampersands escaped', () => {
  const f = { actor: 'Rapid Support Forces', q: 'Kutum & Tawila', review_status: 'accepted' };
  assert.deepEqual(parseQuery(`?${filtersQuery(f)}`).filters, f);
  assert.equal(pageQuery({}, {}), '');
  assert.ok(pageQuery({ country: 'Syria' }, { article: '3' }).includes('article=3'));
});

test('a box around Kutum (14.2 N, 24.66 E) contains the point', () => {
  const [a, b, c, d] = bboxAround(24.66, 14.2).split(',').map(Number);
  assert.ok(a! < 24.66 && 24.66 < c! && b! < 14.2 && 14.2 < d!);
});
