import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import { ZodError } from 'zod';
import {
  AppError,
  AuthenticationError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  StorageUnavailableError,
  TooLargeError,
  UpstreamError,
  ValidationError,
  type ErrorParams,
} from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { INTERNAL_MESSAGE, personError } from '../shared/person-error.js';
import { fromZodError, type FieldLabels } from '../shared/zod-errors.js';

/** The one table from error class to HTTP status. */
const STATUS: [new (...args: never[]) => Error, number][] = [
  [ValidationError, 400],
  [AuthenticationError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [TooLargeError, 413],
  [StorageUnavailableError, 503],
];

/** Every error answer: a stable code, one Chinese sentence, and where known the field and the values behind it. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string; params?: ErrorParams };
}

const body = (code: string, message: string): ErrorBody => ({ error: { code, message } });

function statusOf(err: unknown): number | undefined {
  if (err instanceof ZodError) return 400;
  if (err instanceof UpstreamError) return err.retriable ? 503 : 502;
  return STATUS.find(([cls]) => err instanceof cls)?.[1];
}

export function toHttpError(err: unknown): { status: number; body: ErrorBody } {
  const status = statusOf(err);
  const person = status === undefined ? null : personError(err);
  if (status !== undefined && person) return { status, body: { error: person } };
  // Errors express and its body parser raise about the request itself carry a 4xx status.
  const reqErr = err as { type?: string; status?: number };
  if (reqErr?.type === 'entity.parse.failed')
    return { status: 400, body: body('invalid_json', '提交的内容无法读取，请刷新页面后重试') };
  if (reqErr?.type === 'entity.too.large') return { status: 413, body: body('too_large', '提交的内容太大') };
  if (err instanceof URIError || (typeof reqErr?.status === 'number' && reqErr.status >= 400 && reqErr.status < 500)) {
    return { status: 400, body: body('invalid_request', '请求无法读取，请刷新页面后重试') };
  }
  return { status: 500, body: body('internal', INTERNAL_MESSAGE) };
}

/** What the engineer needs beside the answer: zod's and the domain's English, the upstream's own words. */
function engineerDetail(err: unknown): string | undefined {
  if (err instanceof ZodError) return fromZodError(err).detail;
  if (err instanceof AppError) return err.detail;
  return undefined;
}

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (thrown, req, res, _next) => {
    // A zod error no router labelled: the request tells a missing field from a wrong one.
    const err = thrown instanceof ZodError ? fromZodError(thrown, { inputs: [req.body, req.query] }) : thrown;
    const { status, body } = toHttpError(err);
    // 5xx bodies hide internals; the log keeps them (masked by the logger).
    if (status >= 500)
      logger.error({ err, method: req.method, path: req.path, code: body.error.code }, 'request failed');
    else {
      const detail = engineerDetail(err);
      const { code, field, params } = body.error;
      const entry = { code, field, params, detail, method: req.method, path: req.path };
      // A refusal that has an engineer's explanation is worth a line at the default level; a plain 404/401 is not.
      if (detail) logger.info(entry, 'request refused');
      else logger.debug(entry, 'request refused');
    }
    res.status(status).json(body);
  };
}

/**
 * A router's Chinese names for its fields: mounted last on the router (`r.use(fieldLabels({...}))`), it turns a
 * zod error from any of its routes into a ValidationError that names fields by these labels. Routes the map does
 * not cover still get the common labels from the error middleware.
 */
export function fieldLabels(labels: FieldLabels): ErrorRequestHandler {
  return (err: unknown, req: Request, _res: Response, next: NextFunction) => {
    next(err instanceof ZodError ? fromZodError(err, { labels, inputs: [req.body, req.query] }) : err);
  };
}
