import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import {
  AppError, AuthenticationError, ConflictError, ForbiddenError, NotFoundError, UpstreamError, ValidationError,
} from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';

/** The one table from error class to HTTP status. */
const STATUS: [new (...args: never[]) => Error, number][] = [
  [ValidationError, 400],
  [AuthenticationError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
];

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

export function toHttpError(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof ZodError) {
    const first = err.issues[0];
    const field = first?.path.map(String).join('.') || undefined;
    return { status: 400, body: { error: { code: 'invalid', message: first ? `${field ?? 'body'}: ${first.message}` : 'invalid request', ...(field ? { field } : {}) } } };
  }
  if (err instanceof UpstreamError) {
    return { status: err.retriable ? 503 : 502, body: { error: { code: err.code, message: err.message } } };
  }
  for (const [cls, status] of STATUS) {
    if (err instanceof cls) {
      const e = err as AppError & { field?: string };
      return { status, body: { error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } } };
    }
  }
  // Errors express and its body parser raise about the request itself carry a 4xx status.
  const reqErr = err as { type?: string; status?: number };
  if (reqErr?.type === 'entity.parse.failed') return { status: 400, body: { error: { code: 'invalid_json', message: '请求体不是有效的 JSON (request body is not valid JSON)' } } };
  if (reqErr?.type === 'entity.too.large') return { status: 413, body: { error: { code: 'too_large', message: '请求体太大 (request body too large)' } } };
  if (err instanceof URIError || (typeof reqErr?.status === 'number' && reqErr.status >= 400 && reqErr.status < 500)) {
    return { status: 400, body: { error: { code: 'invalid_request', message: '请求无法读取 (the request could not be read: its encoding, charset or address is not understood)' } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: '服务器内部错误 (internal error)' } } };
}

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const { status, body } = toHttpError(err);
    // 5xx bodies hide internals; the log keeps them (masked by the logger).
    if (status >= 500) logger.error({ err, method: req.method, path: req.path }, 'request failed');
    else logger.debug({ code: body.error.code, path: req.path }, 'request refused');
    res.status(status).json(body);
  };
}
