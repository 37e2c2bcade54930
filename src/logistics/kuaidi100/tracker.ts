import { createHttpClient } from '../../http-client/index.js';
import { ValidationError } from '../../shared/errors.js';
import { silentLogger, type Logger } from '../../shared/logger.js';
import { systemClock, toInstant, type Clock } from '../../shared/time.js';
import { courierCode, courierRequiresPhone, phoneTail } from '../couriers.js';
import type { LogisticsTracker, TrackingResult } from '../logistics-port.js';
import { createPollGate } from './poll-interval.js';
import { interpretQueryResponse } from './response.js';
import { kuaidi100Sign } from './sign.js';
import { buildQueryParam, QUERY_PATH } from './wire.js';

export const KUAIDI100_BASE_URL = 'https://poll.kuaidi100.com';

export interface Kuaidi100TrackerOptions {
  /** 授权码 customer id */
  customer: string;
  /** 授权 key */
  key: string;
  /** default https://poll.kuaidi100.com; `/poll/query.do` is appended */
  baseUrl?: string;
  /** Calls per minute over all waybills; unlimited when not given. */
  callsPerMinute?: number;
  clock?: Clock;
  logger?: Logger;
  /** Waits between retries; tests pass one that returns at once. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The kuaidi100 实时快递查询 adapter: one signed form POST per waybill, at most one per waybill every
 * half hour (see poll-interval.ts). A company given by name (顺丰速运) is turned into its code first.
 */
export function createKuaidi100Tracker(opts: Kuaidi100TrackerOptions): LogisticsTracker {
  return buildTracker(opts, 'kuaidi100');
}

/** Shared with the sandbox tracker, which is this same adapter under another kind. */
export function buildTracker(opts: Kuaidi100TrackerOptions, kind: LogisticsTracker['kind']): LogisticsTracker {
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? silentLogger();
  const http = createHttpClient({
    name: 'kuaidi100',
    baseURL: (opts.baseUrl ?? KUAIDI100_BASE_URL).replace(/\/+$/, ''),
    callsPerMinute: opts.callsPerMinute,
    logger,
    now: () => clock.now(),
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
  });
  const gate = createPollGate(clock);

  async function query(company: string, waybill: string, phone: string | undefined): Promise<TrackingResult> {
    const tail = courierRequiresPhone(company) ? phoneTail(phone) : undefined;
    const param = JSON.stringify(buildQueryParam(company, waybill, tail));
    const form = new URLSearchParams({
      customer: opts.customer,
      sign: kuaidi100Sign(param, opts.key, opts.customer),
      param,
    });
    const checkedAt = toInstant(clock.now());
    // The phone tail is never logged; the waybill is not personal data.
    logger.debug({ company, waybill, phoneTailSent: tail !== undefined }, 'kuaidi100 query');
    const result = await http.call(async (client) => {
      const res = await client.post<unknown>(QUERY_PATH, form.toString(), {
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      });
      return interpretQueryResponse(res.data, { company, waybill, checkedAt });
    });
    logger.info(
      { company, waybill, state: result.state, subState: result.subState, events: result.events.length },
      'kuaidi100 tracked',
    );
    return result;
  }

  return {
    kind,
    async track(companyOrName, waybill, phone) {
      const company = courierCode(companyOrName) ?? asCode(companyOrName);
      const num = waybill.trim();
      if (!num) throw new ValidationError({ message: '请填写运单号', code: 'field_required', field: 'waybill' });
      return gate.through(`${company}:${num}`, () => query(company, num, phone));
    },
  };
}

/** kuaidi100 knows far more couriers than our table: a lowercase code passes through as it is. */
function asCode(companyOrName: string): string {
  const code = companyOrName.trim().toLowerCase();
  if (!/^[a-z0-9]+$/.test(code))
    throw new ValidationError({
      message: `不认识的快递公司“${companyOrName}”`,
      code: 'courier_unknown',
      field: 'company',
      params: { company: companyOrName },
    });
  return code;
}
