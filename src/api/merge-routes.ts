import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { type Db, mergeEvents, splitEvent } from '../store/index.ts';
import { sendError } from './errors.ts';
import { anyObject, errors, errorSchema } from './schemas.ts';

/** Options the merge plugin needs: the database and the reviewer token (null = read-only). */
export interface MergePluginOptions {
  readonly db: Db;
  readonly reviewToken: string | null;
}

const id = { type: 'string', minLength: 1, maxLength: 100 } as const;
const result = { type: 'object', properties: { events: { type: 'array', items: anyObject } } } as const;

/** The reviewer for the audit log, or null after answering 403/401 (the same token rule as PATCH). */
function reviewerOf(req: FastifyRequest<{ Body: { reviewer?: string } }>, reply: FastifyReply, token: string | null): string | null {
  if (!token) {
    sendError(reply, 'SITREP_API_READ_ONLY');
    return null;
  }
  if ((req.headers.authorization ?? '') !== `Bearer ${token}`) {
    sendError(reply, 'SITREP_API_UNAUTHORIZED');
    return null;
  }
  return req.body.reviewer ?? String(req.headers['x-sitrep-reviewer'] ?? 'reviewer');
}

/** `POST /api/events/:id/split` and `POST /api/events/merge`: analyst corrections, audited, respected by later merges. */
export const mergeRoutes: FastifyPluginAsync<MergePluginOptions> = async (app, { db, reviewToken }) => {
  const responses = { 200: result, 401: errorSchema, 403: errorSchema, 409: errorSchema, ...errors };
  app.post<{ Params: { id: string }; Body: { reports: string[]; reviewer?: string } }>(
    '/api/events/:id/split',
    {
      schema: {
        summary: 'Split reports out of an event into a new one; they never rejoin (needs Authorization: Bearer TOKEN)',
        params: { type: 'object', required: ['id'], properties: { id } },
        body: { type: 'object', required: ['reports'], additionalProperties: false, properties: { reports: { type: 'array', minItems: 1, maxItems: 1000, items: id }, reviewer: { type: 'string', minLength: 1, maxLength: 100 } } },
        response: responses,
      },
    },
    async (req, reply) => {
      const reviewer = reviewerOf(req, reply, reviewToken);
      if (!reviewer) return reply;
      return (await splitEvent(db, req.params.id, req.body.reports, reviewer)) ?? sendError(reply, 'SITREP_API_NOT_FOUND', `event ${req.params.id}`);
    },
  );
  app.post<{ Body: { ids: [string, string]; reviewer?: string } }>(
    '/api/events/merge',
    {
      schema: {
        summary: 'Merge the second event into the first; later merges keep them together (needs Authorization: Bearer TOKEN)',
        body: { type: 'object', required: ['ids'], additionalProperties: false, properties: { ids: { type: 'array', minItems: 2, maxItems: 2, items: id }, reviewer: { type: 'string', minLength: 1, maxLength: 100 } } },
        response: responses,
      },
    },
    async (req, reply) => {
      const reviewer = reviewerOf(req, reply, reviewToken);
      if (!reviewer) return reply;
      const [a, b] = req.body.ids;
      return (await mergeEvents(db, a, b, reviewer)) ?? sendError(reply, 'SITREP_API_NOT_FOUND', `event ${a} or ${b}`);
    },
  );
};
