/**
 * The keeper's actions on the store-balance ledger and the refund register. Each one also writes the handbook's
 * remark on the order (余额已登记, 退款已登记) through the remarks feature's write, handed in as a port.
 */
import { randomUUID } from 'node:crypto';
import type { User } from '../accounts/index.js';
import type { BalanceLedger, BuyerAccount, Movement } from './balance-ledger.js';
import { exportRefundRecords, type ExportFormat } from './refund-export.js';
import type { RefundRecord, RefundRegister } from './refund-register.js';
import type { OrderRepository } from '../orders/index.js';
import type { KeyedLock } from '../shared/keyed-lock.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { yuanToFen } from '../shared/money.js';
import { isShopDate } from '../shared/shop-date.js';
import { shanghaiDate, toInstant, type Clock } from '../shared/time.js';

/** The remarks feature's write, as the ledger uses it: the kind, the order, the logged-in person. */
export interface RemarkWrite<R> {
  write(req: {
    tid: string;
    kind: 'balance.registered' | 'refund.registered';
    fields: Record<string, never>;
    user: User;
  }): Promise<R>;
}

export interface CreditInput {
  buyerNick: string;
  /** Yuan, as a string or number ('20', 8.5). */
  amount: unknown;
  reason: string;
  /** When given, `余额已登记` is written on this order (it must be the buyer's). */
  tid?: string;
  user: User;
}

function requireKeeper(user: User): void {
  if (user.role !== 'keeper' && user.role !== 'admin')
    throw new ForbiddenError({
      message: '只有汇款登记人或管理员可以做这件事',
      code: 'forbidden',
      params: { roles: ['keeper', 'admin'] },
    });
}

export function checkDate(date: string, field = 'date'): string {
  if (!isShopDate(date)) {
    throw new ValidationError({
      message: `日期“${date}”不对，应该像这样：2026-11-23`,
      code: 'date_invalid',
      field,
      params: { date: String(date) },
    });
  }
  return date;
}

export function createLedgerActions<R>(deps: {
  ledger: BalanceLedger;
  refunds: RefundRegister;
  orders: OrderRepository;
  service: RemarkWrite<R>;
  lock: KeyedLock;
  clock: Clock;
}) {
  const { ledger, refunds, clock } = deps;

  async function credit(input: CreditInput): Promise<{ movement: Movement; account: BuyerAccount; remark: R | null }> {
    requireKeeper(input.user);
    const buyerNick = String(input.buyerNick ?? '').trim();
    if (!buyerNick || buyerNick.length > 64)
      throw new ValidationError({
        message: '买家昵称不能为空，最多64个字',
        code: 'field_required',
        field: 'buyerNick',
      });
    let amountFen: number;
    try {
      amountFen = yuanToFen(input.amount);
    } catch {
      throw new ValidationError({
        message: `金额必须是大于0、最多两位小数的元数，收到“${String(input.amount)}”`,
        code: 'amount_not_yuan',
        field: 'amount',
        params: { value: String(input.amount) },
      });
    }
    const reason = String(input.reason ?? '').trim();
    if (!reason || reason.length > 60)
      throw new ValidationError({
        message: '请填写入账原因，最多60字',
        code: 'field_required',
        field: 'reason',
        params: { maximum: 60 },
      });
    if (input.tid !== undefined) {
      const order = deps.orders.get(String(input.tid));
      if (!order)
        throw new NotFoundError({
          message: `订单 ${input.tid} 不存在`,
          code: 'order_not_found',
          params: { tid: String(input.tid) },
        });
      if (order.buyerNick !== buyerNick)
        throw new ValidationError({
          message: '这个订单不是该买家的',
          code: 'order_other_buyer',
          field: 'tid',
          params: { tid: String(input.tid), buyerNick },
        });
    }
    const movement = await deps.lock.run(`buyer:${buyerNick}`, () =>
      ledger.credit(buyerNick, {
        id: `c-${randomUUID()}`,
        amountFen,
        tid: input.tid ?? null,
        entryId: null,
        staff: input.user.displayName,
        username: input.user.username,
        reason,
        at: toInstant(clock.now()),
      }),
    );
    const remark = input.tid
      ? await deps.service.write({ tid: input.tid, kind: 'balance.registered', fields: {}, user: input.user })
      : null;
    return { movement, account: ledger.account(buyerNick), remark };
  }

  /** The keeper registered the refund: `退款已登记` goes on the order as the keeper; the staff answers the buyer 已登记. */
  async function registerRefund(
    id: string,
    user: User,
  ): Promise<{ refund: RefundRecord; remark: R | null; answer: string }> {
    requireKeeper(user);
    // Under the refund's own key (across instances on PostgreSQL), so the keeper and an admin pressing it at once
    // write one 退款已登记: the second reads the state the first one's remark left. Not order:, which the write takes.
    return deps.lock.run(`refund:${id}`, async () => {
      const refund = refunds.get(id);
      if (!refund)
        throw new NotFoundError({
          message: '没有找到这条退款登记，请刷新后重试',
          code: 'refund_not_found',
          params: { id },
        });
      const remark =
        refund.state === 'open'
          ? await deps.service.write({ tid: refund.tid, kind: 'refund.registered', fields: {}, user })
          : null;
      return { refund: refunds.get(id)!, remark, answer: '已登记' };
    });
  }

  async function markRefundPaid(id: string, user: User): Promise<RefundRecord> {
    requireKeeper(user);
    return refunds.markPaid(id, user.displayName, toInstant(clock.now()));
  }

  function listRefunds(filter: { date?: string; state?: RefundRecord['state'] }): RefundRecord[] {
    return refunds.list({ day: checkDate(filter.date ?? shanghaiDate(clock.now())), state: filter.state });
  }

  /** The day's register as a file, for the HTTP export and `xiaoer refunds export --date`. */
  function exportRefunds(date: string, format: ExportFormat): Promise<Buffer> {
    return exportRefundRecords(refunds.list({ day: checkDate(date) }), date, format);
  }

  return {
    credit,
    registerRefund,
    markRefundPaid,
    listRefunds,
    exportRefunds,
    account: (nick: string) => ledger.account(nick),
  };
}

export type LedgerActions<R = unknown> = ReturnType<typeof createLedgerActions<R>>;
