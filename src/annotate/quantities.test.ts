import assert from 'node:assert/strict';
import test from 'node:test';
import { findQuantities } from './quantities.ts';

// Expected values are docs/numbers.md applied by hand to each phrase.
const cases: [string, string, number | null, number | null, number | null, string | null][] = [
  ['Fighting killed 14,000 people.', '14,000', 14000, 14000, 14000, null],
  ['Fighting killed 14.000 people.', '14.000', 14000, 14000, 14000, null],
  ['Fighting killed 14 000 people.', '14 000', 14000, 14000, 14000, null],
  ['The war displaced 1.5 million people.', '1.5 million', 1500000, 1500000, 1500000, null],
  ['Shelling killed twenty-three soldiers.', 'twenty-three', 23, 23, 23, null],
  ['Police held a dozen men.', 'a dozen', 12, 12, 12, null],
  ['It uprooted half a million people.', 'half a million', 500000, 500000, 500000, null],
  ['Tens of thousands of people fled.', 'Tens of thousands', 20000, null, null, 'tens of thousands'],
  ['Raids killed two hundred villagers.', 'two hundred', 200, 200, 200, null],
  ['Dozens of people were hurt.', 'Dozens', 24, null, null, 'dozens'],
  ['Scores of people were hurt.', 'Scores', 40, null, null, 'scores'],
  ['Hundreds of families fled.', 'Hundreds', 200, null, null, 'hundreds'],
  ['Several soldiers were missing.', 'Several', 3, null, null, 'several'],
  ['A number of residents were held.', 'A number of', 2, null, null, 'a number of'],
  ['A few guards were hurt.', 'A few', 2, null, null, 'a few'],
  ['It killed between 10 and 15 people.', 'between 10 and 15', 10, null, 15, 'between'],
  ['It killed 10 to 15 people.', '10 to 15', 10, null, 15, null],
  ['It killed 10-15 people.', '10-15', 10, null, 15, null],
  ['It killed at least 19 people.', 'at least 19', 19, null, null, 'at least'],
  ['It killed more than 200 people.', 'more than 200', 201, null, null, 'more than'],
  ['It killed over 30 people.', 'over 30', 31, null, null, 'over'],
  ['It killed nearly 40 people.', 'nearly 40', null, 40, 40, 'nearly'],
  ['It killed almost 40 people.', 'almost 40', null, 40, 40, 'almost'],
  ['It killed about 20 people.', 'about 20', null, 20, null, 'about'],
  ['It killed around 20 people.', 'around 20', null, 20, null, 'around'],
  ['Some 4,000 people fled.', 'Some 4,000', null, 4000, null, 'some'],
  ['It killed up to 50 people.', 'up to 50', null, null, 50, 'up to'],
  ['It killed fewer than 10 people.', 'fewer than 10', null, null, 9, 'fewer than'],
  ['It killed as many as 60 people.', 'as many as 60', null, null, 60, 'as many as'],
  ['An estimated 6,000 people fled.', 'An estimated 6,000', null, 6000, null, 'an estimated'],
  ['The war killed more than half a million people.', 'more than half a million', 500001, null, null, 'more than'],
];

for (const [text, surface, low, best, high, hedge] of cases) {
  test(`quantity: ${surface}`, () => {
    const qs = findQuantities(text, 0, text.length);
    const q = qs.find((x) => text.slice(x.span.start, x.span.end) === surface);
    assert.ok(q, `no quantity "${surface}" in ${JSON.stringify(qs.map((x) => text.slice(x.span.start, x.span.end)))}`);
    assert.deepEqual([q.low, q.best, q.high, q.hedge], [low, best, high, hedge]);
  });
}

test('shares are found with their fraction', () => {
  const t = 'More than 9,000 people fled, a third of them women.';
  const q = findQuantities(t, 0, t.length).find((x) => x.form === 'share');
  assert.equal(t.slice(q!.span.start, q!.span.end), 'a third');
  assert.equal(q!.fraction, 1 / 3);
});

test('years, ages, distances, money, times, identifiers and rates are not quantities', () => {
  for (const t of ['It happened in 2020.', 'A girl aged 12 was seen.', 'A 12-year-old boy.', 'The town is 10 km away.', 'Resolution 2254 was cited.', 'The M5 highway was cut.', 'Prices rose by $200.', 'Inflation hit 30 percent.', 'The raid began at 10:30.', 'Call +963 11 234 5678.']) {
    // "A girl" is a count of one person; the age is what must not be read.
    assert.deepEqual(findQuantities(t, 0, t.length).filter((q) => q.form !== 'single').map((q) => t.slice(q.span.start, q.span.end)), [], t);
  }
});
