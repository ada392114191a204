import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDoc } from '../core/index.ts';
import { annotateActors } from './actors.ts';
import { sentenceStage } from './sentences.ts';

function actors(text: string) {
  const doc = annotateActors(sentenceStage.run(createDoc({ text, meta: { input: 'test', published: '2025-03-02' } }), { options: {}, resources: new Map() }));
  return doc.mentions.filter((m) => m.type === 'actor').map((m) => [doc.text.slice(m.span.start, m.span.end), m.value]);
}

test('countries without curated entries get state forces from the generated base', () => {
  const found = actors('Chadian troops clashed with gunmen near the border, while Zambia\'s army sent reinforcements and Peruvian police detained 12 people.');
  assert.deepEqual(
    found.filter(([, v]) => /Forces of/.test(String(v))),
    [
      ['Chadian troops', 'Military Forces of Chad'],
      ["Zambia's army", 'Military Forces of Zambia'],
      ['Peruvian police', 'Police Forces of Peru'],
    ],
  );
});

test('curated entries with ACLED regime dates win over the generated base', () => {
  const found = actors('Sudanese army jets bombed the market, witnesses said.');
  assert.ok(found.some(([, v]) => v === 'Military Forces of Sudan (2019-)'), JSON.stringify(found));
});
