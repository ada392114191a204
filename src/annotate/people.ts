import type { Span } from '../core/index.ts';

/** A named person and the role the article gives them ("police spokesperson", "head of the Sumy regional military administration"). */
export interface PersonRole {
  /** The name as written, without titles ("Sadik Adan Ali Dudishe"). */
  readonly name: string;
  /** The role phrase as written, without articles ("civil society leader in Beni territory"). */
  readonly role: string;
  /** A military rank was written with the name ("Brigadier General Mesfin Abebe"): speaks for an armed force. */
  readonly ranked: boolean;
  readonly span: Span;
  readonly rule: string;
}

// Nouns that make a phrase a role: "governor", "police spokesperson", "civil society leader".
export const ROLE_NOUN = 'governor|mayor|head|chief|minister|commander|spokes(?:man|woman|person)|director|president|leader|official|coordinator|secretary|representative|administrator|prefect|chairman|chairwoman|chairperson|superintendent';
const RANK = '(?:(?:Brigadier|Major|Lieutenant|General|Gen\\.|Colonel|Col\\.|Captain|Capt\\.|Lt\\.|Maj\\.|Brig\\.|Sgt\\.|Sergeant|Commander|Admiral)\\s+)';
const TITLE = '(?:(?:Dr\\.?|Mr\\.?|Mrs\\.?|Ms\\.?|Sheikh|Gov\\.)\\s+)';
// A name is 1–5 capitalised tokens ("Yevgeny Balitsky", "Sadik Adan Ali Dudishe", "Al-Fateh Qurashi").
const NAME = "\\p{Lu}[\\p{L}'’-]+(?:[ \\u00a0]+(?:al-|el-|bin[ ]+|ibn[ ]+|de[ ]+|van[ ]+)?\\p{Lu}[\\p{L}'’-]+){0,4}";
// Words that end a role phrase on the left: "… on Monday, police spokesperson X said" keeps only the role.
const LEFT_STOP = /^(?:the|a|an|and|or|but|said|says|told|by|to|with|from|on|in|at|as|while|when|that|which|who|whose|according|after|before|its|their|his|her|of|for|between|against|under|over|than|is|was|were|are|be|been|also)$/i;

const RE_TITLED = new RegExp(`((?:[\\p{L}'’.-]+\\s+){0,5}?)(${ROLE_NOUN})[ ]+(${RANK}*)(${TITLE}?)(${NAME})`, 'gu');
const RE_ROLE_OF_COMMA = new RegExp(`\\b((?:${ROLE_NOUN})\\s+(?:of|for|at)\\s+(?:the\\s+)?(?:(?!\\s(?:said|told|says|added|had|has|was|were)\\b)[^,.;:]){2,70}?),\\s+${RANK}*${TITLE}?(${NAME})(?=[,.;]|\\s+(?:said|told|says|added|announced|stated|claimed|confirmed))`, 'giu');
const RE_APPOSITIVE = new RegExp(`(?<![\\p{L}])(${NAME}),\\s+(?:the\\s+|a\\s+|an\\s+)?([^,.;:"“”]{0,60}?\\b(?:${ROLE_NOUN})\\b(?:\\s+(?:of|in|for|at)\\s+[^,.;:"“”]{2,60})?)(?=\\s*[,.;])`, 'gu');
const RE_WHO_HEADS = new RegExp(`(?<![\\p{L}])(${NAME}),\\s+who\\s+(heads|leads|runs|directs|commands|chairs)\\s+(?:the\\s+)?([^,.;:]{2,70})`, 'gu');

