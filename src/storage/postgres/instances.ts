/**
 * The instance registry on PostgreSQL (the port is src/scheduler/instances.ts; storage sits under the scheduler, so
 * the shape is repeated here and the type-check matches them where the two meet). Each running instance has a row
 * and beats every 15 s; it is alive while its beat is younger than 60 s. Both times are the database's (`now()`),
 * so the machines' clocks never have to agree. A graceful stop removes the row: the instance's leftover claims are
 * then another's to resolve at once, without waiting for the beat to go stale.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { Db } from './connect.js';

/** How often an instance says it is alive. */
export const HEARTBEAT_MS = 15_000;
/** Four missed beats and an instance is taken for dead (as a job run is, run-coordinator.ts STALE_AFTER_MS). */
export const INSTANCE_STALE_MS = 60_000;
/** Rows of instances that died without a stop are kept this long for a person to read, then removed at a start. */
const FORGET_AFTER_DAYS = 7;

export interface PostgresInstances {
  readonly self: string;
  alive(id: string): Promise<boolean>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** One beat now (the timer calls it; tests too). */
  beat(): Promise<void>;
}

export interface PostgresInstancesOptions {
  /** This instance's id (the store's instanceId, so logs and claims name one thing); default host:pid:random. */
  id?: string;
  /** The HTTP port it serves, for a person telling the instances apart. */
  port?: number;
  heartbeatMs?: number;
  staleAfterMs?: number;
  /** A beat that did not land (the database away): told, and the next beat tries again. */
  onError?: (err: Error) => void;
}

export function createPostgresInstances(db: Db, options: PostgresInstancesOptions = {}): PostgresInstances {
  const self = options.id ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const staleSeconds = (options.staleAfterMs ?? INSTANCE_STALE_MS) / 1000;
  const tell = (err: unknown) => options.onError?.(err instanceof Error ? err : new Error(String(err)));
  let timer: NodeJS.Timeout | undefined;
  let beating: Promise<void> | undefined;

  const register = async () => {
    await db
      .insertInto('instances')
      .values({ id: self, host: hostname(), pid: process.pid, port: options.port ?? null })
      .onConflict((oc) => oc.column('id').doUpdateSet({ heartbeat_at: sql<Date>`now()` }))
      .execute();
  };

  async function beat(): Promise<void> {
    const r = await db
      .updateTable('instances')
      .set({ heartbeat_at: sql<Date>`now()` })
      .where('id', '=', self)
      .executeTakeFirst();
    // The row was removed (a person, or a prune after days away): this instance is running, so it says so again.
    if (r.numUpdatedRows === 0n) await register();
  }

  return {
    self,
    beat,
    async alive(id) {
      if (id === self) return true;
      const row = await db
        .selectFrom('instances')
        .select('id')
        .where('id', '=', id)
        .where('heartbeat_at', '>', sql<Date>`now() - make_interval(secs => ${staleSeconds})`)
        .executeTakeFirst();
      return row !== undefined;
    },
    async start() {
      await db
        .deleteFrom('instances')
        .where('heartbeat_at', '<', sql<Date>`now() - make_interval(days => ${FORGET_AFTER_DAYS})`)
        .execute();
      await register();
      if (timer) return;
      timer = setInterval(() => {
        // A beat still waiting on a slow database is not doubled.
        if (beating) return;
        beating = beat()
          .catch(tell)
          .finally(() => (beating = undefined));
      }, options.heartbeatMs ?? HEARTBEAT_MS);
      // The beat alone never keeps a process that is otherwise done from exiting.
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await beating;
      await db.deleteFrom('instances').where('id', '=', self).execute().catch(tell);
    },
  };
}
