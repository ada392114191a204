import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Db } from '../store/index.ts';
import { articlesRoutes } from './articles-routes.ts';
import { installErrorHandler, sendError } from './errors.ts';
import { eventsRoutes } from './events-routes.ts';
import { exportRoutes } from './export-routes.ts';
import { facetsRoutes } from './facets-routes.ts';
import { mergeRoutes } from './merge-routes.ts';
import { reportRoutes } from './report-routes.ts';

/** What the app is built from: the database and a few server options. */
export interface AppOptions {
  readonly db: Db;
  /** Bearer token for review edits; null makes the API read-only. */
  readonly reviewToken?: string | null;
  /** Let `POST /api/articles {url}` fetch private and loopback addresses. */
  readonly allowPrivate?: boolean;
  /** Largest request body in bytes (larger → 413). */
  readonly bodyLimit?: number;
  /** Dashboard build served at `/` when the folder exists. */
  readonly staticDir?: string | null;
  readonly logger?: boolean;
}

const DEFAULT_STATIC = fileURLToPath(new URL('../web/dist/', import.meta.url));
const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.pbf': 'application/x-protobuf', '.geojson': 'application/geo+json', '.ico': 'image/x-icon' };

/**
 * The precompressed copy of a build file the client accepts (`countries.geojson.br`, written by
 * scripts/build-web.mjs), so the 1.7 MB base map is squeezed once at build time, not on every request.
 */
function precompressed(file: string, req: FastifyRequest): { file: string; encoding: string } | null {
  const accept = String(req.headers['accept-encoding'] ?? '');
  for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']] as const) {
    if (new RegExp(`\\b${encoding}\\b(?!;q=0(\\.0*)?(,|$))`).test(accept) && existsSync(file + ext)) return { file: file + ext, encoding };
  }
  return null;
}

/** An OpenAPI 3 path template from a Fastify route (`/api/events/:id` → `/api/events/{id}`). */
const openapiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

/** Build the Fastify app: one plugin per resource, one error handler, OpenAPI from the route schemas. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: opts.bodyLimit ?? 5 * 1024 * 1024, ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allowUnionTypes: true } } });
  installErrorHandler(app);
  // JSON, reports and exports are compressed on the fly when the client accepts it (brotli at quality 4 and gzip:
  // fast enough for API answers); build files come precompressed from the static handler below.
  await app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
  const paths: Record<string, Record<string, unknown>> = {};
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/') || !r.schema) return;
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    const s = r.schema as Record<string, unknown> & { querystring?: { properties?: Record<string, unknown>; required?: string[] }; params?: { properties?: Record<string, unknown> } };
    const parameters = [
      ...Object.entries(s.params?.properties ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
      ...Object.entries(s.querystring?.properties ?? {}).map(([name, schema]) => ({ name, in: 'query', required: !!s.querystring?.required?.includes(name), schema })),
    ];
    for (const m of methods) {
      if (m === 'HEAD') continue;
      const responses = Object.fromEntries(Object.entries((s.response as Record<string, unknown>) ?? { 200: {} }).map(([code, schema]) => [code, { description: code, content: { 'application/json': { schema } } }]));
      const p = openapiPath(r.url);
      paths[p] ??= {};
      paths[p][m.toLowerCase()] = { summary: s.summary, parameters, ...(s.body ? { requestBody: { content: { 'application/json': { schema: s.body } } } } : {}), responses };
    }
  });
  await app.register(eventsRoutes, { db: opts.db, reviewToken: opts.reviewToken ?? null });
  await app.register(mergeRoutes, { db: opts.db, reviewToken: opts.reviewToken ?? null });
  await app.register(articlesRoutes, { db: opts.db, allowPrivate: !!opts.allowPrivate });
  await app.register(exportRoutes, { db: opts.db });
  await app.register(reportRoutes, { db: opts.db });
  await app.register(facetsRoutes, { db: opts.db });
  app.get('/api/openapi.json', async () => ({ openapi: '3.0.3', info: { title: 'Sitrep API', version: '1.0.0' }, paths }));
  app.get('/healthz', async () => {
    await opts.db.query('SELECT 1');
    return { ok: true, db: opts.db.kind };
  });
  const dir = opts.staticDir === undefined ? DEFAULT_STATIC : opts.staticDir;
  // The dashboard's files through a real GET route (not the not-found handler), so the compression hooks apply.
  const serveStatic = (req: FastifyRequest, reply: FastifyReply) => {
    const url = (req.url.split('?')[0] ?? '/').replace(/\/+$/, '') || '/';
    if ((req.method === 'GET' || req.method === 'HEAD') && dir && !url.startsWith('/api/') && existsSync(dir)) {
      // Only paths inside the build folder; anything else falls back to the single-page app's index.html.
      let file = path.resolve(dir, `.${decodeURIComponent(url)}`);
      if (!file.startsWith(path.resolve(dir)) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(dir, 'index.html');
      if (existsSync(file)) {
        reply.type(MIME[path.extname(file)] ?? 'application/octet-stream').header('vary', 'accept-encoding');
        const pre = precompressed(file, req);
        if (pre) return reply.header('content-encoding', pre.encoding).send(readFileSync(pre.file));
        return reply.send(readFileSync(file));
      }
    }
    return sendError(reply, 'SITREP_API_NOT_FOUND', `${req.method} ${url}`);
  };
  app.get('/*', serveStatic);
  app.setNotFoundHandler(serveStatic);
  return app;
}
