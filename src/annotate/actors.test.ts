import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import { createDoc } from '../core/index.ts';
import { annotateActors } from './actors.ts';
import { sentenceStage } from './sentences.ts';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..');

function actors(text: string, published: string | null) {
  const doc = annotateActors(sentenceStage.run(createDoc({ text, meta: { input: 'test', published } }), { options: {}, resources: new Map() }));
  return doc.mentions.filter((m) => m.type === 'actor').map((m) => ({ text: doc.text.slice(m.span.start, m.span.end), value: m.value, inter: m.data?.inter, allies: m.data?.allies }));
}
const canonicalOf = (list: ReturnType<typeof actors>, surface: string) => list.find((a) => a.text === surface)?.value;

test('the actor dictionary validates against its schema and ids are unique', () => {
  const schema = JSON.parse(readFileSync(path.join(root, 'data/actors/actors.schema.json'), 'utf8'));
  const data: { actors: { id: string; patterns?: string[] }[] } = JSON.parse(readFileSync(path.join(root, "data/actors/actors.json"), "utf8"));
  const ajv = new Ajv({ allErrors: true });
  const valid: boolean = ajv.validate(schema, data as unknown);
  assert.ok(valid, JSON.stringify(ajv.errors));
  const ids = data.actors.map((a: { id: string }) => a.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const a of data.actors) for (const p of a.patterns ?? []) assert.doesNotThrow(() => new RegExp(p));
});

test('Syrian descriptions resolve to the Assad-era army, jihadists to the one named group, Russia as external force', () => {
  const text = readFileSync(path.join(root, 'test/fixtures/events/aleppo-offensive.txt'), 'utf8');
  const list = actors(text, '2024-11-28');
  assert.equal(canonicalOf(list, 'regime troops'), 'Military Forces of Syria (2000-2024)');
  assert.equal(canonicalOf(list, 'Syrian government forces'), 'Military Forces of Syria (2000-2024)');
  assert.equal(canonicalOf(list, 'the former Syrian branch of al-Qaeda'), 'Hayat Tahrir al-Sham');
  assert.equal(canonicalOf(list, 'HTS'), 'Hayat Tahrir al-Sham');
  const jihadists = list.find((a) => a.text === 'Jihadists')!;
  assert.deepEqual([jihadists.value, jihadists.allies], ['Hayat Tahrir al-Sham', true]);
  const ru = list.find((a) => a.text === 'the Russian air force')!;
  assert.deepEqual([ru.value, ru.inter], ['Military Forces of Russia (2000-)', 'External/Other forces']);
  assert.equal(canonicalOf(list, 'civilians'), 'Civilians (Syria)');
});

test('government forces in Syria after 8 December 2024 are the new state forces', () => {
  const list = actors('Government forces clashed with Assad loyalists near Latakia in Syria.', '2025-03-07');
  assert.equal(canonicalOf(list, 'Government forces'), 'Military Forces of Syria (2024-)');
  assert.equal(canonicalOf(list, 'Assad loyalists'), 'Assad Loyalist Militia (Syria)');
});

test('Sudan: paramilitaries are the RSF, the army is SAF; ambiguous acronyms follow the country', () => {
  const sd = actors('Sudanese paramilitaries shelled El-Fasher, Sudan, as the army fought back, residents said.', '2024-06-01');
  assert.equal(canonicalOf(sd, 'paramilitaries'), 'Rapid Support Forces');
  assert.equal(canonicalOf(sd, 'the army'), 'Military Forces of Sudan (2019-)');
  assert.equal(canonicalOf(sd, 'residents'), 'Civilians (Sudan)');
  const so = actors('The SNA repelled an Al Shabaab raid near Mogadishu, Somalia.', '2024-06-01');
  assert.equal(canonicalOf(so, 'SNA'), 'Military Forces of Somalia (2022-)');
  assert.equal(canonicalOf(so, 'Al Shabaab'), 'Al Shabaab');
  const sy = actors('The SNA shelled Kurdish positions in Syria.', '2024-06-01');
  assert.equal(canonicalOf(sy, 'SNA'), 'Syrian National Army');
});

test('Myanmar junta, Kyiv forces, unidentified gunmen and protesters', () => {
  assert.equal(canonicalOf(actors('The junta bombed a village in Myanmar.', '2024-05-01'), 'The junta'), 'Military Forces of Myanmar (2021-)');
  assert.equal(canonicalOf(actors("Kyiv's forces repelled an assault in Ukraine.", '2024-05-01'), "Kyiv's forces"), 'Military Forces of Ukraine (2019-)');
  assert.equal(canonicalOf(actors('Gunmen killed four farmers in Mali.', '2024-05-01'), 'Gunmen'), 'Unidentified Armed Group (Mali)');
  assert.equal(canonicalOf(actors('Protesters marched in Khartoum, Sudan.', '2024-05-01'), 'Protesters'), 'Protesters (Sudan)');
  // "IS" as an acronym is case-sensitive: the verb "is" is not the Islamic State.
  assert.equal(actors('The situation is tense in Syria.', '2024-05-01').length, 0);
});

test('a possessive country before "army" names the army, whatever country the dateline names', () => {
  const list = actors("DAKAR, Senegal (AP) — A drone strike by Mali's army killed 12 civilians at a market in central Mali on Sunday, local officials said. Senegal was not involved.", '2024-03-18');
  assert.equal(canonicalOf(list, 'army'), 'Military Forces of Mali (2021-)');
});
