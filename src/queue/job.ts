/** The three kinds of work: fetch a feed, fetch a page a feed links to, extract and store one article. */
export type JobKind = 'feed' | 'page' | 'article';

/** A job as a worker holds it; `lease` is the fencing token that proves the worker still owns it. */
export interface Job {
  readonly id: number;
  readonly kind: JobKind;
  readonly key: string;
  readonly payload: Record<string, unknown>;
  readonly feedId: number | null;
  readonly host: string | null;
  /** Attempts including this one. */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly lease: string;
}

/** A job to enqueue; `key` makes enqueueing idempotent (the same key is stored once). */
export interface NewJob {
  readonly kind: JobKind;
  readonly key: string;
  readonly payload: Record<string, unknown>;
  readonly feedId?: number | null;
  readonly host?: string | null;
  readonly maxAttempts?: number;
  /** Delay before the job may run, in milliseconds. */
  readonly delayMs?: number;
}

/** The host part of a URL, lower-cased, as politeness is counted per host. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}
