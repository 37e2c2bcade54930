import type { SandboxParcel, SandboxParcelSource } from '../../logistics/index.js';
import { silentLogger, type Logger } from '../../shared/logger.js';
import { systemClock, type Clock, type TimeWindow } from '../../shared/time.js';
import type { Store } from '../../storage/index.js';
import { createSandboxFaults, type FaultSettings, type SandboxFaults } from './faults.js';
import { generateShop } from './generator/index.js';
import {
  createPrivacyNumbers,
  isIssuedOaid,
  newOaidKey,
  oaidOf,
  underPrivacyProtection,
  type PlainReceiver,
  type PrivacyNumber,
} from './oaid.js';
import { DEFAULT_PACE, tickShop, type SandboxPace, type TickSummary } from './living.js';
import { pageRefunds, type RefundQuery, type RefundRow } from './refund-query.js';
import { returnParcel } from './return-flow.js';
import { ShopState, type Page, type Paging, type ShopObserver, type TradeFilter } from './shop-state.js';
import { loadSecretNos, loadShop, saveChanges, saveGenerated, saveSecretNo, type SandboxMeta } from './shop-store.js';
import { traceSteps, type TraceStep } from './trace.js';
import { bump, closeUnpaid } from './transitions.js';
import type { SandboxAddress, SandboxBuyer, SandboxRate, SandboxTrade } from './types.js';

export interface SandboxShopOptions {
  seed?: number;
  /** Orders in a newly generated shop (default 3000). */
  orders?: number;
  clock?: Clock;
  /** Base time of a newly generated shop (default clock.now()). */
  now?: number;
  /** Without a store the shop lives in memory only. */
  store?: Store;
  pace?: Partial<SandboxPace>;
  faults?: Partial<FaultSettings>;
  logger?: Logger;
}

export type ShopOutcome =
  | { ok: true; trade: SandboxTrade }
  | { ok: false; reason: 'not_found' | 'memo_too_long' | 'invalid_flag' | 'invalid_status'; message: string };

export interface RateQuery {
  start: number;
  end: number;
  results?: ReadonlySet<SandboxRate['result']>;
  tid?: string;
}

export interface SandboxShop extends SandboxParcelSource {
  readonly seed: number;
  readonly baseTime: number;
  readonly clock: Clock;
  readonly faults: SandboxFaults;
  size(): number;
  /** Newest first; inclusive window on created. */
  tradesByCreated(start: number, end: number, filter: TradeFilter, paging: Paging): Page<SandboxTrade>;
  /** Newest first; inclusive window on modified. */
  tradesByModified(start: number, end: number, filter: TradeFilter, paging: Paging): Page<SandboxTrade>;
  trade(tid: string): SandboxTrade | undefined;
  buyerOf(t: SandboxTrade): SandboxBuyer;
  receiverOf(t: SandboxTrade): SandboxAddress & { name: string; mobile: string };
  /** The plain receiver as the platform holds it (a landline `phone` too: '' when the buyer gave none). */
  plainReceiver(t: SandboxTrade): PlainReceiver;
  /** The trade's Open Addressee ID for its current receiver (a keyed hash under the sandbox's own key). */
  oaidOf(t: SandboxTrade): string;
  /** True for an oaid this sandbox issued, for any trade and any receiver it has had. */
  issuedOaid(oaid: string): boolean;
  /** The buyer asked the platform to protect their number: a decrypt yields a privacy number. */
  underPrivacyProtection(t: SandboxTrade): boolean;
  /** The privacy number bound to the order, bound now for `days` when none is held or it expired. */
  privacyNumber(tid: string, now: number, days: number): PrivacyNumber;
  buyer(nick: string): SandboxBuyer | undefined;
  buyers(): readonly SandboxBuyer[];
  /** Overwrites the memo (≤ 1000 UTF-8 bytes) and/or the flag (0–10); `reset` clears the memo. */
  updateMemo(tid: string, change: { memo?: string; flag?: number; reset?: boolean }): Promise<ShopOutcome>;
  /** The seller's back office changes where the parcel goes (before it ships); the buyer's own addresses stay. */
  changeAddress(tid: string, address: SandboxAddress): Promise<ShopOutcome>;
  /** Told of every change of a trade and every new review as it happens; returns the unsubscribe. */
  observe(o: ShopObserver): () => void;
  /** Closes an unpaid trade; anything else is refused. */
  closeTrade(tid: string, reason: string): Promise<ShopOutcome>;
  /** Buyers' reviews, newest first. */
  rates(q: RateQuery, paging: Paging): Page<SandboxRate>;
  /** Refunds buyers asked for, newest modified first (taobao.refunds.receive.get). */
  refunds(q: RefundQuery, paging: Paging): Page<RefundRow>;
  trace(tid: string, now?: number): { parcel: SandboxParcel; status: string; steps: TraceStep[] } | undefined;
  tick(now?: number): TickSummary;
  start(opts?: { everyMs?: number }): void;
  stop(): void;
  /** Resolves when every change so far is in the store. */
  flush(): Promise<void>;
  findParcel(waybill: string): SandboxParcel | undefined;
  parcels(window?: TimeWindow): Iterable<SandboxParcel>;
}

