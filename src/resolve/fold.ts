/**
 * Name folding for gazetteer keys. GeoNames primary names carry transliteration diacritics ("Ḩamāh") and
 * news copy spells the same place a dozen ways ("Jisr al-Shughur", "Jisr Ash-Shugur"), so lookups go
 * through two keys: `fold` (exact up to case, accents, apostrophes and hyphens) and `skeleton` (a looser
 * phonetic key for transliteration variants).
 */

// Apostrophes, ʿayn and hamza marks are dropped: "Ma'arrat" = "Maʿarrat" = "Maarrat".
const MARKS = /[\u0027\u2018\u2019\u02bb\u02bc\u02be\u02bf\u02b9\u0060\u00b4]/g;
const DASHES = /[-\u2010-\u2015\u2212_/.]/g;

/** Fold a name: lower case, no diacritics, no apostrophes, hyphens and dashes as spaces ("Ḩamāh" → "hamah"). */
export function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/gi, 'o')
    .replace(/ł/gi, 'l')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(DASHES, ' ')
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Arabic articles as written in English copy: "al-", "el-", "ad-", "as-", "ash-", "az-"… ("Deir al-Zour").
const ARTICLES = new Set(['al', 'el', 'ad', 'ed', 'as', 'es', 'ash', 'esh', 'ar', 'er', 'at', 'et', 'az', 'ez', 'an', 'en', 'ath', 'adh', 'ul']);

/**
 * A looser key over a folded name: articles dropped, digraphs and doubled letters reduced, e/o read as i/u,
 * spaces removed — "Lattakia"/"Latakia", "Idleb"/"Idlib", "Jisr Ash-Shugur"/"Jisr al-Shughur" meet.
 */
export function skeleton(folded: string): string {
  const words = folded.split(' ').filter((w) => w && !ARTICLES.has(w));
  let s = words.join('');
  s = s
    .replace(/ou/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/(?<=[a-z])h/g, '')
    .replace(/e/g, 'i')
    .replace(/o/g, 'u')
    .replace(/y/g, 'i')
    .replace(/q/g, 'k')
    .replace(/([a-z])\1+/g, '$1');
  return s;
}

/** True when a name is written in Latin script (non-Latin alternate names are not indexed). */
export function isLatin(name: string): boolean {
  return /^[\p{Script=Latin}\p{M}0-9 '\u2019\u02bf\u02be().,-]+$/u.test(name);
}
