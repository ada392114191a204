import type { Claim, SitrepEvent } from '../src/core/index.ts';
import { EventClusterer, mergeReports, type Report } from '../src/merge/index.ts';

// Synthetic reports: incidents spread over a year and ten countries, each reported by 1–6 outlets, so the
// collection looks like a news feed (many reports per incident, many incidents per day and province).
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TYPES = [
  ['Explosions/Remote violence', 'Air/drone strike'],
  ['Battles', 'Armed clash'],
  ['Violence against civilians', 'Attack'],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
] as const;

/** Generate `n` reports (about one per article) for roughly n/3 incidents. */
export function syntheticReports(n: number, seed = 7): Report[] {
  const r = rng(seed);
  const out: Report[] = [];
  let incident = 0;
  while (out.length < n) {
    incident++;
    const [et, st] = TYPES[Math.floor(r() * TYPES.length)]!;
    const country = `C${Math.floor(r() * 10)}`;
    const lat = 10 + r() * 20;
    const lon = 20 + r() * 20;
    const day = Math.floor(r() * 365);
    const date = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const k = 1 + Math.floor(r() * 6);
    for (let j = 0; j < k && out.length < n; j++) {
      const event = {
        event_type: et, sub_event_type: st, disorder_type: 'Political violence', actor1: `Actor ${incident % 50}`, assoc_actor_1: null, inter1: null,
        actor2: null, assoc_actor_2: null, inter2: null, interaction: null, civilian_targeting: null, event_date: date, time_precision: 1, country, iso: null,
        admin1: null, admin2: null, location: null, latitude: lat + (r() - 0.5) * 0.05, longitude: lon + (r() - 0.5) * 0.05, geo_precision: 1, fatalities: 0,
        fatalities_range: { low: null, best: null, high: null }, claims: [], sources: [], notes: '', evidence: [], sentence: 0, confidence: 1, rule: 'bench',
      } as SitrepEvent;
      const claim = {
        kind: 'killed', low: 3 + j, best: 3 + j, high: 3 + j, hedge: null, unit: 'people', victims: { category: 'civilians', actor: null }, perpetrator: null,
        source: { name: `Source ${incident % 7}`, kind: 'monitor', chain: [], span: null, rule: 'bench' }, background: false, span: { start: 0, end: 1 }, also: [],
        sentence: 0, part_of: null, share: null, rule: 'bench',
      } as Claim;
      out.push({ id: `r${out.length}`, article_id: `a${out.length}`, url: null, outlet: `Outlet ${j}`, story_group: `s${incident}-${j % 3}`, published: `${date}T${String(j).padStart(2, '0')}:00`, event, claims: [claim] });
    }
  }
  return out;
}

/** Time EventClusterer alone and the full mergeReports at each size; prints ms and ms per 1,000 reports. */
export function benchMerge(sizes: readonly number[] = [10_000, 30_000, 100_000]): { size: number; clusterMs: number; mergeMs: number; events: number }[] {
  const all = syntheticReports(Math.max(...sizes));
  const rows = [];
  for (const size of sizes) {
    const reports = all.slice(0, size);
    let t = performance.now();
    const c = new EventClusterer();
    for (const rep of reports) c.add(rep);
    const clusterMs = performance.now() - t;
    t = performance.now();
    const merged = mergeReports(reports);
    const mergeMs = performance.now() - t;
    rows.push({ size, clusterMs: Math.round(clusterMs), mergeMs: Math.round(mergeMs), events: merged.length });
    console.log(`merge ${size} reports: cluster ${Math.round(clusterMs)} ms (${(clusterMs / (size / 1000)).toFixed(1)} ms/1k), mergeReports ${Math.round(mergeMs)} ms (${(mergeMs / (size / 1000)).toFixed(1)} ms/1k), ${merged.length} events`);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) benchMerge();
