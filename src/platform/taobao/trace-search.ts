import { toInstant, parseTopTime } from '../../shared/time.js';
import { topCall, type TopCallContext } from './top-call.js';

export interface TopTraceStep {
  /** +08:00 instant */
  at: string;
  description: string;
  action: string;
}

export interface TopLogisticsTrace {
  tid: string;
  companyName: string;
  waybill: string;
  status: string;
  /** Oldest first, as the platform lists them. */
  steps: TopTraceStep[];
}

/** taobao.logistics.trace.search: the platform's own copy of the courier trace, by order. */
export async function traceByTid(ctx: TopCallContext, tid: string): Promise<TopLogisticsTrace> {
  const res = await topCall(ctx, 'taobao.logistics.trace.search', { tid });
  return {
    tid: String(res.tid ?? tid),
    companyName: res.company_name ?? '',
    waybill: res.out_sid ?? '',
    status: res.status ?? '',
    steps: (res.trace_list?.transit_step_info ?? []).map((s) => ({
      at: toInstant(parseTopTime(s.status_time)),
      description: s.status_desc ?? '',
      action: s.action ?? '',
    })),
  };
}
