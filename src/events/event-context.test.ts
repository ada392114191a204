import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Doc, Place, TimeExpr } from '../core/index.ts';
import { createDoc } from '../core/index.ts';
import { sentenceStage } from '../annotate/sentences.ts';
import { datelineSpan, isMetonymy, isReportingTime } from './event-context.ts';

function doc(text: string): Doc {
  return sentenceStage.run(createDoc({ text, meta: { input: 'test', published: '2025-03-04' } }), { options: {}, resources: new Map() });
}
const at = (d: Doc, surface: string) => {
  const start = d.text.indexOf(surface);
  assert.ok(start >= 0, surface);
  return { start, end: start + surface.length };
};
const place = (d: Doc, surface: string) => ({ span: at(d, surface) }) as Place;
const time = (d: Doc, surface: string) => ({ span: at(d, surface) }) as TimeExpr;

test('a dateline ends at its dash and covers agency and date', () => {
  for (const [text, head] of [
    ['KHERSON, March 4 (Reuters) - Russian shelling hit a market in the town of Beryslav on Monday.', 'KHERSON, March 4 (Reuters) - '],
    ['GOMA (AFP) — Fighting resumed near the village of Kibumba on Sunday.', 'GOMA (AFP) — '],
    ['Bunia, 3 March 2025 – Gunmen attacked a camp in Djugu territory.', 'Bunia, 3 March 2025 – '],
    // A country with "of" in its name: its filing date must not date the event.
    ['BUKAVU, Democratic Republic of Congo, March 3 (Reuters) - Rebels seized a village on Sunday.', 'BUKAVU, Democratic Republic of Congo, March 3 (Reuters) - '],
  ] as const) {
    const d = doc(text);
    const s = datelineSpan(d);
    assert.ok(s, text);
    assert.equal(d.text.slice(s.start, s.end), head);
  }
});

test('a dash inside an ordinary sentence is no dateline', () => {
  assert.equal(datelineSpan(doc('Shelling resumed on Monday — the third day in a row — residents said.')), null);
  assert.equal(datelineSpan(doc('Gunmen killed five people in the village of Kibumba overnight.')), null);
});

test('a capital that speaks is a metonymy, a place where something happened is not', () => {
  const d = doc('Moscow said the strike hit military targets. A drone struck an oil depot in Moscow on Sunday.');
  const first = d.text.indexOf('Moscow');
  const second = d.text.indexOf('Moscow', first + 1);
  assert.equal(isMetonymy(d, { span: { start: first, end: first + 6 } } as Place), true);
  assert.equal(isMetonymy(d, { span: { start: second, end: second + 6 } } as Place), false);
  assert.equal(isMetonymy(d, place(d, 'oil depot')), false);
});

test('a date right after a reporting verb dates the statement, not the event', () => {
  const d = doc('The governor said on Tuesday that shelling killed four people in the town on Monday. The army said in a statement Wednesday it had repelled the attack.');
  assert.equal(isReportingTime(d, time(d, 'on Tuesday')), true);
  assert.equal(isReportingTime(d, time(d, 'on Monday')), false);
  assert.equal(isReportingTime(d, time(d, 'Wednesday')), true);
});
