import type { FastifyError, FastifyInstance } from 'fastify';
import { ERRORS, type ErrorCode, SitrepError } from '../core/index.ts';

/** Send a registry error as `{code, message}` with its HTTP status. */
export function sendError(reply: { code(n: number): { send(b: unknown): unknown } }, code: ErrorCode, detail?: string): unknown {
  const e = new SitrepError(code, detail);
  return reply.code(e.status).send({ code: e.code, message: e.message });
}

/**
 * The one error handler: schema failures and bad JSON → 400, oversized bodies → 413, SitrepErrors → their
 * registry status, anything else → 500 without internals.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof SitrepError) return reply.code(err.status).send({ code: err.code, message: err.message });
    if (err.validation) return sendError(reply, 'SITREP_API_BAD_REQUEST', `${err.validationContext ?? 'request'} ${err.validation.map((v) => `${v.instancePath || ''} ${v.message}`.trim()).join('; ')}`);
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 'SITREP_API_TOO_LARGE', `limit ${app.initialConfig.bodyLimit} bytes`);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendError(reply, err.statusCode === 404 ? 'SITREP_API_NOT_FOUND' : 'SITREP_API_BAD_REQUEST', err.message);
    req.log.error(err);
    return reply.code(500).send({ code: 'SITREP_API_INTERNAL', message: ERRORS.SITREP_API_INTERNAL.message });
  });
}
