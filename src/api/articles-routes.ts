import type { FastifyPluginAsync } from 'fastify';
import { createContext } from '../core/index.ts';
import { recordToArticle } from '../ingest/json.ts';
import { type Db, getArticle, ingestArticle, listActors, listArticles, listClaims, listPlaces, readUrl } from '../store/index.ts';
import { sendError } from './errors.ts';
import { anyObject, errors, pageSchema, paging } from './schemas.ts';

/** Options for the articles plugin: the database and whether URLs may point at private addresses. */
export interface ArticlesPluginOptions {
  readonly db: Db;
  readonly allowPrivate: boolean;
}

/** `/api/articles` (list, detail, POST ingest), `/api/claims`, `/api/actors`, `/api/places`. */
export const articlesRoutes: FastifyPluginAsync<ArticlesPluginOptions> = async (app, { db, allowPrivate }) => {
  const ctx = createContext();
  app.get<{ Querystring: { outlet?: string; q?: string; limit?: number; cursor?: string } }>(
    '/api/articles',
    { schema: { summary: 'List articles, newest first', querystring: { type: 'object', additionalProperties: false, properties: { outlet: { type: 'string' }, q: { type: 'string', maxLength: 500 }, ...paging } }, response: { 200: pageSchema, ...errors } } },
    async (req) => listArticles(db, req.query, req.query),
  );
  app.get<{ Params: { id: number } }>(
    '/api/articles/:id',
    { schema: { summary: 'One article: text, annotations, claims, places, events, versions', params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } } }, response: { 200: anyObject, ...errors } } },
    async (req, reply) => (await getArticle(db, req.params.id)) ?? sendError(reply, 'SITREP_API_NOT_FOUND', `article ${req.params.id}`),
  );
  app.post<{ Body: Record<string, unknown> }>(
    '/api/articles',
    {
      schema: {
        summary: 'Ingest one article (JSON {text, title?, url?, published?, outlet?}) or a URL ({url})',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { id: { type: ['string', 'number'] }, text: { type: 'string', minLength: 1 }, title: { type: 'string' }, url: { type: 'string', maxLength: 2000 }, published: { type: 'string' }, outlet: { type: 'string' } },
          anyOf: [{ required: ['text'] }, { required: ['url'] }],
        },
        response: { 200: anyObject, 201: anyObject, ...errors },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const items = typeof b.text === 'string' ? [(() => {
        const a = recordToArticle(b, 'api');
        return 'code' in a ? { ok: false as const, input: 'api', diagnostic: a } : { ok: true as const, article: a };
      })()] : await readUrl(String(b.url), { allowPrivate });
      const results = [];
      for (const it of items) {
        if (!it.ok) return sendError(reply, it.diagnostic.code, it.diagnostic.message);
        results.push(await ingestArticle(db, it.article, ctx));
      }
      const failed = results.find((r) => !r.ok);
      if (failed && !failed.ok) return reply.code(422).send({ code: failed.code, message: failed.message });
      const created = results.some((r) => r.ok && r.status !== 'unchanged');
      return reply.code(created ? 201 : 200).send({ items: results });
    },
  );
  app.get<{ Querystring: { article_id?: number; kind?: string; source?: string; event_id?: string; limit?: number; cursor?: string } }>(
    '/api/claims',
    {
      schema: {
        summary: 'Claims (figures with their sources), filtered by article, kind, source or event',
        querystring: { type: 'object', additionalProperties: false, properties: { article_id: { type: 'integer' }, kind: { type: 'string', enum: ['killed', 'injured', 'displaced', 'detained', 'missing'] }, source: { type: 'string' }, event_id: { type: 'string' }, ...paging } },
        response: { 200: pageSchema, ...errors },
      },
    },
    async (req) => listClaims(db, req.query, req.query),
  );
  app.get<{ Querystring: { q?: string; limit?: number; cursor?: string } }>(
    '/api/actors',
    { schema: { summary: 'Canonical actors with event counts', querystring: { type: 'object', additionalProperties: false, properties: { q: { type: 'string', maxLength: 200 }, ...paging } }, response: { 200: pageSchema, ...errors } } },
    async (req) => listActors(db, req.query, req.query),
  );
  app.get<{ Querystring: { country?: string; admin1?: string; limit?: number; cursor?: string } }>(
    '/api/places',
    { schema: { summary: 'Resolved places with mention counts', querystring: { type: 'object', additionalProperties: false, properties: { country: { type: 'string' }, admin1: { type: 'string' }, ...paging } }, response: { 200: pageSchema, ...errors } } },
    async (req) => listPlaces(db, req.query, req.query),
  );
};
