// A local news site for the queue tests: feeds (good, failing, garbage, a redirect loop, an endless body)
// and article pages, with hand-written wire-style stories generated from small lists of parts.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const PLACES = ['Aleppo', 'Idlib', 'El Fasher', 'Kharkiv', 'Mogadishu', 'Goma', 'Kherson', 'Hama', 'Nyala', 'Gao'];
const ATTACKS = ['An air strike on a market', 'Shelling of a residential district', 'A drone strike on a convoy', 'An attack by gunmen on a village'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SOURCES = ['local health officials', 'a local monitoring group', 'civil defence workers', 'the regional governor'];

/** One wire story, different for each `i` (place, toll, weekday and source vary), with its headline. */
export function story(i: number): { title: string; text: string; published: string } {
  const place = PLACES[i % PLACES.length]!;
  const dead = 3 + (i % 17);
  const day = DAYS[i % 7]!;
  const text = `${place.toUpperCase()}, March ${1 + (i % 27)} (Wirenews) - ${ATTACKS[i % ATTACKS.length]} in ${place} killed ${dead} civilians on ${day}, according to ${SOURCES[i % SOURCES.length]}.
At least ${dead * 2 + 1} people were wounded, the officials said. Report number ${i} was filed by a staff correspondent.
Residents said the area had been calm for weeks before the attack.`;
  return { title: `${dead} killed in ${place} (${i})`, text, published: `2025-03-${String(1 + (i % 27)).padStart(2, '0')}T10:00:00Z` };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS document: `full` items carry their body in content:encoded, `teasers` link to pages. */
export function rss(base: string, name: string, full: number[], teasers: number[]): string {
  const items = [
    ...full.map((i) => {
      const s = story(i);
      return `<item><title>${esc(s.title)}</title><link>${base}/story/${i}.html</link><guid>${base}/story/${i}.html</guid><pubDate>${new Date(s.published).toUTCString()}</pubDate><content:encoded><![CDATA[${s.text.split('\n').map((p) => `<p>${esc(p)}</p>`).join('')}]]></content:encoded></item>`;
    }),
    ...teasers.map((i) => {
      const s = story(i);
      return `<item><title>${esc(s.title)}</title><link>${base}/page/${i}.html</link><pubDate>${new Date(s.published).toUTCString()}</pubDate><description>${esc(s.title)}.</description></item>`;
    }),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${name}</title><link>${base}</link><description>Test wire</description>${items.join('\n')}</channel></rss>\n`;
}

/** An article page for story `i`. */
export function page(i: number): string {
  const s = story(i);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(s.title)}</title><meta property="article:published_time" content="${s.published}"></head>
<body><nav><a href="/">Home</a></nav><article><h1>${esc(s.title)}</h1>${s.text.split('\n').map((p) => `<p>${esc(p)}</p>`).join('\n')}</article><footer>Copyright Wirenews</footer></body></html>`;
}

/** The test site: its base URL, hit counters per path, bytes sent on the endless body, and close(). */
export interface Site {
  readonly base: string;
  readonly hits: Map<string, number>;
  readonly conditional: Map<string, number>;
  hugeBytesSent: number;
  /** Milliseconds every /page/ answer waits before responding (a slow site). */
  pageDelayMs: number;
  close(): Promise<void>;
}

/**
 * Start the site on 127.0.0.1 with a random port. Routes: /good.xml (`full` and `teasers` items, ETag and
 * Last-Modified honoured), /page/N.html, /500.xml, /garbage.xml, /loop.xml (redirects to itself), /huge.xml
 * (streams up to 1 GB, lazily, until the client hangs up).
 */
export async function startSite(opts: { full: number[]; teasers: number[]; pageDelayMs?: number }): Promise<Site> {
  const hits = new Map<string, number>();
  const conditional = new Map<string, number>();
  let base = '';
  const site: Site = { base: '', hits, conditional, hugeBytesSent: 0, pageDelayMs: opts.pageDelayMs ?? 0, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(p, (hits.get(p) ?? 0) + 1);
    if (p === '/good.xml') {
      const etag = '"good-v1"';
      if (req.headers['if-none-match'] === etag) {
        conditional.set(p, (conditional.get(p) ?? 0) + 1);
        res.writeHead(304, { etag }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': 'Mon, 03 Mar 2025 10:00:00 GMT' }).end(rss(base, 'Test Wire', opts.full, opts.teasers));
    } else if (p.startsWith('/page/')) {
      const i = Number(/\/page\/(\d+)\.html$/.exec(p)?.[1] ?? Number.NaN);
      setTimeout(() => {
        if (Number.isNaN(i)) res.writeHead(404).end();
        else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(i));
      }, site.pageDelayMs);
    } else if (p === '/500.xml') {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
    } else if (p === '/garbage.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(randomBytes(3000).toString('latin1'));
    } else if (p === '/loop.xml') {
      res.writeHead(302, { location: '/loop.xml' }).end();
    } else if (p === '/huge.xml') {
      // 1 GB announced by nothing (chunked), produced only as fast as the client reads.
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 1024 ** 3) {
          sent += chunk.length;
          site.hugeBytesSent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => {
        sent = 1024 ** 3;
      });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>');
      pump();
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(site, {
    base,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  });
}
