import { validDay } from '../core/index.ts';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A publication date carried by the article itself, looked for only in its first 300 characters: a full date
 * ("Wed 05 Apr 2017", "April 5, 2017", "2017-04-05"). A dateline without a year ("ALEPPO, Nov 28 (Reuters)")
 * gives no year, so it is not enough on its own.
 */
export function inferPublished(text: string): { value: string; surface: string } | null {
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
