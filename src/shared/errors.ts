/**
 * The application's error family. The HTTP layer maps each class to a status in one table
 * (src/http/error-middleware.ts); domain code throws these and never picks a status itself.
 * Expected outcomes (a bad signature, a buyer with no phone) are values, not exceptions.
 *
 * An error carries what the person needs and what the engineer needs, apart:
 * - `code`: a stable machine code (`amount_not_number`); clients branch on it, never on the text;
 * - `message`: one Chinese sentence a shop person understands: no English, no internal names, money in 元;
 * - `field`: the request field (`fields.amount`) or `file` for an uploaded file;
 * - `params`: the values the message was built from (line, column, the cell as read…), so a client can
 *   show them its own way and a test can assert them without matching text;
 * - `detail`: English for engineers; it goes to the log, never into an answer.
 */

/** A value a message was built from: JSON-safe, so it goes into the answer as it is. */
export type ErrorParam =
  string | number | boolean | null | readonly ErrorParam[] | { readonly [key: string]: ErrorParam };
export type ErrorParams = Readonly<Record<string, ErrorParam>>;

export interface ErrorInit {
  message: string;
  code?: string;
  field?: string;
  params?: ErrorParams;
  detail?: string;
  cause?: unknown;
}

/** The positional form (message, …) stays for errors with nothing but a message; ErrorInit carries the rest. */
type MessageOrInit = string | ErrorInit;

type Defaults = { code: string; field?: string | undefined };

function initOf(given: MessageOrInit, defaults: Defaults): ErrorInit & { code: string } {
  const init = typeof given === 'string' ? { message: given } : given;
  const field = init.field ?? defaults.field;
  return { ...init, code: init.code ?? defaults.code, ...(field ? { field } : {}) };
}

export class AppError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly params: ErrorParams | undefined;
  /** English for engineers: logged, never shown. */
  readonly detail: string | undefined;
  constructor(code: string, message: MessageOrInit, options?: { cause?: unknown }) {
    const init = initOf(message, { code });
    super(init.message, { cause: init.cause ?? options?.cause });
    this.code = init.code;
    this.field = init.field;
    this.params = init.params;
    this.detail = init.detail;
    this.name = new.target.name;
  }
}

/** Bad input: names the field (and, for files, the line/column in params). Nothing was changed. */
export class ValidationError extends AppError {
  constructor(message: MessageOrInit, field?: string, code = 'invalid') {
    super(code, initOf(message, { code, field }));
  }
}

export class NotFoundError extends AppError {
  constructor(message: MessageOrInit, code = 'not_found') {
    super(code, message);
  }
}

export class AuthenticationError extends AppError {
  constructor(message: MessageOrInit = '未登录或登录已过期，请重新登录', code = 'unauthenticated') {
    super(code, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: MessageOrInit = '你的账号没有这个操作的权限', code = 'forbidden') {
    super(code, message);
  }
}

/** The request is bigger than the service takes (an upload over its limit): refused before it is read, 413. */
export class TooLargeError extends AppError {
  constructor(message: MessageOrInit, code = 'too_large') {
    super(code, message);
  }
}

/**
 * The database does not answer (PostgreSQL down or restarting): nothing of the operation was kept, and trying
 * again once it is back is safe. An HTTP 503.
 */
export class StorageUnavailableError extends AppError {
  constructor(options?: { cause?: unknown }) {
    super('storage_unavailable', '数据库暂时连不上，刚才的操作没有保存，请稍后再试', options);
  }
}

/** The request conflicts with the current state (e.g. a kind that does not apply, a lock held). */
export class ConflictError extends AppError {
  constructor(message: MessageOrInit, code = 'conflict') {
    super(code, message);
  }
}

/**
 * An outside system failed. `retriable` upstream faults (network, 5xx, isp.*, rate limits) map to 503;
 * refusals (business errors, bad signature, expired session) map to 502. Its `message` is the engineer's
 * (English, with the outside system's own words); what a person reads comes from src/shared/person-error.ts.
 */
export class UpstreamError extends AppError {
  readonly retriable: boolean;
  readonly upstream: string;
  readonly retryAfterMs: number | undefined;
  readonly details: Record<string, unknown>;
  constructor(opts: {
    upstream: string;
    code: string;
    message: string;
    retriable: boolean;
    retryAfterMs?: number;
    details?: Record<string, unknown>;
    cause?: unknown;
  }) {
    super(opts.code, { message: opts.message, detail: opts.message }, { cause: opts.cause });
    this.upstream = opts.upstream;
    this.retriable = opts.retriable;
    this.retryAfterMs = opts.retryAfterMs;
    this.details = opts.details ?? {};
  }
}
