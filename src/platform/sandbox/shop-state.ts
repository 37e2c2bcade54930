import type { TradeStatus } from '../../orders/index.js';
import { TradeIndex } from './trade-index.js';
import type { SandboxBuyer, SandboxLine, SandboxRate, SandboxTrade } from './types.js';

export interface TradeFilter {
  statuses?: ReadonlySet<TradeStatus>;
  types?: ReadonlySet<string>;
  buyerNick?: string;
}

export interface Paging {
  pageNo: number;
  pageSize: number;
}

export interface ShopObserver {
  trade(before: SandboxTrade | undefined, after: SandboxTrade): void;
  rate(r: SandboxRate): void;
  /** After a tick of the living shop that covered (since, now]: time passed, parcels moved on (their trace steps). */
  ticked?(since: number, now: number): void;
}

export interface Page<T> {
  items: T[];
  total: number;
  hasNext: boolean;
}

/**
 * The shop's data in memory with its indexes. Every change to a trade goes through `mutate`, which
 * keeps the modified-time index right and remembers the trade for the next write to the store.
 */
export class ShopState {
  readonly byTid = new Map<string, SandboxTrade>();
  readonly byWaybill = new Map<string, SandboxTrade>();
  readonly byNick = new Map<string, SandboxBuyer>();
  /** Every line with a refund, by refund id, and the lines whose return parcel has a waybill, by that waybill. */
  readonly refunds = new Map<string, { t: SandboxTrade; line: SandboxLine }>();
  readonly byReturnWaybill = new Map<string, { t: SandboxTrade; line: SandboxLine }>();
  readonly created = new TradeIndex('created');
  readonly modified = new TradeIndex('modified');
  readonly types = new Set<string>();
  /** Sorted by created ascending. */
  readonly rates: SandboxRate[];
  private version = 0;
  private cache: { key: string; matches: SandboxTrade[] } | undefined;
  readonly dirtyTrades = new Set<SandboxTrade>();
  readonly newRates: SandboxRate[] = [];
  /** Told of every change as it happens (the sandbox's TMC publisher); `before` is a copy, absent for a new trade. */
  readonly observers = new Set<ShopObserver>();

  constructor(
    readonly buyers: SandboxBuyer[],
    trades: SandboxTrade[],
    rates: SandboxRate[],
    public idSeq: number,
  ) {
    for (const b of buyers) this.byNick.set(b.nick, b);
    for (const t of trades) this.index(t);
    this.created.load(trades);
    this.modified.load(trades);
    this.rates = rates;
  }

  private index(t: SandboxTrade): void {
    this.byTid.set(t.tid, t);
    if (t.parcel) this.byWaybill.set(t.parcel.waybill, t);
    this.types.add(t.type);
    this.indexRefunds(t);
  }

  private indexRefunds(t: SandboxTrade): void {
    for (const line of t.lines) {
      if (line.refundId) this.refunds.set(line.refundId, { t, line });
      if (line.rf?.parcel) this.byReturnWaybill.set(line.rf.parcel.waybill, { t, line });
    }
  }

  addTrade(t: SandboxTrade): void {
    this.index(t);
    this.created.insert(t);
    this.modified.insert(t);
    this.dirtyTrades.add(t);
    this.version++;
    for (const o of this.observers) o.trade(undefined, t);
  }

  mutate<R>(t: SandboxTrade, change: (t: SandboxTrade) => R): R {
    const before = t.modified;
    const copy = this.observers.size ? structuredClone(t) : undefined;
    const result = change(t);
    if (t.modified !== before) {
      this.modified.remove(t, before);
      this.modified.insert(t);
    }
    if (t.parcel) this.byWaybill.set(t.parcel.waybill, t);
    this.indexRefunds(t);
    this.dirtyTrades.add(t);
    this.version++;
    if (copy) for (const o of this.observers) o.trade(copy, t);
    return result;
  }

  addRate(r: SandboxRate): void {
    let i = this.rates.length;
    while (i > 0 && this.rates[i - 1]!.created > r.created) i--;
    this.rates.splice(i, 0, r);
    this.newRates.push(r);
    for (const o of this.observers) o.rate(r);
  }

  /** Takes what changed since the last call, for one write to the store. */
  drain(): { trades: SandboxTrade[]; rates: SandboxRate[] } {
    const out = { trades: [...this.dirtyTrades], rates: this.newRates.splice(0) };
    this.dirtyTrades.clear();
    return out;
  }

  /** Newest first, as the platform pages trades (by created or by modified). */
  page(
    which: 'created' | 'modified',
    start: number,
    end: number,
    filter: TradeFilter,
    paging: Paging,
  ): Page<SandboxTrade> {
    const index = this[which];
    const { lo, hi } = index.range(start, end);
    const source = this.needsFilter(filter) ? this.filtered(which, lo, hi, filter) : undefined;
    const total = source ? source.length : hi - lo;
    const from = total - (paging.pageNo - 1) * paging.pageSize;
    const to = Math.max(0, from - paging.pageSize);
    const items: SandboxTrade[] = [];
    for (let i = from - 1; i >= to; i--) items.push(source ? source[i]! : index.at(lo + i));
    return { items, total, hasNext: to > 0 };
  }

  private needsFilter(f: TradeFilter): boolean {
    if (f.statuses || f.buyerNick !== undefined) return true;
    if (!f.types) return false;
    for (const t of this.types) if (!f.types.has(t)) return true;
    return false;
  }

  /** Matches of a filtered window, cached until the shop changes: paging asks the same window again and again. */
  private filtered(which: 'created' | 'modified', lo: number, hi: number, f: TradeFilter): SandboxTrade[] {
    const key = [
      which,
      lo,
      hi,
      this.version,
      [...(f.statuses ?? [])].join(','),
      [...(f.types ?? [])].join(','),
      f.buyerNick ?? '',
    ].join('|');
    if (this.cache?.key === key) return this.cache.matches;
    const index = this[which];
    const buyerIdx = f.buyerNick === undefined ? undefined : (this.byNick.get(f.buyerNick)?.idx ?? -1);
    const matches: SandboxTrade[] = [];
    for (let i = lo; i < hi; i++) {
      const t = index.at(i);
      if (f.statuses && !f.statuses.has(t.status)) continue;
      if (f.types && !f.types.has(t.type)) continue;
      if (buyerIdx !== undefined && t.buyer !== buyerIdx) continue;
      matches.push(t);
    }
    this.cache = { key, matches };
    return matches;
  }
}
