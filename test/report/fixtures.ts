import type { Claim, Doc, Mention, Place, SitrepEvent, Span } from '../../src/core/index.ts';
import { createDoc } from '../../src/core/index.ts';

// Wire-style articles written for these tests (invented incidents in real places). Every annotation below
// is written by hand from the text, the way the gold guide asks; spans are found by searching the text.

/** Day 1 of an incident: a first toll and a displacement figure. */
export const ATARIB_1 = `ALEPPO, Nov 27 (Wirenews) - Shelling on the town of Atarib in western Aleppo province killed at least 9 civilians on Wednesday, the Syrian Observatory for Human Rights said.
About 300 families fled toward the Turkish border, the International Organization for Migration said.`;

/** Day 2: the same source raises the toll, and a ministry denies any civilian deaths. */
export const ATARIB_2 = `BEIRUT, Nov 28 (Levant Daily) - The toll from Wednesday's shelling of Atarib rose to 12 civilians, the Syrian Observatory for Human Rights said on Thursday.
The Syrian defence ministry denied that any civilians were killed, saying its artillery had struck militant positions.`;

/** A change of territorial control with a soldiers' toll from an unnamed source. */
export const KHAN_AL_ASAL = `ALEPPO, Nov 28 (Northwire) - Hayat Tahrir al-Sham fighters seized the village of Khan al-Asal west of Aleppo on Thursday after clashes with government forces in which 15 soldiers were killed, a military source told Northwire.`;

/** The previous period: an earlier, separate strike. */
export const DARAT_IZZA = `ALEPPO, Nov 25 (Wirenews) - Air strikes on Darat Izza killed 4 civilians on Monday, according to local officials.`;

function find(text: string, phrase: string): Span {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`"${phrase}" not in fixture text`);
  return { start: at, end: at + phrase.length };
}

function claim(text: string, p: { kind: Claim['kind']; phrase: string; low: number | null; best: number | null; high: number | null; hedge?: string | null; category: Claim['victims']['category']; unit?: Claim['unit']; source: string | null; sourceKind?: string; outlet: string; sentence?: number }): Claim {
  return {
    kind: p.kind, low: p.low, best: p.best, high: p.high, hedge: p.hedge ?? null, unit: p.unit ?? 'people', victims: { category: p.category, actor: null }, perpetrator: null,
    source: { name: p.source, kind: p.sourceKind ?? null, chain: p.source ? [p.outlet, p.source] : [p.outlet], span: p.source ? find(text, p.source.split(' ').slice(-2).join(' ')) : null, rule: 'test.hand' },
    background: false, span: find(text, p.phrase), also: [], sentence: p.sentence ?? 0, part_of: null, share: null, rule: 'test.hand',
  };
}

function event(p: Partial<SitrepEvent> & { location: string; latitude: number; longitude: number; event_date: string }): SitrepEvent {
  return {
    event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack', disorder_type: 'Political violence', actor1: 'Military Forces of Syria (2000-2024)',
    assoc_actor_1: null, inter1: 'State forces', actor2: 'Civilians (Syria)', assoc_actor_2: null, inter2: 'Civilians', interaction: null, civilian_targeting: 'Civilians targeted',
    time_precision: 1, country: 'Syria', iso: '760', admin1: 'Aleppo', admin2: null, geo_precision: 1, fatalities: 0, fatalities_range: { low: null, best: null, high: null },
    claims: [], sources: [], notes: '', evidence: [], sentence: 0, confidence: 0.8, rule: 'test.hand', ...p,
  };
}

function doc(text: string, meta: { url: string; outlet: string; published: string; title: string }, claims: Claim[], events: SitrepEvent[], extra: { mentions?: Mention[]; places?: Place[] } = {}): Doc {
  const d = createDoc({ text, meta: { input: 'test', url: meta.url, outlet: meta.outlet, published: meta.published, title: meta.title } });
  return { ...d, sentences: [{ span: { start: 0, end: text.length }, index: 0, paragraph: 0 }], claims, events, mentions: extra.mentions ?? [], places: extra.places ?? [] };
}

