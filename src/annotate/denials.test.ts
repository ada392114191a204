import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createContext, createDoc } from '../core/index.ts';
import { defaultPipeline } from '../pipeline.ts';

function denials(text: string) {
  const doc = defaultPipeline().run(createDoc({ text, meta: { input: 't', published: '2024-10-17' } }), createContext());
  return doc.mentions.filter((m) => m.rule === 'denial').map((m) => ({ surface: doc.text.slice(m.span.start, m.span.end), source: m.value, kind: m.data?.kind, category: m.data?.category }));
}

test('a ministry denying that civilians were killed is a denial by that ministry, not a claim', () => {
  const d = denials("Russian jets struck the market in Idlib, Syria, on Wednesday. Russia's defence ministry denied that any civilians were killed, saying it hit a depot.");
  assert.deepEqual(d, [{ surface: "Russia's defence ministry denied that any civilians were killed", source: 'Ministry of Defence of Russia', kind: 'killed', category: 'civilians' }]);
});

test('rejecting reports of civilian casualties denies both deaths and injuries', () => {
  const d = denials('The army rejected reports of civilian casualties in the village.');
  assert.deepEqual(d.map((x) => [x.surface, x.kind, x.category]), [
    ['The army rejected reports of civilian casualties', 'killed', 'civilians'],
    ['The army rejected reports of civilian casualties', 'injured', 'civilians'],
  ]);
});

test('reporting deaths is not a denial; "said no civilians were hurt" is', () => {
  assert.deepEqual(denials('The monitor said that civilians were killed in the raid.'), []);
  const d = denials('A police spokesman said no protesters were hurt.');
  assert.equal(d.length, 0, 'protesters are not in the victim words, so nothing is invented');
  const e = denials('The governor said no civilians were injured in the strike.');
  assert.deepEqual(e.map((x) => [x.surface, x.kind]), [['The governor said no civilians were injured', 'injured']]);
});
