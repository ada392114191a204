import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segmentText } from './segments.ts';

const text = 'Fighters stormed Kutum on Saturday, killing 45 people, a local official said.';
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });

test('segments cover the whole text in order and slice it exactly', () => {
  const segs = segmentText(text, [{ span: at('Kutum'), kind: 'place', title: 'Kutum' }]);
  assert.equal(segs.map((s) => s.text).join(''), text);
  for (const s of segs) assert.equal(text.slice(s.start, s.end), s.text);
  assert.deepEqual(segs.filter((s) => s.marks.length).map((s) => s.text), ['Kutum']);
});

test('a figure inside a claim carries both marks; the rest of the claim only the claim', () => {
  const segs = segmentText(text, [
    { span: at('killing 45 people'), kind: 'claim', title: 'killed 45' },
    { span: at('45'), kind: 'quantity', title: '45' },
  ]);
  const fig = segs.find((s) => s.text === '45')!;
  assert.deepEqual(fig.marks.map((m) => m.kind).sort(), ['claim', 'quantity']);
  assert.deepEqual(segs.find((s) => s.text === ' people')!.marks.map((m) => m.kind), ['claim']);
});

test('a span past the end of the text (a stale annotation) is ignored rather than breaking the view', () => {
  const segs = segmentText(text, [{ span: { start: 70, end: 500 }, kind: 'place', title: 'x' }]);
  assert.deepEqual(segs, [{ start: 0, end: text.length, text, marks: [] }]);
});
