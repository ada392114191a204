import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createContext } from '../core/index.ts';
import { prepareArticle } from '../ingest/prepare.ts';
import { defaultPipeline } from '../pipeline.ts';

// Wire-style sentences written for this test: the first reports an event; the others are a quotation, a state of
// control and a recovery of bodies, which the sentence model alone must not turn into events.
const text = [
  'IDLIB, Syria (Wire) — Russian warplanes struck a market in the town of Sarmada on Wednesday, killing at least seven civilians, a war monitor said.',
  '"We heard the plane and then everything was smoke," said a trader who gave his name as Abu Ali.',
  'Idlib and parts of neighbouring provinces are held by Hayat Tahrir al-Sham and allied factions.',
  'Civil Defence teams said they had recovered the last bodies from the rubble overnight.',
].join('\n');

test('the sentence model alone codes no event from a quotation, a state of control or a recovery of bodies', () => {
  const doc = defaultPipeline().run(prepareArticle({ text, meta: { input: 'guards.txt' } }, { published: '2024-10-17' }), createContext());
  assert.deepEqual(doc.events.map((e) => e.sub_event_type), ['Air/drone strike']);
});

test('a bare second account of a toll joins the event it speaks of, keeping both figures in the range', () => {
  const t = [
    'KHARTOUM (Wire) — An attack by the Rapid Support Forces on the town of Kutum in North Darfur on Saturday killed 32 people, the Sudan Doctors Network said.',
    'A local official had earlier told reporters that 45 people were killed.',
  ].join('\n');
  const doc = defaultPipeline().run(prepareArticle({ text: t, meta: { input: 'toll.txt' } }, { published: '2024-10-21' }), createContext());
  assert.equal(doc.events.length, 1);
  assert.equal(doc.events[0]!.fatalities, 32);
  assert.deepEqual([doc.events[0]!.fatalities_range.low, doc.events[0]!.fatalities_range.high], [32, 45]);
});
