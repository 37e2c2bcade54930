import type { ServerResponse } from 'node:http';
import { toHttpError } from '../http/index.js';
import { StorageUnavailableError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';

/** A request that came while the database was away: a 503 in the person's words, the cause in the log. */
export function answerUnavailable(res: ServerResponse, err: unknown, logger: Logger): void {
  logger.warn({ err }, 'a request came while PostgreSQL was unreachable; answered 503');
  const { status, body } = toHttpError(
    err instanceof StorageUnavailableError ? err : new StorageUnavailableError({ cause: err }),
  );
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('retry-after', '5');
  res.end(JSON.stringify(body));
}
