import { formatTopTime } from '../../shared/time.js';
import type { Params } from './gateway.js';
import { courierName } from './generator/couriers.js';
import { guarded, optionalTime, paging, ParamError, required, window, type MethodResult } from './method-params.js';
import type { SandboxShop } from './shop.js';
import { E } from './top-errors.js';
import type { SandboxRate } from './types.js';
import { bigId, wireRate } from './wire-trade.js';

const RESULTS = new Set(['good', 'neutral', 'bad']);

export const reviewLogisticsMethods: Record<string, (shop: SandboxShop, p: Params) => Promise<MethodResult>> = {
  /** Reviews the shop received from buyers (rate_type=get, role=buyer); the shop's own reviews are not kept. */
  'taobao.traderates.get': (shop, p) =>
    guarded(() => {
      const fields = required(p, 'fields');
      const rateType = required(p, 'rate_type');
      const role = required(p, 'role');
      if (p.result && !RESULTS.has(p.result)) throw new ParamError(E.invalidArgument(`result值${p.result}不合法`));
      const pg = paging(p, 150, 40);
      const w = window(optionalTime(p, 'start_date'), optionalTime(p, 'end_date'));
      const page =
        rateType === 'get' && role === 'buyer'
          ? shop.rates(
              {
                ...w,
                results: p.result ? new Set([p.result as SandboxRate['result']]) : undefined,
                tid: p.tid || undefined,
              },
              pg,
            )
          : { items: [], total: 0, hasNext: false };
      const body: Record<string, unknown> = {};
      if (page.items.length) body.trade_rates = { trade_rate: page.items.map((r) => wireRate(r, shop, fields)) };
      if (pg.useHasNext) body.has_next = page.hasNext;
      else body.total_results = page.total;
      return body;
    }),
  'taobao.logistics.trace.search': (shop, p) =>
    guarded(() => {
      const tid = required(p, 'tid');
      const trade = shop.trade(tid);
      if (!trade) throw new ParamError(E.business('isv.trade-not-exist', `交易${tid}不存在`));
      const trace = shop.trace(tid);
      if (!trace) throw new ParamError(E.business('isv.logistics-trace-not-exist', '该交易还没有发货，没有物流信息'));
      return {
        out_sid: trace.parcel.waybill,
        company_name: courierName(trace.parcel.company),
        tid: bigId(tid),
        status: trace.status,
        trace_list: {
          transit_step_info: trace.steps.map((s) => ({
            status_time: formatTopTime(s.at),
            status_desc: s.desc,
            action: s.action,
          })),
        },
      };
    }),
};
