import type { Doc, Stage } from '../core/index.ts';
import { withDiagnostics } from '../core/index.ts';

/**
 * Function-word profiles of the languages conflict news mostly arrives in. Function words are the most
 * frequent tokens of any running text and rarely shared across these languages ("the", "of", "and" / "le",
 * "de", "et" / "el", "los", "que"), so their share of the tokens identifies a language from a paragraph.
 * Words two profiles share ("de", "a", "la", "e", "o") are left out of all but one where they matter least.
 */
const PROFILES: Readonly<Record<string, readonly string[]>> = {
  en: 'the of and to in is was that for on with as by at from it are were has have had been be this which said who their an or but not after they its would will'.split(' '),
  fr: 'le les des est une dans pour par sur qui pas au aux du ont été avec cette ces sont elle il ils mais leur selon après été était aussi lors depuis'.split(' '),
  es: 'el los las del por con una para que se su sus fue han ha desde según pero más como este esta entre tras sobre también donde hasta'.split(' '),
  de: 'der die das und ist nicht mit den dem ein eine von zu sich auf für im des wurde wurden nach bei auch sind aus hat haben wie über einer'.split(' '),
  pt: 'o na no do nos nas à às os das dos não uma em para com foi são pelo pela ao mais como segundo também pelos após está foram seu sua entre onde já há'.split(' '),
  it: 'il gli della delle dei è che non per con sono una nel nella alla al stato stati anche secondo dopo tra più come questo questa ha hanno'.split(' '),
  tr: 've bir bu da için ile olarak olan göre dedi çok ancak sonra gibi daha kadar ise değil en tarafından üzere her şu olduğu'.split(' '),
  ru: 'и в не на что с по как из за от это был была были его к о для также после но при его их который которые году'.split(' '),
  uk: 'і в не на що з за як від це був була були його до про для також після але при їх який які році та'.split(' '),
  ar: 'في من على إلى أن عن مع التي الذي هذا هذه كان قد وقال بعد قبل بين ما لا أو حيث كما خلال'.split(' '),
};

const SETS = Object.fromEntries(Object.entries(PROFILES).map(([k, v]) => [k, new Set(v)])) as Record<string, Set<string>>;

/** Tokens read for detection: enough for a confident guess, few enough to stay cheap on long articles. */
const MAX_TOKENS = 600;
/** Below this many profile hits the text is too short to say (a headline, a caption). */
const MIN_HITS = 4;

/** The language of a text as an ISO 639-1 code with a confidence (share of tokens that are its function words), or null when too short to tell. */
export function detectLanguage(text: string): { language: string; score: number } | null {
  const tokens = (text.toLowerCase().match(/[\p{L}\p{M}’']+/gu) ?? []).slice(0, MAX_TOKENS).map((t) => t.replace(/[’']/g, ''));
  if (!tokens.length) return null;
  const hits: Record<string, number> = {};
  for (const t of tokens) for (const [lang, set] of Object.entries(SETS)) if (set.has(t)) hits[lang] = (hits[lang] ?? 0) + 1;
  // Cyrillic letters only Ukrainian uses ("і", "ї", "є", "ґ") or only Russian uses ("ы", "э", "ъ", "ё") settle ru/uk.
  const uk = (text.match(/[іїєґ]/giu) ?? []).length;
  const ru = (text.match(/[ыэъё]/giu) ?? []).length;
  if (uk + ru > 3) hits[uk > ru ? 'uk' : 'ru'] = (hits[uk > ru ? 'uk' : 'ru'] ?? 0) + Math.abs(uk - ru);
  let best: string | null = null;
  for (const lang of Object.keys(hits)) if (!best || hits[lang]! > hits[best]!) best = lang;
  if (!best || hits[best]! < MIN_HITS) {
    // Scripts other than Latin are decisive on their own for the profiles above.
    if (/\p{Script=Arabic}{3,}/u.test(text) && !/[a-z]{3,}/i.test(text)) return { language: 'ar', score: 0 };
    return null;
  }
  return { language: best, score: hits[best]! / tokens.length };
}

/**
 * Stage: detect the article's language and set `meta.language`; a non-English article gets
 * SITREP_INGEST_NOT_ENGLISH and English extractors read nothing from it (see `liveSentences`). A text too
 * short to tell keeps the language the input declared, if any.
 */
export const languageStage: Stage = {
  name: 'language',
  requires: [],
  assigns: [],
  run(doc: Doc): Doc {
    const found = detectLanguage(doc.text);
    const language = found?.language ?? doc.meta.language ?? null;
    const out: Doc = { ...doc, meta: { ...doc.meta, language } };
    if (!language || language === 'en') return out;
    return withDiagnostics(out, {
      code: 'SITREP_INGEST_NOT_ENGLISH',
      severity: 'warning',
      message: `${doc.meta.input}: article language detected as "${language}"; extraction skipped`,
      stage: 'language',
    });
  },
};
