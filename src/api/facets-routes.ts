import type { FastifyPluginAsync } from 'fastify';
import { type Db, type EventFilters, FACET_FIELDS, type FacetField, facetValues } from '../store/index.ts';
import { errors, eventFilterProps } from './schemas.ts';

const facetSchema = {
  type: 'object',
  required: ['field', 'items'],
  properties: {
    field: { type: 'string' },
    items: { type: 'array', items: { type: 'object', required: ['value', 'events'], properties: { value: { type: 'string' }, events: { type: 'integer' } } } },
  },
} as const;

/** `GET /api/facets?field=country|admin1|actor|source&q=`: stored values for the dashboard's filter suggestions. */
export const facetsRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get<{ Querystring: EventFilters & { field: FacetField; q?: string; limit?: number } }>(
    '/api/facets',
    {
      schema: {
        summary: 'Distinct values of a field (country, admin1, actor, source) with event counts, most frequent first; `q` keeps values containing it, the other filters narrow the events counted',
        querystring: {
          type: 'object',
          required: ['field'],
          additionalProperties: false,
          properties: { ...eventFilterProps, field: { type: 'string', enum: [...FACET_FIELDS] }, limit: { type: 'integer', minimum: 1, maximum: 200, default: 20 } },
        },
        response: { 200: facetSchema, ...errors },
      },
    },
    async (req) => {
      // `q` is the text typed into the input, matched against the field's values (not the events' full text).
      const { field, q, limit, ...f } = req.query;
      return { field, items: await facetValues(db, field, q ?? '', limit, f) };
    },
  );
};
