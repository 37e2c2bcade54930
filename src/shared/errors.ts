/**
 * The application's error family. The HTTP layer maps each class to a status in one table
 * (src/http/error-middleware.ts); domain code throws these and never picks a status itself.
 * Expected outcomes (a bad signature, a buyer with no phone) are values, not exceptions.
 */

export class AppError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** Bad input: names the field (and, for files, the line/column in the message). Nothing was changed. */
export class ValidationError extends AppError {
  readonly field: string | undefined;
  constructor(message: string, field?: string, code = 'invalid') {
    super(code, message);
    this.field = field;
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, code = 'not_found') { super(code, message); }
}

export class AuthenticationError extends AppError {
  constructor(message = '请先登录 (authentication required)', code = 'unauthenticated') { super(code, message); }
}

export class ForbiddenError extends AppError {
  constructor(message = '没有权限 (forbidden)', code = 'forbidden') { super(code, message); }
}

/** The request conflicts with the current state (e.g. a kind that does not apply, a lock held). */
export class ConflictError extends AppError {
  constructor(message: string, code = 'conflict') { super(code, message); }
}

/**
 * An outside system failed. `retriable` upstream faults (network, 5xx, isp.*, rate limits) map to 503;
 * refusals (business errors, bad signature, expired session) map to 502.
 */
export class UpstreamError extends AppError {
  readonly retriable: boolean;
  readonly upstream: string;
  readonly retryAfterMs: number | undefined;
  readonly details: Record<string, unknown>;
  constructor(opts: { upstream: string; code: string; message: string; retriable: boolean; retryAfterMs?: number; details?: Record<string, unknown>; cause?: unknown }) {
    super(opts.code, opts.message, { cause: opts.cause });
    this.upstream = opts.upstream;
    this.retriable = opts.retriable;
    this.retryAfterMs = opts.retryAfterMs;
    this.details = opts.details ?? {};
  }
}
