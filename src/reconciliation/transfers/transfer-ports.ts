/**
 * What the transfer feature needs from its neighbours, declared narrowly here so it never imports their
 * implementations; the composition root hands in the real ones (remarks.service, tasks, messaging).
 */
import type { User } from '../../accounts/index.js';
import type { Person } from './transfer-types.js';

/** The remarks service's write: `transfer.awaiting` on creation, `copy.transfer` with the waybill. */
export interface RemarkWriter {
  write(req: {
    tid: string;
    kind: string;
    fields?: Record<string, unknown>;
    user: User;
    dryRun?: boolean;
  }): Promise<{ status: string; entry: string }>;
}

/**
 * Opens a follow-up for a colleague (the three-day rule: a claimed transfer not found) and sends a short notice (money
 * arrived).
 */
export interface FollowUpOpener {
  open(task: {
    id: string;
    kind: 'transfer_chase';
    assignee: Person;
    subject: string;
    instructions: string;
    transferId: string;
    tid: string | null;
  }): Promise<unknown>;
  notify?(recipient: Person, message: string, ref: { transferId: string; tid: string | null }): Promise<unknown>;
}

/** The messaging module's queue for buyer messages. */
export interface MessageSink {
  enqueue(msg: {
    kind: 'transfer-received' | 'transfer-not-found';
    tid?: string;
    buyerNick: string;
    reason: string;
    /** What the templates read: the amount (fen) the buyer is told, the reference that makes it once per transfer. */
    transfer: { amount: number; reference: string; claimedAt?: string };
    /** Who answers for the message should it wait for a value: the staff who took the transfer order. */
    owner?: string;
  }): Promise<unknown>;
}