const ATARIB = { location: 'Atarib', latitude: 36.1389, longitude: 36.83, event_date: '2024-11-27' };

/** The four hand-annotated documents of the fixture period (2024-11-27..28) and the one before it. */
export function fixtureDocs(): Doc[] {
  const a1 = doc(ATARIB_1, { url: 'https://wire.test/atarib-1', outlet: 'Wirenews', published: '2024-11-27', title: 'Shelling kills at least 9 civilians in Atarib' }, [
    claim(ATARIB_1, { kind: 'killed', phrase: 'at least 9 civilians', low: 9, best: null, high: null, hedge: 'at least', category: 'civilians', source: 'Syrian Observatory for Human Rights', sourceKind: 'monitor', outlet: 'Wirenews' }),
    claim(ATARIB_1, { kind: 'displaced', phrase: 'About 300 families', low: null, best: 300, high: null, hedge: 'about', category: 'total', unit: 'families', source: 'International Organization for Migration', sourceKind: 'un_agency', outlet: 'Wirenews', sentence: 1 }),
  ], [event({ ...ATARIB, claims: [0, 1], sources: ['Syrian Observatory for Human Rights', 'International Organization for Migration'], notes: 'On 27 November 2024, Military Forces of Syria (2000-2024) shelled Atarib.' })]);
  const denial = find(ATARIB_2, 'The Syrian defence ministry denied that any civilians were killed');
  const a2 = doc(ATARIB_2, { url: 'https://levant.test/atarib-2', outlet: 'Levant Daily', published: '2024-11-28', title: 'Atarib toll rises to 12' }, [
    claim(ATARIB_2, { kind: 'killed', phrase: '12 civilians', low: 12, best: 12, high: 12, category: 'civilians', source: 'Syrian Observatory for Human Rights', sourceKind: 'monitor', outlet: 'Levant Daily' }),
  ], [event({ ...ATARIB, claims: [0], sources: ['Syrian Observatory for Human Rights'] })], {
    mentions: [{ span: denial, type: 'trigger', text: ATARIB_2.slice(denial.start, denial.end), rule: 'denial', sentence: 1, value: 'Ministry of Defence of Syria', data: { kind: 'killed', category: 'civilians', source_kind: 'government' } }],
  });
  const k = doc(KHAN_AL_ASAL, { url: 'https://northwire.test/khan-al-asal', outlet: 'Northwire', published: '2024-11-28', title: 'HTS seizes Khan al-Asal' }, [
    claim(KHAN_AL_ASAL, { kind: 'killed', phrase: '15 soldiers', low: 15, best: 15, high: 15, category: 'soldiers', source: 'a military source', sourceKind: 'military', outlet: 'Northwire' }),
  ], [event({ location: 'Khan al-Asal', latitude: 36.1717, longitude: 37.0425, event_date: '2024-11-28', event_type: 'Battles', sub_event_type: 'Non-state actor overtakes territory', actor1: 'Hayat Tahrir al-Sham', inter1: 'Rebel group', actor2: 'Military Forces of Syria (2000-2024)', inter2: 'State forces', civilian_targeting: null, claims: [0], sources: ['a military source'] })]);
  const p = doc(DARAT_IZZA, { url: 'https://wire.test/darat-izza', outlet: 'Wirenews', published: '2024-11-25', title: 'Strikes on Darat Izza' }, [
    claim(DARAT_IZZA, { kind: 'killed', phrase: '4 civilians', low: 4, best: 4, high: 4, category: 'civilians', source: 'local officials', sourceKind: 'local_officials', outlet: 'Wirenews' }),
  ], [event({ location: 'Darat Izza', latitude: 36.2833, longitude: 36.85, event_date: '2024-11-25', sub_event_type: 'Air/drone strike', claims: [0], sources: ['local officials'] })]);
  return [a1, a2, k, p];
}