export const MEMO_MAX_BYTES = 1000;

export function createSandboxShop(opts: SandboxShopOptions = {}): SandboxShop {
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? silentLogger();
  const store = opts.store;
  const pace: SandboxPace = { ...DEFAULT_PACE, ...opts.pace };
  const pending = new Set<Promise<void>>();
  const track = (p: Promise<void>) => {
    pending.add(p);
    p.catch((err: unknown) => logger.error({ err }, 'sandbox shop: write to store failed')).finally(() =>
      pending.delete(p),
    );
    return p;
  };

  const loaded = store ? loadShop(store) : undefined;
  let meta: SandboxMeta;
  let state: ShopState;
  if (loaded) {
    meta = loaded.meta;
    state = new ShopState(loaded.shop.buyers, loaded.shop.trades, loaded.shop.rates, loaded.shop.idSeq);
  } else {
    const baseTime = Math.floor((opts.now ?? clock.now()) / 1000) * 1000;
    const seed = opts.seed ?? 1;
    const orders = opts.orders ?? 3000;
    const gen = generateShop({ seed, now: baseTime, orders });
    meta = { seed, baseTime, orders, idSeq: gen.idSeq, lastTick: baseTime, oaidKey: newOaidKey() };
    if (store) track(saveGenerated(store, { ...meta }, gen));
    state = new ShopState(gen.buyers, gen.trades, gen.rates, gen.idSeq);
  }
  // A shop stored before oaids existed gets its key now; it is written with the next change.
  const oaidKey = (meta.oaidKey ??= newOaidKey());
  const privacyNumbers = createPrivacyNumbers(oaidKey, {
    held: store ? loadSecretNos(store, clock.now()) : [],
    onBind: (tid, n) => void (store && track(saveSecretNo(store, tid, n))),
  });
  const persist = (): Promise<void> => {
    if (!store) {
      state.drain();
      return Promise.resolve();
    }
    return track(
      saveChanges(
        store,
        () => ({ ...meta, idSeq: state.idSeq }),
        () => state.drain(),
      ),
    );
  };

  const buyerOf = (t: SandboxTrade) => state.buyers[t.buyer]!;
  const toParcel = (t: SandboxTrade): SandboxParcel => {
    const b = buyerOf(t);
    const a = t.receiver ?? b.addresses[t.addr]!;
    return {
      company: t.parcel!.company,
      waybill: t.parcel!.waybill,
      tid: t.tid,
      consignedAt: t.consigned!,
      fate: t.parcel!.fate,
      senderCity: '杭州市',
      receiverState: a.state,
      receiverCity: a.city,
      receiverDistrict: a.district,
      receiverMobile: b.mobile,
    };
  };
  const now = () => Math.ceil(clock.now() / 1000) * 1000;
  let timer: NodeJS.Timeout | undefined;

  const shop: SandboxShop = {
    seed: meta.seed,
    baseTime: meta.baseTime,
    clock,
    faults: createSandboxFaults(opts.faults, { clock, seed: meta.seed }),
    size: () => state.byTid.size,
    tradesByCreated: (start, end, filter, paging) => state.page('created', start, end, filter, paging),
    tradesByModified: (start, end, filter, paging) => state.page('modified', start, end, filter, paging),
    trade: (tid) => state.byTid.get(tid),
    buyerOf,
    receiverOf(t) {
      const b = buyerOf(t);
      return { ...(t.receiver ?? b.addresses[t.addr]!), name: b.name, mobile: b.mobile };
    },
    plainReceiver: (t) => ({ ...shop.receiverOf(t), phone: '' }),
    oaidOf: (t) => oaidOf(oaidKey, t.tid, shop.plainReceiver(t)),
    issuedOaid: (oaid) => isIssuedOaid(oaidKey, oaid),
    // A privacy number is a mainland virtual number: buyers abroad keep theirs.
    underPrivacyProtection: (t) => !buyerOf(t).overseas && underPrivacyProtection(meta.seed, t.buyer),
    privacyNumber: (tid, at, days) => privacyNumbers.numberFor(tid, at, days),
    buyer: (nick) => state.byNick.get(nick),
    buyers: () => state.buyers,
    async updateMemo(tid, change) {
      const t = state.byTid.get(tid);
      if (!t) return { ok: false, reason: 'not_found', message: `交易${tid}不存在` };
      if (change.memo !== undefined && Buffer.byteLength(change.memo, 'utf8') > MEMO_MAX_BYTES) {
        return { ok: false, reason: 'memo_too_long', message: `备注长度不能超过${MEMO_MAX_BYTES}字节` };
      }
      if (change.flag !== undefined && !(Number.isInteger(change.flag) && change.flag >= 0 && change.flag <= 10)) {
        return { ok: false, reason: 'invalid_flag', message: '旗帜只能是0到10之间的整数' };
      }
      state.mutate(t, () => {
        if (change.reset) t.memo = '';
        else if (change.memo !== undefined) t.memo = change.memo;
        if (change.flag !== undefined) t.flag = change.flag;
        bump(t, now());
      });
      await persist();
      return { ok: true, trade: t };
    },
    async changeAddress(tid, address) {
      const t = state.byTid.get(tid);
      if (!t) return { ok: false, reason: 'not_found', message: `交易${tid}不存在` };
      if (t.consigned !== null || (t.status !== 'WAIT_BUYER_PAY' && t.status !== 'WAIT_SELLER_SEND_GOODS')) {
        return { ok: false, reason: 'invalid_status', message: `交易状态为${t.status}，发货后不能修改收货地址` };
      }
      state.mutate(t, () => {
        t.receiver = { ...address };
        bump(t, now());
      });
      await persist();
      return { ok: true, trade: t };
    },
    observe(o) {
      state.observers.add(o);
      return () => void state.observers.delete(o);
    },
    async closeTrade(tid) {
      const t = state.byTid.get(tid);
      if (!t) return { ok: false, reason: 'not_found', message: `交易${tid}不存在` };
      if (t.status !== 'WAIT_BUYER_PAY' && t.status !== 'TRADE_NO_CREATE_PAY') {
        return {
          ok: false,
          reason: 'invalid_status',
          message: `交易状态为${t.status}，只有等待买家付款的交易才能关闭`,
        };
      }
      state.mutate(t, () => closeUnpaid(t, now()));
      await persist();
      return { ok: true, trade: t };
    },
    rates(q, paging) {
      const matches = state.rates.filter(
        (r) =>
          r.created >= q.start &&
          r.created <= q.end &&
          (!q.results || q.results.has(r.result)) &&
          (q.tid === undefined || r.tid === q.tid),
      );
      const from = matches.length - (paging.pageNo - 1) * paging.pageSize;
      const to = Math.max(0, from - paging.pageSize);
      return { items: matches.slice(to, Math.max(to, from)).reverse(), total: matches.length, hasNext: to > 0 };
    },
    trace(tid, at = clock.now()) {
      const t = state.byTid.get(tid);
      if (!t?.parcel) return undefined;
      const parcel = toParcel(t);
      return { parcel, ...traceSteps(parcel, at) };
    },
    tick(at = clock.now()) {
      const summary = tickShop(state, meta.seed, meta.lastTick, at, pace);
      meta = { ...meta, lastTick: Math.max(meta.lastTick, at) };
      void persist();
      return summary;
    },
    start({ everyMs = 5000 } = {}) {
      if (timer) return;
      timer = setInterval(() => shop.tick(clock.now()), everyMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
    async flush() {
      while (pending.size) await Promise.allSettled([...pending]);
      await store?.flush();
    },
    refunds: (q, paging) => pageRefunds(state.refunds.values(), q, paging, (t) => buyerOf(t).nick),
    findParcel(waybill) {
      const t = state.byWaybill.get(waybill);
      if (t) return toParcel(t);
      // A parcel a buyer sends back is the courier's like any other.
      const back = state.byReturnWaybill.get(waybill);
      return back ? returnParcel(state, back.t, back.line) : undefined;
    },
    *parcels(window) {
      for (const t of state.created.all()) {
        if (!t.parcel || t.consigned === null) continue;
        if (window && (t.consigned < window.start || t.consigned >= window.end)) continue;
        yield toParcel(t);
      }
    },
  };
  return shop;
}
