/**
 * Which service instances are running: the instance registry. Work that is claimed (a message moved to `sending`)
 * names its claimer, and a claim is taken for abandoned only when its claimer is no longer alive. With one process
 * (lowdb) the local registry below is all there is: whatever an earlier start claimed was claimed by a process that
 * is gone. With several instances on one PostgreSQL database the table-backed one (src/storage/postgres/instances.ts)
 * tells by each instance's heartbeat, so a living instance's in-flight work is never taken for a crash's leftover.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export interface Instances {
  /** This instance's id, fresh for every start: a claim from an earlier start of the same machine is not ours. */
  readonly self: string;
  /**
   * True while the instance `id` is running. When the registry cannot tell (the database is unreachable) it throws,
   * and a caller leaves the claim alone: taking a living instance's work for abandoned is the mistake to avoid.
   */
  alive(id: string): boolean | Promise<boolean>;
  /** Joins the registry (and, on PostgreSQL, starts the heartbeat). */
  start(): Promise<void>;
  /** Leaves the registry: from then on other instances take this one's claims for abandoned. */
  stop(): Promise<void>;
}

/** host:pid:random — a person reading a claim can tell the machine and the process; the random part, the start. */
export function newInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** One process: only this start is alive, so every other claimer is a process that ended (a crash, a restart). */
export function createLocalInstances(id: string = newInstanceId()): Instances {
  return {
    self: id,
    alive: (other) => other === id,
    start: async () => undefined,
    stop: async () => undefined,
  };
}
