import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findTriggers } from './taxonomy.ts';

/** A trained averaged-perceptron model over words, bigrams and lexicon features. */
export interface ClassifierModel {
  readonly version: string;
  readonly labels: readonly string[];
  /** feature → weights per label (same order as `labels`). */
  readonly weights: Readonly<Record<string, readonly number[]>>;
  readonly stats: Readonly<Record<string, unknown>>;
}

const MODEL = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'data', 'models', 'event-classifier-v1.json');
let cached: ClassifierModel | null | undefined;

/** Features of a sentence: lower-cased words, bigrams, and the sub-types whose triggers fire ("lex=Air/drone strike"). */
export function features(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\d'-]+/gu) ?? [];
  const out = ['bias', ...words.map((w) => `w=${w}`)];
  for (let i = 1; i < words.length; i++) out.push(`b=${words[i - 1]}_${words[i]}`);
  for (const h of findTriggers(text)) out.push(`lex=${h.trigger.sub_event_type}`);
  return out;
}

/** Scores per label; softmax turns them into a rough probability. */
export function predict(model: ClassifierModel, text: string): { label: string; probability: number } {
  const scores = model.labels.map(() => 0);
  for (const f of features(text)) {
    const w = model.weights[f];
    if (w) for (let i = 0; i < scores.length; i++) scores[i]! += w[i]!;
  }
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const z = exp.reduce((a, b) => a + b, 0);
  const best = scores.indexOf(max);
  return { label: model.labels[best]!, probability: exp[best]! / z };
}

/** Train an averaged perceptron (features above) for `epochs` passes in a fixed order. */
export function train(data: readonly { text: string; label: string }[], epochs = 10, version = '1'): ClassifierModel {
  const labels = [...new Set(data.map((d) => d.label))].sort();
  const w = new Map<string, number[]>();
  const acc = new Map<string, number[]>();
  const stamp = new Map<string, number[]>();
  let t = 1;
  const get = (m: Map<string, number[]>, f: string) => {
    let v = m.get(f);
    if (!v) {
      v = labels.map(() => 0);
      m.set(f, v);
    }
    return v;
  };
  const feats = data.map((d) => features(d.text));
  for (let e = 0; e < epochs; e++) {
    for (let n = 0; n < data.length; n++) {
      const fs = feats[n]!;
      const scores = labels.map(() => 0);
      for (const f of fs) {
        const v = w.get(f);
        if (v) for (let i = 0; i < labels.length; i++) scores[i]! += v[i]!;
      }
      const guess = scores.indexOf(Math.max(...scores));
      const gold = labels.indexOf(data[n]!.label);
      if (guess !== gold) {
        for (const f of fs) {
          const v = get(w, f);
          const a = get(acc, f);
          const s = get(stamp, f);
          for (const i of [gold, guess]) {
            a[i]! += (t - s[i]!) * v[i]!;
            s[i] = t;
            v[i]! += i === gold ? 1 : -1;
          }
        }
      }
      t++;
    }
  }
  const weights: Record<string, number[]> = {};
  for (const [f, v] of w) {
    const a = get(acc, f);
    const s = get(stamp, f);
    const avg = v.map((x, i) => Math.round(((a[i]! + (t - s[i]!) * x) / t) * 1000) / 1000);
    if (avg.some((x) => x !== 0)) weights[f] = avg;
  }
  return { version, labels, weights, stats: {} };
}

/** The shipped model, or null when it has not been trained yet. */
export function loadModel(): ClassifierModel | null {
  if (cached !== undefined) return cached;
  try {
    cached = JSON.parse(readFileSync(MODEL, 'utf8')) as ClassifierModel;
  } catch {
    cached = null;
  }
  return cached;
}

/** Sub-event type of a clause by the shipped model (null without a model); label "None" means no event. */
export function classifySentence(text: string): { sub_event_type: string; probability: number } | null {
  const m = loadModel();
  if (!m) return null;
  const p = predict(m, text);
  return { sub_event_type: p.label, probability: p.probability };
}
