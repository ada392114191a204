/** How retries are spaced: exponential from `baseMs`, capped at `maxMs`, with jitter. */
export interface BackoffOptions {
  readonly baseMs?: number;
  readonly maxMs?: number;
  /** A source of [0, 1) numbers; tests pass a fixed one. */
  readonly random?: () => number;
}

/** Default first retry delay: 30 s, so a feed that answered 500 is not hammered. */
export const DEFAULT_BACKOFF_BASE_MS = 30_000;
/** Default longest delay between retries: 6 h. */
export const DEFAULT_BACKOFF_MAX_MS = 6 * 3600_000;

/**
 * Delay before the retry that follows failed attempt `attempt` (1-based): base·2^(attempt−1), capped, then
 * "equal jitter" — a random point in the upper half — so a hundred feeds that failed together (one outage
 * at a shared CDN) do not all come back in the same second, yet none retries sooner than half the step.
 */
export function backoffMs(attempt: number, opts: BackoffOptions = {}): number {
  const base = opts.baseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const max = opts.maxMs ?? DEFAULT_BACKOFF_MAX_MS;
  const step = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (opts.random ?? Math.random)() * (step / 2));
}

/** Parse a duration such as `10m`, `30s`, `500ms`, `2h` or a bare number of seconds into milliseconds. */
export function parseDuration(s: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(s);
  if (!m) return null;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3600_000, d: 86_400_000 }[(m[2] ?? 's').toLowerCase() as 'ms'];
  return Math.round(Number(m[1]) * unit);
}
