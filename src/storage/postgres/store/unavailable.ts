import type pg from 'pg';
import { StorageUnavailableError } from '../../../shared/errors.js';

/** Errors that mean "the database is not there right now", not "this statement is wrong". */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

export function isUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  // 57P0x: the server is shutting down or starting; 08xxx: connection exceptions.
  return (
    NETWORK.has(code) ||
    /^57P0[123]$/.test(code) ||
    code.startsWith('08') ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      message,
    )
  );
}

/** A database outage as the person's 503; anything else as it was. */
export function asStoreError(err: unknown): unknown {
  return isUnavailable(err) ? new StorageUnavailableError({ cause: err }) : err;
}

/**
 * A pool client for a piece of work. A connection that dies between two statements is reported as an 'error'
 * event on the client, which would end the process if nobody listened: the work's next statement fails instead,
 * and the broken client is thrown away on release rather than returned to the pool.
 */
export async function checkout(pool: pg.Pool): Promise<{ client: pg.PoolClient; release(): void }> {
  const client = await pool.connect().catch((err: unknown) => {
    throw asStoreError(err);
  });
  let broken: Error | undefined;
  const onError = (err: Error) => {
    broken = err;
  };
  client.on('error', onError);
  return {
    client,
    release() {
      client.off('error', onError);
      client.release(broken);
    },
  };
}
