/**
 * Train the event sentence classifier: `node --import tsx eval/classifier/train.ts`. Reads
 * eval/classifier/sentences.jsonl (falls back to seed.jsonl), holds out every 5th sentence, reports held-out
 * accuracy, then trains on everything and writes data/models/event-classifier-v1.json with its stats.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { predict, train } from '../../src/events/classifier.ts';

const here = path.dirname(new URL(import.meta.url).pathname);
const file = existsSync(path.join(here, 'sentences.jsonl')) ? path.join(here, 'sentences.jsonl') : path.join(here, 'seed.jsonl');
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { text: string; sub_event_type: string | null })
  .map((r) => ({ text: r.text, label: r.sub_event_type ?? 'None' }));
const heldOut = rows.filter((_, i) => i % 5 === 4);
const trainSet = rows.filter((_, i) => i % 5 !== 4);
const dev = train(trainSet, 10);
const correct = heldOut.filter((r) => predict(dev, r.text).label === r.label).length;
const accuracy = heldOut.length ? Math.round((correct / heldOut.length) * 1000) / 1000 : null;
const model = train(rows, 10, '1.0.0');
const out = { ...model, stats: { trained_on: path.basename(file), sentences: rows.length, labels: model.labels.length, held_out: heldOut.length, held_out_accuracy: accuracy, split: 'every 5th sentence held out', features: Object.keys(model.weights).length } };
writeFileSync(path.join(here, '..', '..', 'data', 'models', 'event-classifier-v1.json'), `${JSON.stringify(out)}\n`);
console.log(JSON.stringify(out.stats));
