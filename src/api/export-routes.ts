import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { type Db, EXPORT_FORMATS, EXPORT_MIME, type EventFilters, type ExportFormat, exportEvents } from '../store/index.ts';
import { errors } from './schemas.ts';
import { eventFilterProps } from './schemas.ts';

const EXT: Record<ExportFormat, string> = { 'acled-csv': 'csv', csv: 'csv', geojson: 'geojson', jsonl: 'jsonl' };

/** `GET /api/export?format=…` with the event filters: a streamed download. */
export const exportRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get<{ Querystring: EventFilters & { format: ExportFormat } }>(
    '/api/export',
    {
      schema: {
        summary: 'Export filtered events (ACLED CSV, GeoJSON, JSON Lines with provenance, CSV), streamed',
        querystring: { type: 'object', required: ['format'], additionalProperties: false, properties: { format: { type: 'string', enum: [...EXPORT_FORMATS] }, ...eventFilterProps } },
        response: errors,
      },
    },
    async (req, reply) => {
      const { format, ...f } = req.query;
      reply.header('content-type', EXPORT_MIME[format]).header('content-disposition', `attachment; filename="sitrep-events.${EXT[format]}"`);
      return reply.send(Readable.from(exportEvents(db, format, f)));
    },
  );
};
