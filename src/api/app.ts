import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Db } from '../store/index.ts';
import { articlesRoutes } from './articles-routes.ts';
import { installErrorHandler, sendError } from './errors.ts';
import { eventsRoutes } from './events-routes.ts';
import { exportRoutes } from './export-routes.ts';
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

/** An OpenAPI 3 path template from a Fastify route (`/api/events/:id` → `/api/events/{id}`). */
const openapiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

/** Build the Fastify app: one plugin per resource, one error handler, OpenAPI from the route schemas. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: opts.bodyLimit ?? 5 * 1024 * 1024, ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allowUnionTypes: true } } });
  installErrorHandler(app);
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
  app.get('/api/openapi.json', async () => ({ openapi: '3.0.3', info: { title: 'Sitrep API', version: '1.0.0' }, paths }));
  app.get('/healthz', async () => {
    await opts.db.query('SELECT 1');
    return { ok: true, db: opts.db.kind };
  });
  const dir = opts.staticDir === undefined ? DEFAULT_STATIC : opts.staticDir;
  app.setNotFoundHandler((req, reply) => {
    const url = (req.url.split('?')[0] ?? '/').replace(/\/+$/, '') || '/';
    if (req.method === 'GET' && dir && !url.startsWith('/api/') && existsSync(dir)) {
      // Only paths inside the build folder; anything else falls back to the single-page app's index.html.
      let file = path.resolve(dir, `.${decodeURIComponent(url)}`);
      if (!file.startsWith(path.resolve(dir)) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(dir, 'index.html');
      if (existsSync(file)) return reply.type(MIME[path.extname(file)] ?? 'application/octet-stream').send(readFileSync(file));
    }
    return sendError(reply, 'SITREP_API_NOT_FOUND', `${req.method} ${url}`);
  });
  return app;
}
