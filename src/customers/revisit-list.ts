/**
 * 回访: every morning, the customers whose purchase was two months ago, one list per day; a customer
 * appears at most once a quarter. Staff record the outcome of each call on the list.
 */
import type { Job, JobSettings } from '../scheduler/index.js';
import type { Order } from '../orders/index.js';
import { NotFoundError } from '../shared/errors.js';
import { DAY, shanghaiDate, startOfShanghaiDay, toInstant, type Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';

export const REVISIT_LISTS = 'revisit-lists';
/** nick → the last day the customer was put on a list. */
export const REVISIT_LAST = 'revisit-last';

export interface RevisitEntry {
  buyerNick: string;
  tid: string;
  purchasedOn: string;
  outcome: string | null;
  recordedBy: string | null;
  recordedAt: string | null;
}

export interface RevisitList {
  date: string;
  createdAt: string;
  entries: RevisitEntry[];
}

const CLOSED = new Set(['TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO', 'TRADE_NO_CREATE_PAY', 'WAIT_BUYER_PAY']);
const addDays = (date: string, days: number) => shanghaiDate(startOfShanghaiDay(date) + days * DAY);

export function createRevisits(deps: {
  store: Store;
  orders: { all(): Iterable<Order> };
  clock: Clock;
  afterDays: number;
  everyDays: number;
}) {
  const { store } = deps;
  return {
    get: (date: string) => store.get<RevisitList>(REVISIT_LISTS, date),
    /** Every day's list entry for this buyer, with the list's date (the buyer page's history). */
    forBuyer(nick: string): (RevisitEntry & { date: string })[] {
      const out: (RevisitEntry & { date: string })[] = [];
      for (const list of store.all<RevisitList>(REVISIT_LISTS))
        for (const e of list.entries) if (e.buyerNick === nick) out.push({ ...e, date: list.date });
      return out;
    },
    /** Builds the day's list once; later calls return the same list. */
    async build(date: string): Promise<RevisitList> {
      const existing = store.get<RevisitList>(REVISIT_LISTS, date);
      if (existing) return existing;
      const purchaseDay = addDays(date, -deps.afterDays);
      const quietSince = addDays(date, -deps.everyDays);
      const byNick = new Map<string, RevisitEntry>();
      for (const o of deps.orders.all()) {
        if (!o.paidAt || CLOSED.has(o.status) || shanghaiDate(Date.parse(o.paidAt)) !== purchaseDay) continue;
        if (byNick.has(o.buyerNick)) continue;
        const last = store.get<{ nick: string; date: string }>(REVISIT_LAST, o.buyerNick);
        if (last && last.date > quietSince) continue;
        byNick.set(o.buyerNick, {
          buyerNick: o.buyerNick,
          tid: o.tid,
          purchasedOn: purchaseDay,
          outcome: null,
          recordedBy: null,
          recordedAt: null,
        });
      }
      const list: RevisitList = {
        date,
        createdAt: toInstant(deps.clock.now()),
        entries: [...byNick.values()].sort((a, b) => a.buyerNick.localeCompare(b.buyerNick)),
      };
      return store.transact((tx) => {
        const raced = tx.get<RevisitList>(REVISIT_LISTS, date);
        if (raced) return raced;
        tx.put(REVISIT_LISTS, date, list);
        for (const e of list.entries) tx.put(REVISIT_LAST, e.buyerNick, { nick: e.buyerNick, date });
        return list;
      });
    },
    async recordOutcome(date: string, buyerNick: string, outcome: string, by: string): Promise<RevisitEntry> {
      return store.transact((tx) => {
        const list = tx.get<RevisitList>(REVISIT_LISTS, date);
        const entry = list?.entries.find((e) => e.buyerNick === buyerNick);
        if (!list || !entry)
          throw new NotFoundError({
            message: `${date} 的回访名单中没有 ${buyerNick}`,
            code: 'revisit_not_found',
            params: { date, buyerNick },
          });
        Object.assign(entry, { outcome, recordedBy: by, recordedAt: toInstant(deps.clock.now()) });
        tx.put(REVISIT_LISTS, date, list);
        return entry;
      });
    },
  };
}

export type Revisits = ReturnType<typeof createRevisits>;

export function revisitListJob(deps: { revisits: Revisits; clock: Clock }, settings: JobSettings): Job {
  return {
    name: 'revisit-list',
    ...settings,
    description: 'revisit list: customers who bought two months ago',
    async run(ctx) {
      const list = await deps.revisits.build(shanghaiDate(ctx?.dueAt ?? deps.clock.now()));
      return { customers: list.entries.length };
    },
  };
}
