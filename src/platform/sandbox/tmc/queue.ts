import type { TmcMessage } from '../../tmc/index.js';

/**
 * One group's messages until a consumer confirms them, as the platform keeps them: a message pushed to a consumer is
 * held by that connection; it is pushed again when the consumer asks (failed ack, after a delay), when its connection
 * goes away (to the next connection of the group, or on reconnect), or when nobody confirmed it within the ack
 * timeout. Each push after the first counts in `retried`. Messages expire three days after they were published, as the
 * platform's do. Waits (re-push delay, ack timeout) are the process's monotonic milliseconds, real time whatever clock
 * the shop lives by; the publish time (`addedAt`) is the shop's clock, so the three days count across a restart.
 * A sink, when given, is told of every message kept or dropped (the sandbox's own store: queue-store.ts).
 */

export interface QueueEntry {
  msg: Omit<TmcMessage, 'retried'>;
  /** Pushes so far. */
  pushes: number;
  /** The connection it was last pushed to and is waiting on, or null. */
  holder: object | null;
  sentAt: number;
  /** Not pushed before this time (a failed ack waits a little before the re-push). */
  notBefore: number;
  /** When it was published, by the shop's clock. */
  addedAt: number;
}

/** Where the queue keeps what survives a restart: the message and how often it was pushed. */
export interface QueueSink {
  kept(e: QueueEntry): void;
  dropped(id: bigint): void;
}

export const MESSAGE_TTL_MS = 3 * 86_400_000;
/** Beyond this many unconfirmed messages the oldest are dropped: a sandbox nobody consumes must not grow forever. */
export const QUEUE_CAP = 50_000;

export class TmcQueue {
  private readonly entries = new Map<bigint, QueueEntry>();

  private readonly sink: QueueSink | undefined;
  private readonly cap: number;

  constructor(opts: { sink?: QueueSink; cap?: number } = {}) {
    this.sink = opts.sink;
    this.cap = opts.cap ?? QUEUE_CAP;
  }

  get size(): number {
    return this.entries.size;
  }

  /** `addedAt`: the shop's clock. Ids only grow, so the map's order is publish order (the oldest go first). */
  add(msg: Omit<TmcMessage, 'retried'>, addedAt: number): void {
    this.restore(msg, 0, addedAt);
    this.sink?.kept(this.entries.get(msg.id)!);
    if (this.entries.size > this.cap) this.drop(this.entries.keys().next().value!);
  }

  /** A message read back from the store after a restart: free for the next push, its pushes counted on. */
  restore(msg: Omit<TmcMessage, 'retried'>, pushes: number, addedAt: number): void {
    this.entries.set(msg.id, { msg, pushes, holder: null, sentAt: 0, notBefore: 0, addedAt });
  }

  private drop(id: bigint): boolean {
    if (!this.entries.delete(id)) return false;
    this.sink?.dropped(id);
    return true;
  }

  /** A confirm from a connection that does not hold the message still removes it: the consumer has it. */
  confirm(id: bigint): boolean {
    return this.drop(id);
  }

  /** Drops messages published more than MESSAGE_TTL_MS before `wallNow` (the shop's clock); oldest first. */
  expire(wallNow: number): number {
    let n = 0;
    for (const [id, e] of this.entries) {
      if (e.addedAt + MESSAGE_TTL_MS >= wallNow) break;
      this.drop(id);
      n++;
    }
    return n;
  }

  fail(id: bigint, now: number, delayMs: number): boolean {
    const e = this.entries.get(id);
    if (!e) return false;
    e.holder = null;
    e.notBefore = now + delayMs;
    return true;
  }

  /** The connection went away: whatever it held is free for the next push. */
  release(holder: object): void {
    for (const e of this.entries.values()) if (e.holder === holder) e.holder = null;
  }

  /** Messages to push now (`now`: monotonic), oldest first. */
  due(now: number, ackTimeoutMs: number, limit: number): QueueEntry[] {
    const out: QueueEntry[] = [];
    for (const e of this.entries.values()) {
      if (out.length >= limit) break;
      const free = e.holder === null && e.notBefore <= now;
      const timedOut = e.holder !== null && e.sentAt + ackTimeoutMs <= now;
      if (free || timedOut) out.push(e);
    }
    return out;
  }

  /** Marks a push: the first push of a message has retried 0. */
  take(e: QueueEntry, holder: object, now: number): TmcMessage {
    const retried = e.pushes++;
    e.holder = holder;
    e.sentAt = now;
    this.sink?.kept(e);
    return { ...e.msg, retried };
  }
}
