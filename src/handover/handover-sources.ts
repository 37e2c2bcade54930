/**
 * Everything the handover report reads, as narrow functions, so it can be built from any store (and timed by the
 * benchmark).
 */
import type { ComplaintService } from '../complaints/index.js';
import type { Intents } from '../customers/index.js';
import type { MessageStats, ReturnStatus, TransferStatus } from './handover-ports.js';
import type { Order } from '../orders/index.js';
import type { RemarkEntry } from '../remarks/index.js';
import type { RepairWindow, ReviewBook } from '../reviews/index.js';
import type { Clock } from '../shared/time.js';
import type { SyncRun } from '../sync/index.js';
import type { Task, FollowUps } from '../tasks/index.js';
import type { Roster } from '../roster/index.js';
import type { HandoverRecords } from './handover-records.js';
import type { OpenItemStates } from './open-item-state.js';

export interface HandoverSources {
  clock: Clock;
  /** The roster now: shift hours (the report's windows), who is on duty, the keeper (ownership.ts). */
  roster: () => Roster;
  /** A username's display name (the username when unknown), and whether it is a staff account. */
  staffName: (username: string) => string;
  isStaff: (username: string) => boolean;
  /** Who last wrote a remark on the order: the owner of a follow-up about it. */
  lastActor?: (tid: string) => { username: string } | null;
  states: OpenItemStates;
  orders: { all(): Iterable<Pick<Order, 'tid' | 'buyerNick' | 'modifiedAt' | 'sellerMemo'>> };
  remarkEntries: () => Iterable<RemarkEntry>;
  syncRuns: () => AsyncIterable<SyncRun>;
  openTasks: () => Task[];
  /** Tasks closed (by a remark or by hand) in [from, to): the report's 本班已完成. */
  closedTasks?: (from: string, to: string) => Task[];
  complaints: ComplaintService;
  followUps: FollowUps;
  reviews: ReviewBook;
  /** The repair windows (config.jobs.reviewWindows): a review is whoever's on duty when the next one starts. */
  repairWindows: readonly RepairWindow[];
  intents: Intents;
  records: HandoverRecords;
  /** Display names of the staff, for the memo lint. */
  staffNames: readonly string[];
  memoDateFormat: string;
  /** Memos of orders modified in this many days are linted. */
  memoLintDays?: number;
  messages?: MessageStats;
  transfers?: TransferStatus;
  /** Returns not moving for three days (the returns feature). */
  returns?: ReturnStatus;
  /**
   * Orders with their lines: a line whose refund the platform waits on the seller for (WAIT_SELLER_AGREE) is an
   * open item of the person on duty until the refund moves on (the order book follows it: TMC, the order sync).
   */
  refundOrders?: () => Iterable<Pick<Order, 'tid' | 'buyerNick' | 'modifiedAt' | 'items'>>;
  /** A refund's own time when its message told it (TMC), else its item dates from the order's last change. */
  refundSince?: (refundId: string) => string | undefined;
}
