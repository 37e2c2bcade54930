/**
 * The refund register (退款登记): one record per after-trade refund, with the handbook's register
 * line for the refund keeper. open → registered (the keeper wrote `refund.registered`) → paid.
 */
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { Store } from '../storage/index.js';

export const REFUND_REGISTER = 'refund-register';

export type RefundState = 'open' | 'registered' | 'paid';
export const REFUND_STATE_LABELS: Readonly<Record<RefundState, string>> = {
  open: '待登记',
  registered: '已登记',
  paid: '已打款',
};

export interface RefundRecord {
  /** The id of the `refund.after_trade` entry: writing it twice never registers two refunds. */
  id: string;
  tid: string;
  buyerNick: string;
  channel: 'alipay' | 'bank';
  account: string;
  bankName: string | null;
  realName: string;
  /** 折扣 or 邮费. */
  reason: string;
  amountFen: number;
  sku: string;
  staff: string;
  username: string;
  line: string;
  createdAt: string;
  /** Shanghai day of createdAt: the daily export's key. */
  day: string;
  state: RefundState;
  registeredAt: string | null;
  registeredBy: string | null;
  paidAt: string | null;
  paidBy: string | null;
}

export interface RefundRegister {
  get(id: string): RefundRecord | undefined;
  list(filter: { day?: string; state?: RefundState; tid?: string }): RefundRecord[];
  /** Idempotent by id. */
  open(record: RefundRecord): Promise<RefundRecord>;
  /** Marks every open refund of the order registered (the memo's `退款已登记` covers the order). */
  markRegisteredForOrder(tid: string, by: string, at: string): Promise<RefundRecord[]>;
  markPaid(id: string, by: string, at: string): Promise<RefundRecord>;
}

export function createRefundRegister(store: Store): RefundRegister {
  const all = () =>
    [...store.all<RefundRecord>(REFUND_REGISTER)].sort((a, b) =>
      a.createdAt < b.createdAt
        ? -1
        : a.createdAt > b.createdAt
          ? 1
          : a.tid < b.tid
            ? -1
            : a.tid > b.tid
              ? 1
              : a.id < b.id
                ? -1
                : 1,
    );
  return {
    get: (id) => store.get<RefundRecord>(REFUND_REGISTER, id),
    list: (f) =>
      all().filter(
        (r) => (!f.day || r.day === f.day) && (!f.state || r.state === f.state) && (!f.tid || r.tid === f.tid),
      ),
    open: (record) =>
      store.transact((tx) => {
        const existing = tx.get<RefundRecord>(REFUND_REGISTER, record.id);
        if (existing) return existing;
        tx.put<RefundRecord>(REFUND_REGISTER, record.id, record);
        return record;
      }),
    async markRegisteredForOrder(tid, by, at) {
      const open = all().filter((r) => r.tid === tid && r.state === 'open');
      return store.transact((tx) =>
        open.map((r) => {
          const registered: RefundRecord = { ...r, state: 'registered', registeredAt: at, registeredBy: by };
          tx.put<RefundRecord>(REFUND_REGISTER, r.id, registered);
          return registered;
        }),
      );
    },
    markPaid: (id, by, at) =>
      store.transact((tx) => {
        const r = tx.get<RefundRecord>(REFUND_REGISTER, id);
        if (!r)
          throw new NotFoundError({
            message: '没有找到这条退款登记，请刷新后重试',
            code: 'refund_not_found',
            params: { id },
          });
        if (r.state === 'paid') return r;
        if (r.state !== 'registered')
          throw new ConflictError({
            message: '退款尚未登记，不能标记已打款',
            code: 'refund_not_registered',
            params: { id, state: r.state },
          });
        const paid: RefundRecord = { ...r, state: 'paid', paidAt: at, paidBy: by };
        tx.put<RefundRecord>(REFUND_REGISTER, id, paid);
        return paid;
      }),
  };
}
