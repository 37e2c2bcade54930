/**
 * taobao.refunds.receive.get in the sandbox gateway: the refunds buyers asked of the shop, newest modified first,
 * with the platform's checks (fields required, page_size ≤ 100, one status from the platform's list, the `type`
 * default of guarantee_trade and auto_delivery) and only the fields asked for.
 */
import { formatYuanFixed } from '../../shared/money.js';
import { formatTopTime } from '../../shared/time.js';
import type { Params } from './gateway.js';
import { CATALOGUE } from './generator/catalogue.js';
import { courierName } from './generator/couriers.js';
import { guarded, optionalTime, paging, ParamError, required, window, type MethodResult } from './method-params.js';
import { refundCreated, refundModified, type RefundRow } from './refund-query.js';
import type { SandboxShop } from './shop.js';
import { E } from './top-errors.js';
import { tradeTypes } from './trade-methods.js';
import { bigId } from './wire-trade.js';
import { REFUND_STATUSES } from '../platform-port.js';

/** The statuses the platform documents for the `status` filter (exchanges included). */
export const REFUND_FILTER_STATUSES: ReadonlySet<string> = new Set([
  ...REFUND_STATUSES,
  'WAIT_BUYER_CONFIRM_EXCHANGE_SELLER_SEND_GOODS',
  'EXCHANGE_TRANSFORM_TO_REFUND',
  'WAIT_SELLER_CONSIGN_GOODS',
]);

/** The platform's default when `type` is not given: guarantee_trade (fixed, auction) and auto_delivery. */
const DEFAULT_TYPES = tradeTypes(['guarantee_trade', 'auto_delivery']);

type Getter = (r: RefundRow, shop: SandboxShop) => unknown;
const fee = (r: RefundRow) => r.line.rf?.feeFen ?? r.line.price * r.line.num - r.line.discount;
const returned = (r: RefundRow) => r.line.rf?.parcel ?? null;

const REFUND: Record<string, Getter> = {
  refund_id: (r) => bigId(r.line.refundId),
  tid: (r) => bigId(r.t.tid),
  oid: (r) => bigId(r.line.oid),
  title: (r) => CATALOGUE[r.line.item]!.title,
  buyer_nick: (r, s) => s.buyerOf(r.t).nick,
  seller_nick: () => '小二女装旗舰店',
  total_fee: (r) => formatYuanFixed(r.line.price * r.line.num),
  payment: (r) => formatYuanFixed(r.line.price * r.line.num - r.line.discount - fee(r)),
  refund_fee: (r) => formatYuanFixed(fee(r)),
  status: (r) => r.line.refund,
  order_status: (r) => r.line.status,
  good_status: (r) => r.line.rf?.goodStatus ?? (r.t.consigned === null ? 'BUYER_NOT_RECEIVED' : 'BUYER_RECEIVED'),
  has_good_return: (r) => r.line.rf?.goodReturn ?? false,
  reason: (r) => r.line.rf?.reason ?? '七天无理由退换货',
  desc: () => undefined,
  company_name: (r) => {
    const p = returned(r);
    return p ? courierName(p.company) : undefined;
  },
  sid: (r) => returned(r)?.waybill,
  created: (r) => formatTopTime(refundCreated(r)),
  modified: (r) => formatTopTime(refundModified(r)),
  refund_phase: (r) => (r.t.status === 'TRADE_FINISHED' ? 'aftersale' : 'onsale'),
};

function wireRefund(r: RefundRow, shop: SandboxShop, names: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of names) {
    const v = REFUND[n]!(r, shop);
    if (v !== undefined) out[n] = v;
  }
  return out;
}

export const refundMethods: Record<string, (shop: SandboxShop, p: Params) => Promise<MethodResult>> = {
  'taobao.refunds.receive.get': (shop, p) =>
    guarded(() => {
      const names = [
        ...new Set(
          required(p, 'fields')
            .split(',')
            .map((f) => f.trim())
            .filter((f) => Object.hasOwn(REFUND, f)),
        ),
      ];
      if (p.status && !REFUND_FILTER_STATUSES.has(p.status))
        throw new ParamError(E.invalidArgument(`status值${p.status}不合法`));
      const pg = paging(p, 100, 40);
      const w = window(optionalTime(p, 'start_modified'), optionalTime(p, 'end_modified'));
      const types = p.type ? tradeTypes(p.type.split(',').map((s) => s.trim())) : DEFAULT_TYPES;
      const page = shop.refunds(
        { ...w, types, status: p.status || undefined, buyerNick: p.buyer_nick || undefined },
        pg,
      );
      const body: Record<string, unknown> = {};
      if (page.items.length) body.refunds = { refund: page.items.map((r) => wireRefund(r, shop, names)) };
      if (pg.useHasNext) body.has_next = page.hasNext;
      else body.total_results = page.total;
      return body;
    }),
};
