/**
 * Dev tool: pair gold and predicted events on the dev split as the scorer does and print the disagreements in one
 * field, with the sentence and the date or actor evidence, so error classes can be counted before fixing them.
 * Usage: `node --import tsx eval/classifier/event-errors.ts [date|actor|subtype]` (dev split only).
 */
import { createContext, toOutput } from '../../src/core/index.ts';
import { prepareArticle } from '../../src/ingest/prepare.ts';
import { defaultPipeline } from '../../src/pipeline.ts';
import { loadCorpus } from '../corpus.ts';
import { eventAffinity } from '../score.ts';

type J = Record<string, any>;
const field = process.argv[2] ?? 'date';
const norm = (s: unknown) => (typeof s === 'string' ? s.trim().toLowerCase() : '');

const ctx = createContext();
let wrong = 0;
for (const item of loadCorpus(['dev'])) {
  const doc = defaultPipeline().run(prepareArticle(item.raw), ctx);
  const pred = (toOutput(doc) as J).events as J[];
  const gold = (item.gold.events ?? []) as J[];
  const cand: [number, number, number][] = [];
  gold.forEach((g, gi) => pred.forEach((p, pi) => cand.push([eventAffinity(g, p), gi, pi])));
  cand.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const ug = new Set<number>();
  const up = new Set<number>();
  for (const [s, gi, pi] of cand) {
    if (s < 2 || ug.has(gi) || up.has(pi)) continue;
    ug.add(gi);
    up.add(pi);
    const g = gold[gi]!;
    const p = pred[pi]!;
    const sent = doc.sentences.find((x) => x.index === p.sentence);
    const text = sent ? doc.text.slice(sent.span.start, sent.span.end).replace(/\s+/g, ' ') : '';
    const ev = (f: string) => (p.evidence as J[]).filter((e) => e.field === f).map((e) => doc.text.slice(e.span.start, e.span.end));
    if (field === 'date' && g.event_date !== p.event_date) {
      wrong++;
      console.log(`${item.id} pub=${doc.meta.published?.slice(0, 10)} gold=${g.event_date}/${g.time_precision} pred=${p.event_date}/${p.time_precision} ${p.sub_event_type} date-ev=${JSON.stringify(ev('event_date'))}\n   ${text.slice(0, 260)}`);
    }
    if (field === 'actor') {
      const ga = [norm(g.actor1), norm(g.actor2)].filter(Boolean).sort();
      const pa = [norm(p.actor1), norm(p.actor2)].filter(Boolean).sort();
      if (ga.some((a) => !pa.includes(a))) {
        wrong++;
        console.log(`${item.id} ${g.sub_event_type} gold=[${g.actor1} | ${g.actor2}] pred=[${p.actor1} | ${p.actor2}] ev=${JSON.stringify([...ev('actor1'), ...ev('actor2')])}\n   ${text.slice(0, 260)}`);
      }
    }
    if (field === 'subtype' && g.sub_event_type !== p.sub_event_type) {
      wrong++;
      console.log(`${item.id} gold=${g.sub_event_type} pred=${p.sub_event_type} (${p.rule})\n   ${text.slice(0, 260)}`);
    }
  }
  for (let gi = 0; gi < gold.length; gi++) if (!ug.has(gi)) console.log(`${item.id} MISSED ${gold[gi]!.sub_event_type} ${gold[gi]!.event_date} ${gold[gi]!.location}`);
}
console.log(`${wrong} ${field} disagreements on matched events`);
