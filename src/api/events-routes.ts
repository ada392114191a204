import type { FastifyPluginAsync } from 'fastify';
import { SitrepError } from '../core/index.ts';
import { type Db, EDITABLE_FIELDS, type EventFilters, eventAudit, getEvent, listEvents, mapPoints, reviewEvent, timeseries } from '../store/index.ts';
import { sendError } from './errors.ts';
import { anyObject, errors, errorSchema, eventFilterProps, pageSchema, paging } from './schemas.ts';

/** Options the events plugin needs: the database and the reviewer token (null = read-only). */
export interface EventsPluginOptions {
  readonly db: Db;
  readonly reviewToken: string | null;
}

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 100 } } } as const;

/** `/api/events`, `/api/events/:id` (GET, PATCH review), `/api/events/:id/audit`, `/api/timeseries`, `/api/map`. */
export const eventsRoutes: FastifyPluginAsync<EventsPluginOptions> = async (app, { db, reviewToken }) => {
  app.get<{ Querystring: EventFilters & { limit?: number; cursor?: string } }>(
    '/api/events',
    { schema: { summary: 'List and filter events, newest first', querystring: { type: 'object', additionalProperties: false, properties: { ...eventFilterProps, ...paging } }, response: { 200: pageSchema, ...errors } } },
    async (req) => {
      const { limit, cursor, ...f } = req.query;
      return listEvents(db, f, { limit, cursor });
    },
  );
  app.get<{ Params: { id: string } }>('/api/events/:id', { schema: { summary: 'One event with claims, sources, attribution chains, evidence spans and reports', params: idParams, response: { 200: anyObject, ...errors } } }, async (req, reply) => {
    const ev = await getEvent(db, req.params.id);
    return ev ?? sendError(reply, 'SITREP_API_NOT_FOUND', `event ${req.params.id}`);
  });
  app.get<{ Params: { id: string } }>('/api/events/:id/audit', { schema: { summary: 'Review history of an event', params: idParams, response: { 200: { type: 'object', properties: { items: { type: 'array', items: anyObject } } }, ...errors } } }, async (req, reply) => {
    const items = await eventAudit(db, req.params.id);
    if (!items.length && !(await getEvent(db, req.params.id))) return sendError(reply, 'SITREP_API_NOT_FOUND', `event ${req.params.id}`);
    return { items };
  });
  app.patch<{ Params: { id: string }; Body: { action: 'accept' | 'reject' | 'edit'; changes?: Record<string, unknown>; reviewer?: string; comment?: string } }>(
    '/api/events/:id',
    {
      schema: {
        summary: 'Review an event: accept, reject or edit fields (needs Authorization: Bearer TOKEN)',
        params: idParams,
        body: {
          type: 'object',
          required: ['action'],
          additionalProperties: false,
          properties: {
            action: { type: 'string', enum: ['accept', 'reject', 'edit'] },
            changes: { type: 'object', additionalProperties: false, properties: Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, { type: ['string', 'number', 'null'] }])) },
            reviewer: { type: 'string', minLength: 1, maxLength: 100 },
            comment: { type: 'string', maxLength: 2000 },
          },
        },
        response: { 200: anyObject, 401: errorSchema, 403: errorSchema, ...errors },
      },
    },
    async (req, reply) => {
      if (!reviewToken) return sendError(reply, 'SITREP_API_READ_ONLY');
      const auth = req.headers.authorization ?? '';
      if (auth !== `Bearer ${reviewToken}`) return sendError(reply, 'SITREP_API_UNAUTHORIZED');
      const reviewer = req.body.reviewer ?? String(req.headers['x-sitrep-reviewer'] ?? 'reviewer');
      try {
        const after = await reviewEvent(db, req.params.id, { action: req.body.action, changes: req.body.changes, reviewer, comment: req.body.comment ?? null });
        return after ?? sendError(reply, 'SITREP_API_NOT_FOUND', `event ${req.params.id}`);
      } catch (e) {
        if (e instanceof SitrepError) throw e;
        // A value of the wrong type for a column ("fatalities": "many") fails in the database: the request is at fault.
        throw new SitrepError('SITREP_API_BAD_REQUEST', (e as Error).message);
      }
    },
  );
  app.get<{ Querystring: EventFilters }>(
    '/api/timeseries',
    { schema: { summary: 'Per day: events, fatalities low/best/high, displaced, events by type', querystring: { type: 'object', additionalProperties: false, properties: eventFilterProps }, response: { 200: { type: 'object', properties: { items: { type: 'array', items: anyObject } } }, ...errors } } },
    async (req) => ({ items: await timeseries(db, req.query) }),
  );
  app.get<{ Querystring: EventFilters & { limit?: number } }>(
    '/api/map',
    {
      schema: {
        summary: 'Map points: filtered events grouped by coordinates, type and geo-precision (at most `limit`, heaviest first)',
        querystring: { type: 'object', additionalProperties: false, properties: { ...eventFilterProps, limit: { type: 'integer', minimum: 1, maximum: 20000, default: 5000 } } },
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: anyObject }, truncated: { type: 'boolean' } } }, ...errors },
      },
    },
    async (req) => {
      const { limit, ...f } = req.query;
      return mapPoints(db, f, limit);
    },
  );
};
