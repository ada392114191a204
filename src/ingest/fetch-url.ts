import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { SitrepError } from '../core/index.ts';

/** Politeness and safety limits for fetching one URL. */
export interface FetchOptions {
  /** Allow loopback and private addresses (tests, intranets); refused by default. */
  readonly allowPrivate?: boolean;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly userAgent?: string;
  /** Validators from an earlier fetch, for a conditional GET. */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly maxRedirects?: number;
}

/** What a fetch returned; `notModified` when the conditional GET says the copy we have is current. */
export interface FetchResult {
  readonly url: string;
  readonly status: number;
  readonly notModified: boolean;
  readonly body: Uint8Array | null;
  readonly contentType: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
}

/** The User-Agent Sitrep sends, so site operators can tell who is fetching. */
export const USER_AGENT = 'Sitrep/0.1 (+https://github.com/sitrep; conflict-news research)';

/** True for loopback, private, link-local, carrier-grade NAT, multicast and unspecified addresses. */
export function isPrivateAddress(ip: string): boolean {
  const v = isIP(ip);
  if (v === 4) {
    const [a, b] = ip.split('.').map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  if (v === 6) {
    const s = ip.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(s);
    if (mapped) return isPrivateAddress(mapped[1]!);
    return s === '::' || s === '::1' || /^f[cd]/.test(s) || /^fe[89ab]/.test(s) || /^ff/.test(s);
  }
  return true;
}

/** Resolve the host first and refuse private targets, so a URL cannot reach into the local network. */
async function checkHost(u: URL, allowPrivate: boolean): Promise<void> {
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new SitrepError('SITREP_FETCH_BAD_URL', `${u.href}: only http and https`);
  if (allowPrivate) return;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const addrs = isIP(host) ? [{ address: host }] : await lookup(host, { all: true }).catch((e: Error) => {
    throw new SitrepError('SITREP_FETCH_FAILED', `${u.host}: ${e.message}`);
  });
  const bad = addrs.find((a) => isPrivateAddress(a.address));
  if (bad) throw new SitrepError('SITREP_FETCH_PRIVATE_ADDRESS', `${u.host} resolves to ${bad.address} (use --allow-private to permit)`);
}

/**
 * Fetch a URL politely: a User-Agent naming Sitrep, a timeout, a size limit enforced while streaming, a
 * conditional GET when validators are given, and redirects followed by hand so every hop is checked.
 */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const maxBytes = opts.maxBytes ?? 10 * 1024 * 1024;
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new SitrepError('SITREP_FETCH_BAD_URL', url);
  }
  for (let hop = 0; hop <= (opts.maxRedirects ?? 5); hop++) {
    await checkHost(current, !!opts.allowPrivate);
    const headers: Record<string, string> = { 'user-agent': opts.userAgent ?? USER_AGENT, accept: 'text/html, application/xhtml+xml, application/json, text/plain;q=0.9, */*;q=0.5' };
    if (opts.etag) headers['if-none-match'] = opts.etag;
    if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
    let res: Response;
    try {
      res = await fetch(current, { headers, redirect: 'manual', signal: AbortSignal.timeout(opts.timeoutMs ?? 15000) });
    } catch (e) {
      throw new SitrepError('SITREP_FETCH_FAILED', `${current.href}: ${(e as Error).message}`);
    }
    const meta = { url: current.href, status: res.status, contentType: res.headers.get('content-type'), etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      const loc = res.headers.get('location');
      await res.body?.cancel();
      if (!loc) throw new SitrepError('SITREP_FETCH_FAILED', `${current.href}: redirect without Location`);
      current = new URL(loc, current);
      continue;
    }
    if (res.status === 304) return { ...meta, notModified: true, body: null };
    if (!res.ok) {
      await res.body?.cancel();
      throw new SitrepError('SITREP_FETCH_FAILED', `${current.href}: HTTP ${res.status}`);
    }
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > maxBytes) {
      await res.body?.cancel();
      throw new SitrepError('SITREP_INGEST_TOO_LARGE', `${current.href}: ${declared} bytes exceeds ${maxBytes}`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of res.body ?? []) {
      size += chunk.length;
      if (size > maxBytes) throw new SitrepError('SITREP_INGEST_TOO_LARGE', `${current.href}: body exceeds ${maxBytes} bytes`);
      chunks.push(chunk);
    }
    return { ...meta, notModified: false, body: Buffer.concat(chunks) };
  }
  throw new SitrepError('SITREP_FETCH_FAILED', `${url}: too many redirects`);
}
