import type { FastifyPluginAsync } from 'fastify';
import { draftReport, parseReportQuery, REPORT_FORMATS, REPORT_MIME, type ReportFormat, renderReport } from '../report/index.ts';
import type { Db } from '../store/index.ts';
import { errors } from './schemas.ts';

/** `GET /api/report?country=…&from=…&to=…&format=md|html|json`: a drafted situation report with cited figures. */
export const reportRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get<{ Querystring: { country: string; admin1?: string; from: string; to: string; format?: ReportFormat } }>(
    '/api/report',
    {
      schema: {
        summary: 'Drafted situation report for a country (ISO alpha-2 or name) or province and a period: Markdown, self-contained HTML or JSON',
        querystring: {
          type: 'object',
          required: ['country', 'from', 'to'],
          additionalProperties: false,
          properties: {
            country: { type: 'string', minLength: 2, maxLength: 100 },
            admin1: { type: 'string', maxLength: 100 },
            from: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
            to: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
            format: { type: 'string', enum: [...REPORT_FORMATS], default: 'json' },
          },
        },
        response: errors,
      },
    },
    async (req, reply) => {
      const { format = 'json', ...rest } = req.query;
      const q = parseReportQuery(rest, 'SITREP_API_BAD_REQUEST');
      const text = renderReport(await draftReport(db, q), format);
      return reply.header('content-type', REPORT_MIME[format]).send(text);
    },
  );
};