function trimLeft(words: string): string {
  const ws = words.trim().split(/\s+/).filter(Boolean);
  let k = ws.length;
  while (k > 0 && !LEFT_STOP.test(ws[k - 1]!) && !/[,;:"“”]$|[^A-Z][.!?]$/.test(ws[k - 1]!) && !/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(ws[k - 1]!)) k--;
  return ws.slice(k).join(' ');
}

/**
 * Every person the article introduces with a role, in text order. "Zaporizhzhia governor Yevgeny Balitsky",
 * "police spokesperson Sadik Adan Ali Dudishe", "the head of the Sumy regional military administration, Volodymyr
 * Artiukh", "Darius Syaira, a civil society leader in Beni territory", "Ali Musa, who heads the local committee".
 */
export function peopleOf(text: string): PersonRole[] {
  const out: PersonRole[] = [];
  for (const m of text.matchAll(RE_TITLED)) {
    const left = trimLeft(m[1] ?? '');
    // A capitalised role word ends a sentence-initial name: "Governor Oleh Syniehubov".
    const role = `${left ? `${left} ` : ''}${m[2]!}`;
    const name = m[5]!;
    // "the head of …" is handled below; a role noun followed by a capitalised organisation is not a person
    // ("the head of Aamin Ambulance" has "of", "director Aamin Ambulance" is rare): a name has no org words.
    if (/\b(?:Ministry|Forces?|Army|Police|Office|Agency|Council|Committee|Administration|Brigade|Movement|Network|Organi[sz]ation|Oblast|Region|Province|State|Command|Directorate|Authority)\b/.test(name)) continue;
    const end = (m.index ?? 0) + m[0].length;
    out.push({ name, role, ranked: !!m[3] || /\b(?:commander|general)\b/i.test(role), span: { start: end - m[0].length + (m[1]!.length - m[1]!.trimEnd().length > 0 ? m[1]!.length - left.length - 1 : 0), end }, rule: 'people.titled' });
  }
  for (const m of text.matchAll(RE_ROLE_OF_COMMA)) {
    out.push({ name: m[2]!, role: m[1]!, ranked: false, span: { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }, rule: 'people.role-of-comma' });
  }
  for (const m of text.matchAll(RE_APPOSITIVE)) {
    const name = m[1]!;
    const role = m[2]!.trim();
    // The appositive must describe a person: "Kherson, the regional capital" is a place, not a role holder.
    if ((!/\s/.test(name) && !out.some((p) => p.name.endsWith(name))) || /^(?:whose|who|which|where|when)\b/i.test(role)) continue;
    out.push({ name, role, ranked: /\b(?:commander|general|colonel)\b/i.test(role), span: { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }, rule: 'people.appositive' });
  }
  for (const m of text.matchAll(RE_WHO_HEADS)) {
    const verb = m[2]!.toLowerCase();
    const role = `${verb === 'commands' ? 'commander' : verb === 'chairs' ? 'chairman' : verb === 'directs' ? 'director' : 'head'} of ${m[3]!.trim()}`;
    out.push({ name: m[1]!, role, ranked: verb === 'commands', span: { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }, rule: 'people.who-heads' });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The role of a person named alone or in full ("Dudishe", "Yevgeny Balitsky"): the latest introduction before `at`, else the first. */
export function roleOf(people: readonly PersonRole[], name: string, at = Number.POSITIVE_INFINITY): PersonRole | null {
  const n = name.replace(new RegExp(`^${RANK}*${TITLE}?`, 'u'), '').trim();
  if (!n) return null;
  const sur = n.split(/\s+/).pop()!;
  const hits = people.filter((p) => p.name === n || p.name.split(/\s+/).pop() === sur || p.name.endsWith(` ${n}`));
  if (!hits.length) return null;
  return [...hits].reverse().find((p) => p.span.start <= at) ?? hits[0]!;
}

/** Split "ROLE NAME" ("police spokesperson Sadik Adan Ali Dudishe") into its role and name, or null. */
export function splitTitled(phrase: string): { role: string; name: string; ranked: boolean } | null {
  const m = new RegExp(`^(?:the\\s+)?((?:[\\p{L}'’.-]+\\s+){0,5}?(?:${ROLE_NOUN}))\\s+(${RANK}*)${TITLE}?(${NAME})$`, 'u').exec(phrase.trim());
  if (!m) return null;
  if (/\b(?:Ministry|Forces?|Army|Police|Office|Agency|Council|Committee|Administration|Brigade|Movement|Network|Organi[sz]ation|Oblast|Region|Province|State|Command)\b/.test(m[3]!)) return null;
  return { role: m[1]!, name: m[3]!, ranked: !!m[2] };
}
