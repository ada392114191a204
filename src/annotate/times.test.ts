import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDoc } from '../core/index.ts';
import { sentenceStage } from './sentences.ts';
import { annotateTimes } from './times.ts';

/** Annotate times in one text published on `published` (null: no date). */
function times(text: string, published: string | null) {
  const ctx = { options: {}, resources: new Map() };
  const doc = annotateTimes(sentenceStage.run(createDoc({ text, meta: { input: 'test', published } }), ctx));
  for (const t of doc.times) assert.ok(doc.text.slice(t.span.start, t.span.end).length > 0);
  return { doc, list: doc.times.map((t) => ({ text: doc.text.slice(t.span.start, t.span.end), value: t.value, precision: t.precision, tp: t.time_precision, bg: t.background })) };
}
const one = (text: string, published: string | null) => {
  const { list } = times(text, published);
  assert.equal(list.length, 1, JSON.stringify(list));
  return list[0]!;
};

// 2024-11-28 is a Thursday.
const PUB = '2024-11-28';

test('weekdays in past-tense reports: the most recent such day, the publication day itself included', () => {
  assert.deepEqual(one('Rebels launched an offensive on Wednesday against army positions.', PUB), { text: 'on Wednesday', value: '2024-11-27', precision: 'day', tp: 1, bg: false });
  assert.equal(one('Rebels launched an offensive on Thursday against army positions.', PUB).value, '2024-11-28');
  assert.equal(one('Shelling resumed Monday morning near the front.', PUB).value, '2024-11-25');
  assert.equal(one('Talks will resume on Monday in Geneva.', PUB).value, '2024-12-02');
});

test('yesterday, last night, overnight, today', () => {
  assert.equal(one('Two people were killed yesterday in the town.', PUB).value, '2024-11-27');
  assert.equal(one('Drones struck the port last night.', PUB).value, '2024-11-27');
  assert.equal(one('Drones struck the port overnight.', PUB).value, '2024-11-27');
  assert.equal(one('The army said today that it had withdrawn.', PUB).value, '2024-11-28');
});

test('the day before a weekday: apposition when that weekday is yesterday, else literal', () => {
  assert.equal(one('The attack was launched the day before Wednesday by the rebels.', PUB).value, '2024-11-27');
  assert.equal(one('The attack was launched the day before Monday by the rebels.', PUB).value, '2024-11-24');
  assert.equal(one('The attack was launched the day before yesterday.', PUB).value, '2024-11-26');
});

test('weeks: last week is the previous Monday-Sunday week; this week runs to publication', () => {
  assert.deepEqual(one('Fighting displaced thousands last week.', PUB), { text: 'last week', value: '2024-11-18/2024-11-24', precision: 'week', tp: 2, bg: false });
  assert.equal(one('Fighting displaced thousands this week.', PUB).value, '2024-11-25/2024-11-28');
  assert.equal(one('The monitor counted 40 raids in the past week.', PUB).value, '2024-11-21/2024-11-27');
  assert.equal(one('The monitor counted 40 dead over the past 24 hours.', PUB).value, '2024-11-27/2024-11-28');
  assert.equal(one('Three villages fell over the weekend.', PUB).value, '2024-11-23/2024-11-24');
});

test('ranges of weekdays and day pairs', () => {
  assert.deepEqual(one('Clashes raged between Monday and Wednesday in the south.', PUB), { text: 'between Monday and Wednesday', value: '2024-11-25/2024-11-27', precision: 'week', tp: 2, bg: false });
  assert.equal(one('Strikes hit the camp on 16 and 17 November.', PUB).value, '2024-11-16/2024-11-17');
});

test('months: this month, earlier this month (background), in March 2020 (background), since July', () => {
  assert.deepEqual(one('Attacks have doubled this month.', PUB), { text: 'this month', value: '2024-11', precision: 'month', tp: 3, bg: false });
  assert.equal(one('A similar raid earlier this month killed four.', PUB).bg, true);
  assert.deepEqual(one('A truce was agreed in March 2020 after an offensive.', PUB), { text: 'in March 2020', value: '2020-03', precision: 'month', tp: 3, bg: true });
  assert.deepEqual(one('Aid has been blocked since October.', PUB), { text: 'since October', value: '2024-10', precision: 'month', tp: 3, bg: false });
});

test('years and seasons are background history', () => {
  assert.deepEqual(one('It is the heaviest fighting since 2020 in the region.', PUB), { text: 'since 2020', value: '2020', precision: 'year', tp: null, bg: true });
  assert.deepEqual(one('The war broke out in the spring of 2011 and never ended.', PUB), { text: 'in the spring of 2011', value: '2011-03-01/2011-05-31', precision: 'month', tp: null, bg: true });
  assert.equal(one('Attacks rose sharply earlier this year.', PUB).value, '2024');
  assert.equal(one('Violence has displaced 3 million people since 2011.', PUB).value, '2011');
});

test('absolute dates via chrono: a date without a year after publication is last year', () => {
  assert.equal(one('The raid on 5 September killed nine.', PUB).value, '2024-09-05');
  assert.equal(one('The raid on March 13, 2023 killed nine.', PUB).value, '2023-03-13');
  assert.deepEqual(one('An earlier raid on Dec. 27 killed nine.', PUB), { text: 'on Dec. 27', value: '2023-12-27', precision: 'day', tp: 1, bg: true });
});

test('the same day and a day earlier refer back to the last date', () => {
  const { list } = times('A bomb exploded on 16 November in the market. On the same day, troops raided a village. A day earlier, a drone hit a school.', PUB);
  assert.deepEqual(list.map((t) => t.value), ['2024-11-16', '2024-11-16', '2024-11-15']);
});

test('without a publication date relative dates stay unresolved, with a diagnostic; absolute ones resolve', () => {
  const { doc, list } = times('Rebels attacked on Thursday. A truce was agreed in March 2020.', null);
  assert.deepEqual(list.map((t) => t.value), [null, '2020-03']);
  assert.equal(list[0]!.tp, null);
  assert.ok(doc.diagnostics.some((d) => d.code === 'SITREP_TIME_UNRESOLVED'));
  assert.equal(doc.mentions.filter((m) => m.type === 'time').length, 2);
});
