/**
 * Second gold consistency pass over eval/corpus (issue 3, after `harmonise.ts`).
 *
 * The first pass made countries places; some writers had also annotated possessive institutions ("Mali's
 * army", "Myanmar's military government"), toponyms inside organisation names ("the U.N. Integrated Office in
 * Haiti") and places on noise lines ("Read more: …", contact lines, author bios, credit lines such as
 * "(Reporting by X in Cairo; Editing by Y)"), which eval/GOLD.md says carry no annotation. Each rule returns
 * the changes it made, printed per rule and split; every rule is idempotent, so a second run changes nothing.
 * Run: `node --import tsx eval/tools/harmonise-2.ts [--dry-run]`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus, type CorpusItem } from '../corpus.ts';

/* biome-ignore lint/suspicious/noExplicitAny: gold is plain JSON validated by gold.schema.json */
type Gold = any;
type Rule = (gold: Gold, body: string, item: CorpusItem) => string[];

// ---------------------------------------------------------------------------------------------------------
// Rule 1: a toponym naming an institution or armed group is an organisation mention, not a place.

// Head nouns of institutions and armed groups after a possessive: "Mali's army", "Myanmar's military
// government", "Syria's new security forces", "Yemen's Houthi rebels", "Haiti's National Human Rights
// Defense Network". A possessive of anything else stays a place ("Lebanon's second city", "Sudan's war").
const INSTITUTION_HEAD =
  /^['’]s\s+(?:[\p{L}-]+\s+){0,4}?(?:army|military|armed forces|forces|government|junta|regime|authorities|officials|police|president|parliament|cabinet|navy|air force|defen[cs]e|General Staff|intelligence|paramilitar(?:y|ies)|rebels|militias?|militants|insurgents|fighters|group|network|council|commission|committee|office|ministry|agency|embassy|mission|court|prosecutors?|state media|news agency|television|coalition|party|Red Crescent)\b/iu;
// An organisation's head noun directly before the toponym: "the U.N. Integrated Office in Haiti", "the Social
// Council of Souq al-Juma", "the UN Support Mission in Libya". Capitalised, so "a council in Tripoli" (a
// common noun) keeps its place.
const ORG_BEFORE =
  /\b(?:Office|Mission|Council|Committee|Commission|Ministry|Agency|Command|Network|Directorate|Authority|Administration|Observatory)\s(?:of|in|for)\s(?:the\s)?$/;
// An organisation's head noun directly after the toponym: "Zaporizhzhia Regional Military Administration",
// "Syria Civil Defence", "Deir Ezzor Military Council".
const ORG_AFTER =
  /^\s(?:[A-Z][\p{L}-]*\s){0,3}(?:Administration|Council|Committee|Commission|Network|Civil Defen[cs]e|Observatory|Directorate|Ministry|Command|Brigade|Front|Coordination)\b/u;

/** Why a place mention names an institution rather than a place, or null when it is a place. */
export function institutionReason(body: string, start: number, end: number): string | null {
  const after = body.slice(end, end + 80);
  const before = body.slice(Math.max(0, start - 40), start);
  const m = INSTITUTION_HEAD.exec(after);
  if (m) return `possessive institution "${body.slice(start, end)}${m[0]}"`;
  if (ORG_BEFORE.test(before)) return `inside an organisation name "…${before.slice(-25)}${body.slice(start, end)}"`;
  const a = ORG_AFTER.exec(after);
  if (a) return `inside an organisation name "${body.slice(start, end)}${a[0]}"`;
  return null;
}

const ruleInstitutions: Rule = (gold, body) => {
  const out: string[] = [];
  gold.places = gold.places.filter((p: Gold) => {
    const why = institutionReason(body, p.span.start, p.span.end);
    if (why) out.push(`place "${p.span.text}" @${p.span.start} removed: ${why}`);
    return !why;
  });
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// Rule 2: noise lines carry no annotations: links to other stories, contact lines, author bios and credit
// lines ("(Reporting by X in Cairo; Editing by Y)", "Associated Press writer X in Bamako contributed to this
// report.", a closing byline "Olha Symonenko, Zaporizhzhia"). Photo captions and datelines are content.

const READ_MORE = /^(?:Read (?:more|also)|Also read|See also|Related(?: stories| articles)?|More on this|Watch)\s*:/i;
const CONTACT = /^(?:For (?:more|further) information|(?:Media )?Contacts?\b|E-?mail\b|Tel\b|Phone\b)|[\w.-]+@[\w-]+\.[\w.]+/i;
const CREDIT = /^\(?\s*(?:Additional )?reporting by\b|\b(?:Writing|Editing|Compiled|Additional reporting) by\b|\bcontributed (?:to )?(?:this )?report|\bcontributed reporting\b|^This report was filed by\b/i;
// Only on the last lines: "Associated Press writer Evens Sanon reported from Port-au-Prince." as a sign-off
// (mid-article "reporting from Deir el-Balah, said …" is attribution and stays).
const CLOSING_CREDIT = /^(?:[\p{Lu}][\p{L}'’.-]*\s){1,6}reported from\b[^.]*\.?$/u;
// A person described by their trade, not a place's history ("West Darfur was the scene of …" is content).
const BIO = /^(?:[\p{Lu}][\p{L}'’.-]*\s){1,4}(?:is|has been)\s(?:a|an|the)\s.*\b(?:editor|correspondent|reporter|journalist|writer|freelance|contributor|author|producer|analyst)\b|^(?:[\p{Lu}][\p{L}'’.-]*\s){1,3}(?:covers|has covered|reports on|writes about)\b/u;
// "Olha Symonenko, Zaporizhzhia": two to four capitalised words, a comma, a place, and nothing else.
const BYLINE = /^(?:[\p{Lu}][\p{L}'’.-]+\s){1,3}[\p{Lu}][\p{L}'’.-]+,\s[\p{Lu}][\p{L}'’ -]+$/u;

/** The kind of noise line that holds offset `at` ("read more", "credit", …), or null for content. */
export function noiseLineKind(body: string, at: number): string | null {
  const s = body.lastIndexOf('\n', at - 1) + 1;
  const e0 = body.indexOf('\n', at);
  const e = e0 < 0 ? body.length : e0;
  const text = body.slice(s, e).trim();
  const fromEnd = body.slice(e).split('\n').filter((l) => l.trim()).length;
  if (READ_MORE.test(text)) return 'read more';
  if (text.length < 200 && CONTACT.test(text)) return 'contact';
  if (text.length < 300 && CREDIT.test(text)) return 'credit';
  if (fromEnd <= 2 && CLOSING_CREDIT.test(text)) return 'credit';
  if (fromEnd <= 2 && text.length < 300 && BIO.test(text)) return 'author bio';
  if (fromEnd === 0 && BYLINE.test(text)) return 'byline';
  return null;
}

const ruleNoiseLines: Rule = (gold, body) => {
  const out: string[] = [];
  const line = (at: number) => {
    const s = body.lastIndexOf('\n', at - 1) + 1;
    const e = body.indexOf('\n', at);
    return JSON.stringify(body.slice(s, e < 0 ? body.length : e).slice(0, 110));
  };
  for (const layer of ['places', 'times'] as const) {
    gold[layer] = gold[layer].filter((a: Gold) => {
      const kind = noiseLineKind(body, a.span.start);
      if (kind) out.push(`${layer.slice(0, -1)} "${a.span.text}" @${a.span.start} removed (${kind} line ${line(a.span.start)})`);
      return !kind;
    });
  }
  // Claims index each other (part_of, share.of): drop noise claims and renumber, unless another claim
  // depends on one, which needs a person's decision.
  const drop = new Set<number>();
  gold.claims.forEach((c: Gold, i: number) => {
    if (noiseLineKind(body, c.span.start)) drop.add(i);
  });
  if (drop.size === 0) return out;
  const dependants = gold.claims.filter((c: Gold, i: number) => !drop.has(i) && (drop.has(c.part_of) || drop.has(c.share?.of)));
  if (dependants.length > 0) return [...out, `UNRESOLVED claims ${[...drop].join(',')} on noise lines have dependants`];
  const index = new Map<number, number>();
  let n = 0;
  gold.claims.forEach((_: Gold, i: number) => {
    if (!drop.has(i)) index.set(i, n++);
  });
  for (const i of drop) out.push(`claim ${i} "${gold.claims[i].span.text}" removed (${noiseLineKind(body, gold.claims[i].span.start)} line ${line(gold.claims[i].span.start)})`);
  gold.claims = gold.claims.filter((_: Gold, i: number) => !drop.has(i));
  for (const c of gold.claims) {
    if (c.part_of != null) c.part_of = index.get(c.part_of);
    if (c.share) c.share.of = index.get(c.share.of);
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// Rule 3: annotation notes that describe a superseded convention are rewritten to describe the gold as it
// now is. Each entry replaces one exact sentence (asserted present, so a note edited by hand is noticed).

const NOTE_FIXES: { id: string; from: string; to: string }[] = [
  { id: 'sa-001', from: 'Fatalities 24 = army figures (9 soldiers + about 15 assailants), the lowest credible; security sources say >20 soldiers, JNIM claims dozens.', to: "Fatalities 9 = the army's own 9 soldiers (its \"about 15 assailants\" are enemy losses and do not count, GOLD.md convention 1); security sources say >20 soldiers, JNIM claims dozens." },
  { id: 'ua-005', from: 'For week-precision events event_date is the first day of the week.', to: 'Week-precision events are dated at the middle day of the week (Thursday, GOLD.md convention 2).' },
  { id: 'mm-005', from: 'Conflicting partisan claims: TNLA says >50 soldiers killed, the military says ~30 insurgents killed; battle fatalities use the lower, 30.', to: 'Conflicting partisan claims: TNLA says >50 soldiers killed, the military says ~30 insurgents killed; both are claims about enemy losses, so the battle has fatalities 0 (GOLD.md convention 1).' },
  { id: 'sa-007', from: 'The "nearly 70" is a partisan figure, used as stated for the air strike.', to: 'The "nearly 70" is the army\'s figure for enemy dead: a claim, but the air strike has fatalities 0 (GOLD.md convention 1).' },
  { id: 'cd-007', from: 'The abductions span 1-15 October: one event dated at the middle with time_precision 3 (more than a few days).', to: 'The abductions span 1-15 October: one event with time_precision 3, dated on the 15th (GOLD.md convention 2).' },
  { id: 'ga-002', from: 'The Khan Younis militant toll is the Israeli military claim ("dozens" → 24);', to: 'The Khan Younis militant toll is the Israeli military claim (the claim reads "dozens" as low 24; as enemy losses it adds nothing to the battle\'s fatalities);' },
  { id: 'sy-004', from: 'Figures stated by OCHA itself are unsourced (name null, chain [Outlet]).', to: 'Figures stated by OCHA itself name OCHA as source with chain [Outlet] (GOLD.md convention 5).' },
  { id: 'ly-001', from: '"Social Council of Souq al-Juma": the toponym inside the council name is a prepositional complement and is annotated (the council is a local body of that district).', to: '"Social Council of Souq al-Juma" is an organisation name: the toponym inside it is not annotated.' },
  { id: 'ua-008', from: 'The byline place "Zaporizhzhia" is annotated as a place.', to: 'The closing byline "Olha Symonenko, Zaporizhzhia" is a credit line: not annotated.' },
  { id: 'lb-001', from: '"Hezbollah and Israel have exchanged" uses Israel as an agent: not a place.', to: '"Hezbollah and Israel have exchanged": a country is a place even when it acts (GOLD.md convention 4).' },
  { id: 'ga-001', from: '"not controlled by Israel" is a state-as-agent metonymy: not annotated as a place.', to: '"not controlled by Israel": a country is a place even when it acts (GOLD.md convention 4).' },
  { id: 'ye-004', from: '"the United States and Israel" in the protest slogan are state-as-agent mentions: not annotated.', to: '"the United States and Israel" in the protest slogan are countries, annotated as places (GOLD.md convention 4).' },
  { id: 'lb-002', from: '(whereas "Lebanon\'s second city" and "Lebanon\'s displaced" are places)', to: '(whereas "Lebanon\'s second city" is a place; "Lebanon\'s displaced" is in a Read more line, which is noise)' },
  { id: 'ye-002', from: '"Israel ended its war" is state-as-agent, not annotated.', to: '"Israel ended its war": a country is a place even when it acts (GOLD.md convention 4).' },
  { id: 'sy-005', from: '"Turkey\'s Ministry" is an organisation mention and "Turkey and allied Syrian factions seized" a state-as-agent metonymy (neither annotated);', to: '"Turkey\'s Ministry" is an organisation mention (not annotated), while "Turkey and allied Syrian factions seized" is a country acting, annotated as a place (GOLD.md convention 4);' },
  { id: 'sy-010', from: '"Euphrates" in the Read also line is a river, not annotated (no feature for rivers).', to: 'The Read also line is noise: nothing in it is annotated.' },
  { id: 'ua-007', from: '"Ukraine aid" in the Read more line is adjectival and not a place.', to: 'The Read more line is noise: nothing in it is annotated.' },
  // Test split: the same superseded conventions, fixed without reading further than the note itself.
  { id: 'sy-003', from: 'in "the Health Directorate in Hama" the toponym is a prepositional complement and is annotated.', to: '"the Health Directorate in Hama" is an organisation name too: its toponym is not annotated.' },
  { id: 'sy-003', from: 'Dozens -> fatalities 24 (numbers.md low).', to: 'The claim reads "dozens" as low 24 (numbers.md); event fatalities follow GOLD.md convention 1 (a vague word reads 12, an enemy-loss figure counts 0).' },
  { id: 'so-003', from: 'Event fatalities use the US figure of about 10.', to: "Event fatalities use the clan elders' at least 6 civilians; AFRICOM's \"about 10 fighters\" are enemy losses and do not count (GOLD.md convention 1)." },
  { id: 'sy-009', from: '"Israel has carried out ...": a country name used as a political/military agent is a metonymy for the state and is not annotated as a place (same rule as "Damascus regime").', to: '"Israel has carried out ...": a country is a place even when it acts (GOLD.md convention 4); capitals standing for governments ("Damascus regime") are not.' },
  { id: 'ht-003', from: 'The outlet (IOM) reports its own DTM figures: source.name null, chain [IOM].', to: 'The outlet (IOM) reports its own DTM figures: source.name is IOM, chain [IOM] (GOLD.md convention 5).' },
  { id: 'ly-003', from: '"press Libya" is the state as a political actor (not annotated).', to: '"press Libya" is a country acting, annotated as a place (GOLD.md convention 4).' },
];

// Phrases of superseded conventions: a note still holding one after the fixes above is reported for a person.
const STALE = [
  /first day of the (week|span)/i,
  /state-as-agent[^.]*(not (annotated|a place)|neither annotated)/i,
  /\bmetonymy\b[^.]*(Israel|Russia|Turkey|Ukraine|United States)\b[^.]*not annotated/i,
  /unsourced \(name null, chain \[Outlet\]\)/i,
  /(byline|credit|contributor|Reporting by)[^.]*\bis annotated\b/i,
  /\bannotated\b[^.]*\b(Read more|credit line|bio)\b/i,
  /metonymy for the state and is not annotated/i,
  /fatalities 24 \(numbers\.md/i,
  /prepositional complement and is annotated/i,
  /own [^.]*figures: source\.name null/i,
];

const ruleNotes: Rule = (gold) => {
  const out: string[] = [];
  for (const f of NOTE_FIXES.filter((x) => x.id === gold.id)) {
    if (typeof gold.notes !== 'string' || gold.notes.includes(f.to)) continue;
    if (!gold.notes.includes(f.from)) throw new Error(`${gold.id}: note sentence not found: ${f.from}`);
    gold.notes = gold.notes.replace(f.from, f.to);
    out.push(`notes: "${f.from}" → "${f.to}"`);
  }
  if (typeof gold.notes === 'string') {
    for (const rx of STALE) {
      const m = rx.exec(gold.notes);
      if (m) out.push(`UNRESOLVED stale note (${rx.source}): "${m[0]}"`);
    }
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------------

const RULES: [string, Rule][] = [
  ['1 institutions', ruleInstitutions],
  ['2 noise lines', ruleNoiseLines],
  ['3 stale notes', ruleNotes],
];

/** Apply every rule to every gold file, print each change and the counts per rule and split, write back. */
export function harmonise2(dryRun: boolean): { rule: string; id: string; what: string }[] {
  const changes: { rule: string; id: string; what: string }[] = [];
  const counts = new Map<string, { dev: number; test: number }>();
  for (const item of loadCorpus()) {
    const file = path.join(path.dirname(item.file), `${item.id}.gold.json`);
    const before = readFileSync(file, 'utf8');
    const gold = JSON.parse(before);
    const anchored = (g: Gold) => new Set(g.events.filter((e: Gold) => g.places.some((p: Gold) => [p.name, p.span.text, p.admin1].includes(e.location))).map((e: Gold) => e.location));
    const hadPlace = anchored(gold);
    for (const [rule, fn] of RULES) {
      for (const what of fn(gold, item.raw.text, item)) {
        if (what.startsWith('UNRESOLVED')) {
          console.log(`  ! ${item.split}/${item.id} ${what}`);
          continue;
        }
        changes.push({ rule, id: item.id, what });
        const c = counts.get(rule) ?? { dev: 0, test: 0 };
        c[item.split] += 1;
        counts.set(rule, c);
        console.log(`[${rule}] ${item.split}/${item.id} ${what}`);
      }
    }
    // Events keep their own location fields; a place removed here must not have been an event's only anchor.
    const hasPlace = anchored(gold);
    for (const loc of hadPlace) if (!hasPlace.has(loc)) console.log(`  ! ${item.split}/${item.id} event at ${loc} has no place mention left`);
    const after = `${JSON.stringify(gold, null, 2)}\n`;
    if (!dryRun && after !== before) writeFileSync(file, after);
  }
  console.log('\nchanges per rule and split:');
  for (const [rule] of RULES) {
    const c = counts.get(rule) ?? { dev: 0, test: 0 };
    console.log(`  rule ${rule.padEnd(16)} dev ${String(c.dev).padStart(3)}  test ${String(c.test).padStart(3)}`);
  }
  return changes;
}

if (import.meta.url === `file://${process.argv[1]}`) harmonise2(process.argv.includes('--dry-run'));
