import { validDay } from '../core/index.ts';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A year (and possibly month and day) in a URL path: "/2024/11/28/" or "/2024/11/"; news sites date their paths. */
export function urlDate(url: string | null | undefined): { year: number; month: number | null; day: number | null } | null {
  if (!url) return null;
  let p: string;
  try {
    p = new URL(url).pathname;
  } catch {
    p = url;
  }
  const m = /\/((?:19|20)\d{2})\/(\d{1,2})(?:\/(\d{1,2}))?(?:\/|$)/.exec(p) ?? /\/((?:19|20)\d{2})(?:\/|$)/.exec(p);
  if (!m) return null;
  const year = +m[1]!;
  const month = m[2] && +m[2] >= 1 && +m[2] <= 12 ? +m[2] : null;
  const day = month && m[3] && validDay(year, month, +m[3]) ? +m[3] : null;
  return { year, month, day };
}

/**
 * A publication date carried by the article itself, looked for only in its first 300 characters: a full date
 * ("Wed 05 Apr 2017", "April 5, 2017", "2017-04-05"). A dateline without a year ("ALEPPO, Nov 28 (Reuters)")
 * is used only when the URL path gives the year ("/2024/11/28/"), and a URL dated to the day is used last.
 */
export function inferPublished(text: string, url?: string | null): { value: string; surface: string } | null {
  const full = fullDate(text);
  if (full) return full;
  const fromUrl = urlDate(url);
  if (!fromUrl) return null;
  // "ALEPPO, Nov 28 (Reuters) -", "KYIV, March 3 (AP) —": a capitalised place, a month and day, a credit or dash.
  const dl = /^\s*[\p{Lu}][\p{Lu}\p{L} .'’-]{1,40},\s*(?:[\p{L} ]{2,30},\s*)?([A-Za-z]{3,9})\.?\s+(\d{1,2})\b\s*(?:\([^)]{1,40}\))?\s*[-–—:]?/u.exec(text.slice(0, 300));
  if (dl) {
    const m = MONTHS[dl[1]!.toLowerCase()];
    if (m && validDay(fromUrl.year, m, +dl[2]!)) return { value: `${fromUrl.year}-${pad(m)}-${pad(+dl[2]!)}`, surface: `${dl[0].trim()} + year ${fromUrl.year} from the URL` };
  }
  if (fromUrl.month && fromUrl.day) return { value: `${fromUrl.year}-${pad(fromUrl.month)}-${pad(fromUrl.day)}`, surface: `the URL path ${url}` };
  return null;
}

/** A full date (with year) in the first 300 characters. */
function fullDate(text: string): { value: string; surface: string } | null {
  const head = text.slice(0, 300);
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(head);
  if (iso && validDay(+iso[1]!, +iso[2]!, +iso[3]!)) return { value: iso[0], surface: iso[0] };
  const dmy = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(head);
  if (dmy) {
    const m = MONTHS[dmy[2]!.toLowerCase()];
    if (m && validDay(+dmy[3]!, m, +dmy[1]!)) return { value: `${dmy[3]}-${pad(m)}-${pad(+dmy[1]!)}`, surface: dmy[0] };
  }
  const mdy = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(head);
  if (mdy) {
    const m = MONTHS[mdy[1]!.toLowerCase()];
    if (m && validDay(+mdy[3]!, m, +mdy[2]!)) return { value: `${mdy[3]}-${pad(m)}-${pad(+mdy[2]!)}`, surface: mdy[0] };
  }
  return null;
}
