/** JSON Schemas shared by the routes. */

/** Any object (rows pass through with every column). */
export const anyObject = { type: 'object', additionalProperties: true } as const;

/** A page of results. */
export const pageSchema = { type: 'object', required: ['items', 'next'], properties: { items: { type: 'array', items: anyObject }, next: { type: ['string', 'null'] } } } as const;

/** The error body every failing route returns. */
export const errorSchema = { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } as const;

/** Cursor pagination parameters. */
export const paging = { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 }, cursor: { type: 'string', maxLength: 200 } } as const;

const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

/** Event filters as query-string properties (the same names as the store's EventFilters). */
export const eventFilterProps = {
  from: day,
  to: day,
  country: { type: 'string', maxLength: 200 },
  admin1: { type: 'string', maxLength: 200 },
  event_type: { type: 'string', maxLength: 200 },
  sub_event_type: { type: 'string', maxLength: 200 },
  actor: { type: 'string', maxLength: 300 },
  min_fatalities: { type: 'integer', minimum: 0 },
  bbox: { type: 'string', pattern: '^\\s*-?[\\d.]+\\s*,\\s*-?[\\d.]+\\s*,\\s*-?[\\d.]+\\s*,\\s*-?[\\d.]+\\s*$' },
  q: { type: 'string', maxLength: 500 },
  source: { type: 'string', maxLength: 300 },
  review_status: { type: 'string', enum: ['pending', 'accepted', 'edited', 'rejected'] },
  reviewed_only: { type: 'boolean' },
} as const;

/** Standard error responses added to every route. */
export const errors = { 400: errorSchema, 404: errorSchema } as const;

declare module 'fastify' {
  interface FastifySchema {
    /** One-line description, copied into the OpenAPI document. */
    summary?: string;
  }
}
