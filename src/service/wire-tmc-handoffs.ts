import type { Order, OrderRepository } from '../orders/index.js';
import type { LabelCheck } from '../printing/index.js';
import type { ReturnsService } from '../returns/index.js';
import { XIAOER } from '../returns/index.js';
import type { Logger } from '../shared/logger.js';
import type { TmcHandoff, TmcHandoffHandler } from '../sync/index.js';
import type { TaskService } from '../tasks/index.js';
import { coalesce } from './wire-tmc.js';

/**
 * What a pushed message hands on beyond the order book (issue 19, part 2): a refund message makes the returns
 * feature read the platform's refunds now (a return with goods shows at once; the refund waiting on the seller is an
 * open item from the order just read again), and an address changed after the label was printed opens the label-fix
 * task for the assistant, as the remark 待改面单,已交{assistant}处理 would. Each runs from a record the consumer wrote with
 * the change (sync/tmc-handoff-log.ts): durable with it, run again at start if the service stopped first, so each
 * must be idempotent.
 */

export const REFUND_TOPICS: ReadonlySet<string> = new Set([
  'taobao_refund_RefundCreated',
  'taobao_refund_RefundSuccess',
  'taobao_refund_RefundClosed',
]);
export const ADDRESS_CHANGED_TOPIC = 'taobao_trade_TradeLogisticsAddressChanged';

interface Person {
  username: string;
  displayName: string;
}

export interface TmcHandoffDeps {
  orders: Pick<OrderRepository, 'get'>;
  returns: Pick<ReturnsService, 'syncRefunds'>;
  labels: LabelCheck;
  tasks: Pick<TaskService, 'open'>;
  /** The staff accounts with their roles, and who is on duty now (the roster's usernames). */
  staff: () => readonly (Person & { role: string })[];
  onDuty: () => readonly string[];
  logger: Logger;
  /** A burst of refund messages costs one read this long after the first (default 2 s). */
  delayMs?: number;
  /** Refund reads start at least this far apart (the details setting, sync.tmcDetailsSeconds; default none). */
  minGapMs?: number;
}

/** The assistant on duty, else any assistant, else the admin: who fixes a label in the warehouse. */
function assistant(staff: readonly (Person & { role: string })[], duty: ReadonlySet<string>): Person {
  const assistants = staff.filter((s) => s.role === 'assistant');
  const pick = assistants.find((s) => duty.has(s.username)) ?? assistants[0] ?? staff.find((s) => s.role === 'admin');
  return pick ? { username: pick.username, displayName: pick.displayName } : XIAOER;
}

export function tmcHandoffs(deps: TmcHandoffDeps): TmcHandoffHandler {
  const readRefunds = coalesce(
    () => deps.returns.syncRefunds(),
    deps.delayMs ?? 2000,
    deps.logger,
    'reading refunds',
    deps.minGapMs,
  );

  async function fixLabel(order: Order, changedAt: string): Promise<void> {
    if (!deps.labels.labelOutdated(order)) return;
    // One task per change: the id holds the change's modified time, so the same change told twice opens it once.
    await deps.tasks.open({
      id: `tmc-fix-label:${order.tid}:${changedAt}`,
      type: 'fix_label',
      tid: order.tid,
      assignee: assistant(deps.staff(), new Set(deps.onDuty())),
      opener: XIAOER,
    });
  }

  return {
    topics: new Set([...REFUND_TOPICS, ADDRESS_CHANGED_TOPIC]),
    async run(h: TmcHandoff) {
      if (REFUND_TOPICS.has(h.topic)) await readRefunds();
      else if (h.topic === ADDRESS_CHANGED_TOPIC) {
        const order = deps.orders.get(h.tid);
        if (order) await fixLabel(order, h.at);
      }
    },
  };
}
