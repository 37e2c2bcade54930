import { TRADE_STATUSES, type TradeStatus } from '../../orders/index.js';
import { ownEntry } from '../../shared/own-entry.js';
import { formatTopTime } from '../../shared/time.js';
import type { Params } from './gateway.js';
import {
  guarded,
  optionalInt,
  optionalTime,
  paging,
  ParamError,
  required,
  window,
  ONE_DAY,
  type MethodResult,
} from './method-params.js';
import type { SandboxShop, ShopOutcome } from './shop.js';
import type { TradeFilter } from './shop-state.js';
import { E } from './top-errors.js';
import { TRADE_CLOSE_REASONS } from '../platform-port.js';
import { asksForOaid, bigId, OAID_FIELDS, parseFields, wireTrade } from './wire-trade.js';

/**
 * A `type` filter names families of trade types, as the platform documents them: guarantee_trade is a combined
 * condition, never a trade's own type, covering fixed-price (一口价, `fixed`) and `auction` trades; every other
 * value names only itself. Read literally, the default list would hide the fixed-price trades, nearly all of them.
 */
const TYPE_FAMILIES: Readonly<Record<string, readonly string[]>> = { guarantee_trade: ['fixed', 'auction'] };

export function tradeTypes(list: readonly string[]): Set<string> {
  return new Set(list.flatMap((t) => ownEntry(TYPE_FAMILIES, t) ?? [t]));
}

/** The platform's default when `type` is not given (so it covers fixed and auction through guarantee_trade). */
const DEFAULT_TYPES = tradeTypes(['guarantee_trade', 'auto_delivery', 'ec', 'cod', 'step']);
const STATUS_GROUPS: Record<string, TradeStatus[]> = {
  ALL_WAIT_PAY: ['WAIT_BUYER_PAY', 'TRADE_NO_CREATE_PAY'],
  ALL_CLOSED: ['TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO'],
};
const STATUSES: ReadonlySet<string> = new Set(TRADE_STATUSES);

function filterOf(p: Params): TradeFilter {
  const f: TradeFilter = { types: p.type ? tradeTypes(p.type.split(',').map((s) => s.trim())) : DEFAULT_TYPES };
  if (p.status) {
    if (STATUS_GROUPS[p.status]) f.statuses = new Set(STATUS_GROUPS[p.status]);
    else if (STATUSES.has(p.status)) f.statuses = new Set([p.status as TradeStatus]);
    else throw new ParamError(E.invalidArgument(`status值${p.status}不合法`));
  }
  if (p.buyer_nick) f.buyerNick = p.buyer_nick;
  return f;
}

function listBody(shop: SandboxShop, p: Params, which: 'created' | 'modified'): Record<string, unknown> {
  const sel = parseFields(required(p, 'fields'));
  const pg = paging(p, 100, 40);
  if (which === 'modified') {
    required(p, 'start_modified');
    required(p, 'end_modified');
  }
  const w =
    which === 'created'
      ? window(optionalTime(p, 'start_created'), optionalTime(p, 'end_created'))
      : window(optionalTime(p, 'start_modified'), optionalTime(p, 'end_modified'), ONE_DAY);
  const filter = filterOf(p);
  const page =
    which === 'created'
      ? shop.tradesByCreated(w.start, w.end, filter, pg)
      : shop.tradesByModified(w.start, w.end, filter, pg);
  const body: Record<string, unknown> = {};
  if (page.items.length) body.trades = { trade: page.items.map((t) => wireTrade(t, shop, sel)) };
  if (pg.useHasNext) body.has_next = page.hasNext;
  else body.total_results = page.total;
  return body;
}

const refusal = (o: Exclude<ShopOutcome, { ok: true }>) => {
  switch (o.reason) {
    case 'not_found':
      return E.business('isv.trade-not-exist', o.message);
    case 'invalid_status':
      return E.business('isv.trade-status-error', o.message);
    default:
      return E.invalidArgument(o.message);
  }
};

export const tradeMethods: Record<string, (shop: SandboxShop, p: Params) => Promise<MethodResult>> = {
  'taobao.trades.sold.get': (shop, p) => guarded(() => listBody(shop, p, 'created')),
  'taobao.trades.sold.increment.get': (shop, p) => guarded(() => listBody(shop, p, 'modified')),
  'taobao.trade.fullinfo.get': (shop, p) =>
    guarded(() => {
      const sel = parseFields(required(p, 'fields'));
      const t = shop.trade(required(p, 'tid'));
      if (!t) throw new ParamError(E.business('isv.trade-not-exist', `交易${p.tid}不存在`));
      // include_oaid=true: the caller must get an oaid, so fields that cannot make one are refused, not ignored.
      if (p.include_oaid === 'true' && !asksForOaid(sel))
        throw new ParamError(E.business('isv.oaid-field-miss', `生成oaid需要同时请求字段${OAID_FIELDS.join(',')}`));
      return { trade: wireTrade(t, shop, sel) };
    }),
  'taobao.trade.memo.update': async (shop, p) => {
    let change: { memo?: string; flag?: number; reset?: boolean };
    try {
      required(p, 'tid');
      change = { flag: optionalInt(p, 'flag', 0, 10), reset: p.reset === 'true' };
      if (p.memo !== undefined) change.memo = p.memo;
      if (change.memo === undefined && change.flag === undefined && !change.reset) required(p, 'memo');
    } catch (err) {
      if (err instanceof ParamError) return { ok: false, error: err.error };
      throw err;
    }
    const o = await shop.updateMemo(p.tid!, change);
    if (!o.ok) return { ok: false, error: refusal(o) };
    return { ok: true, body: { trade: { tid: bigId(o.trade.tid), modified: formatTopTime(o.trade.modified) } } };
  },
  'taobao.trade.close': async (shop, p) => {
    if (!p.tid) return { ok: false, error: E.missingArgument('tid') };
    if (!p.close_reason) return { ok: false, error: E.missingArgument('close_reason') };
    // The platform takes only its own list of reasons; any other text is refused, as the real gateway does.
    if (!(TRADE_CLOSE_REASONS as readonly string[]).includes(p.close_reason))
      return {
        ok: false,
        error: E.business('isv.invalid-parameter', `close_reason不合法，可选：${TRADE_CLOSE_REASONS.join('、')}`),
      };
    const o = await shop.closeTrade(p.tid, p.close_reason);
    if (!o.ok) return { ok: false, error: refusal(o) };
    return {
      ok: true,
      body: { trade: { tid: bigId(o.trade.tid), status: o.trade.status, modified: formatTopTime(o.trade.modified) } },
    };
  },
};
