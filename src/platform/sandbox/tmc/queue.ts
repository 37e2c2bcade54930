import type { TmcMessage } from '../../tmc/index.js';

/**
 * One group's messages until a consumer confirms them, as the platform keeps them: a message pushed to a consumer is
 * held by that connection; it is pushed again when the consumer asks (failed ack, after a delay), when its connection
 * goes away (to the next connection of the group, or on reconnect), or when nobody confirmed it within the ack
 * timeout. Each push after the first counts in `retried`. Messages expire after three days, as the platform's do.
 * Times here are the process's monotonic milliseconds: waits are real time, whatever clock the shop lives by.
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
  addedAt: number;
}

export const MESSAGE_TTL_MS = 3 * 86_400_000;
/** Beyond this many unconfirmed messages the oldest are dropped: a sandbox nobody consumes must not grow forever. */
export const QUEUE_CAP = 50_000;

export class TmcQueue {
  private readonly entries = new Map<bigint, QueueEntry>();

  get size(): number {
    return this.entries.size;
  }

  add(msg: Omit<TmcMessage, 'retried'>, now: number): void {
    this.entries.set(msg.id, { msg, pushes: 0, holder: null, sentAt: 0, notBefore: 0, addedAt: now });
    if (this.entries.size > QUEUE_CAP) this.entries.delete(this.entries.keys().next().value!);
  }

  /** A confirm from a connection that does not hold the message still removes it: the consumer has it. */
  confirm(id: bigint): boolean {
    return this.entries.delete(id);
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

  /** Messages to push now, oldest first; expired ones are dropped on the way. */
  due(now: number, ackTimeoutMs: number, limit: number): QueueEntry[] {
    const out: QueueEntry[] = [];
    for (const [id, e] of this.entries) {
      if (e.addedAt + MESSAGE_TTL_MS < now) {
        this.entries.delete(id);
        continue;
      }
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
    return { ...e.msg, retried };
  }
}
