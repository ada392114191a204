import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitText } from './sentences.ts';

const sents = (t: string) => splitText(t).sentences.map((s) => t.slice(s.span.start, s.span.end));

test('abbreviations and initials do not end sentences', () => {
  assert.deepEqual(sents('The U.S. envoy met Gen. Ali in Damascus. Mr. Smith left.'), ['The U.S. envoy met Gen. Ali in Damascus.', 'Mr. Smith left.']);
});

test('closing curly quotes stay with their sentence', () => {
  assert.deepEqual(sents('He said “we will win.” Then he left.'), ['He said “we will win.”', 'Then he left.']);
});

test('em-dash asides and a stray comma keep one sentence', () => {
  const t = 'These are 182 anti-regime fighters—among them 102 jihadists—, 62 members of the regime forces.';
  assert.deepEqual(sents(t), [t]);
});

test('a dateline is part of the first sentence; a headline without a stop stands alone', () => {
  assert.deepEqual(sents('Rebels cut key road near Aleppo\nALEPPO, Syria (AFP) — Rebels cut the road. Fighting went on.'), [
    'Rebels cut key road near Aleppo',
    'ALEPPO, Syria (AFP) — Rebels cut the road.',
    'Fighting went on.',
  ]);
});

test('decimals and lowercase continuations are not boundaries', () => {
  assert.deepEqual(sents('Some 3.5 million fled. about 20 stayed.'), ['Some 3.5 million fled. about 20 stayed.']);
});
