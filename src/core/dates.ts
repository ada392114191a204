/** A publication date accepted from input: `YYYY-MM-DD` or an ISO-8601 datetime; null when unparseable. */
export function parsePublished(value: string | null | undefined): string | null {
  if (value == null) return null;
  const v = String(value).trim();
  if (!v) return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (day) return validDay(+day[1]!, +day[2]!, +day[3]!) ? v : null;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(v)) {
    const t = Date.parse(v.replace(' ', 'T'));
    return Number.isNaN(t) ? null : v.replace(' ', 'T');
  }
  // RFC 2822 and similar ("Wed, 05 Apr 2017 10:00:00 GMT") from feeds and meta tags.
  if (/[A-Za-z]{3}/.test(v) && /\d{4}/.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) return new Date(t).toISOString();
  }
  return null;
}

/** True for a real calendar day. */
export function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** The calendar day (`YYYY-MM-DD`) of a publication value. */
export function publishedDay(value: string | null): string | null {
  return value ? value.slice(0, 10) : null;
}
