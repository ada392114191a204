import { type ErrorCode, SitrepError } from '../core/index.ts';
import { countryByIso2, countryByName } from '../resolve/countries.ts';
import type { ReportQuery } from './types.ts';

const DAY = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Days between two `YYYY-MM-DD` dates, counting both ends. */
export function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;
}

/** A `YYYY-MM-DD` date shifted by a number of days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** The period of the same length just before this one (2024-11-27..28 → 2024-11-25..26). */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const len = periodDays(from, to);
  return { from: addDays(from, -len), to: addDays(from, -1) };
}

/**
 * Check and resolve what the user asked for: a country as ISO alpha-2 ("SY") or a name ("Syria"), a
 * province, and an inclusive period. `code` is the registry code for a bad request (CLI or API).
 */
export function parseReportQuery(input: { country?: string | null; admin1?: string | null; from?: string | null; to?: string | null }, code: ErrorCode): ReportQuery {
  const raw = (input.country ?? '').trim();
  const c = raw.length === 2 ? countryByIso2(raw) : countryByName(raw);
  if (!c) throw new SitrepError(code, `unknown country "${raw}" (ISO alpha-2 code or English name)`);
  const { from, to } = input;
  if (!from || !to || !ISO_DAY.test(from) || !ISO_DAY.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) {
    throw new SitrepError(code, 'from and to must be dates YYYY-MM-DD');
  }
  if (from > to) throw new SitrepError(code, `from ${from} is after to ${to}`);
  if (periodDays(from, to) > 366) throw new SitrepError(code, 'a report covers at most 366 days');
  return { country: c.name, iso2: c.iso2, numeric: c.numeric, admin1: input.admin1?.trim() || null, from, to };
}
