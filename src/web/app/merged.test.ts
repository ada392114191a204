import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Contradiction, SourceFigure } from './api.ts';
import { disputedClaims, distinctContradictions, figureHistory, figureText } from './merged.ts';

const fig = (low: number | null, best: number | null, high: number | null) => ({ low, best, high });

test('figureText writes a figure, a floor and a range the same way everywhere', () => {
  assert.equal(figureText(fig(19, 19, 19)), '19');
  assert.equal(figureText(fig(7, null, null)), 'at least 7');
  assert.equal(figureText(fig(12, 15, 19)), '12–19');
  assert.equal(figureText(fig(null, null, 30)), 'up to 30');
  assert.equal(figureText(fig(null, null, null)), '—');
});

test('figureHistory: a toll rising 7 → 12 → 19 over rewrites reads as three steps', () => {
  const f: SourceFigure = {
    source: 'Syrian Observatory for Human Rights', kind: 'killed', category: 'civilians', ...fig(19, 19, 19), report: 'r5', article_id: 5, published: null, span: null, text: '19 civilians',
    updates: [{ ...fig(7, null, null), report: 'r1' }, { ...fig(7, null, null), report: 'r2' }, { ...fig(12, 12, 12), report: 'r3' }, { ...fig(19, 19, 19), report: 'r4' }],
  };
  assert.deepEqual(figureHistory(f), ['at least 7', '12', '19']);
  assert.deepEqual(figureHistory({ ...f, updates: [] }), ['19']);
});

test('distinctContradictions shows a denial quoted by several outlets once, counting them', () => {
  const side = (source: string, text: string, report: string) => ({ source, text, report, article_id: 1, value: null, span: null });
  const c = (report: string): Contradiction => ({ kind: 'killed', category: 'civilians', reason: 'denial', a: side('Monitor', '19 civilians', 'r1'), b: side('Ministry', 'the ministry denied that any civilians were killed', report) });
  const other: Contradiction = { ...c('r9'), reason: 'disjoint-ranges', b: side('Hospital', '40 dead', 'r9') };
  const out = distinctContradictions([c('r2'), c('r3'), c('r4'), other]);
  assert.equal(out.length, 2);
  assert.equal(out[0]!.times, 3);
  assert.equal(out[1]!.times, 1);
});

test('disputedClaims marks the claims inside a contradiction side, not a toll that merely rose', () => {
  const side = (article_id: number, start: number, end: number) => ({ source: 'x', text: 't', report: 'r', article_id, value: null, span: { start, end } });
  const claims = [
    { id: 1, article_id: 20, span: { start: 149, end: 161 } }, // "19 civilians"
    { id: 2, article_id: 15, span: { start: 40, end: 45 } }, // "seven", the earlier toll
    { id: 3, article_id: 18, span: { start: 400, end: 420 } }, // inside the denial sentence
  ];
  const c: Contradiction = { kind: 'killed', category: 'civilians', reason: 'denial', a: side(20, 149, 161), b: side(18, 393, 456) };
  assert.deepEqual([...disputedClaims(claims, [c])].sort(), [1, 3]);
  assert.equal(disputedClaims(claims, []).size, 0);
});
