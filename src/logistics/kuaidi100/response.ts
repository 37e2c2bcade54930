import { UpstreamError } from '../../shared/errors.js';
import { parseTopTime, toInstant } from '../../shared/time.js';
import type { ParcelState, TrackingEvent, TrackingResult } from '../logistics-port.js';
import { stateOfCode, stateOfName, subStateOfCode } from './state-map.js';
import { errorResponseSchema, okResponseSchema, RETURN_CODES, type Kuaidi100Trace } from './wire.js';

const UPSTREAM = 'kuaidi100';

export interface QueryContext {
  company: string;
  waybill: string;
  /** +08:00 instant of the query */
  checkedAt: string;
}

/**
 * Turns a poll/query.do body into a TrackingResult, or throws the UpstreamError it stands for.
 * "No result yet" (500) is an expected answer for a parcel the courier has not scanned, so it is a
 * value (state 'unknown'), not an error.
 */
export function interpretQueryResponse(body: unknown, ctx: QueryContext): TrackingResult {
  const parsed = typeof body === 'string' ? parseJson(body) : body;
  const failure = errorResponseSchema.safeParse(parsed);
  if (failure.success) {
    const { returnCode, message } = failure.data;
    if (returnCode === RETURN_CODES.noResult) {
      return {
        company: ctx.company,
        waybill: ctx.waybill,
        state: 'unknown',
        subState: null,
        events: [],
        checkedAt: ctx.checkedAt,
      };
    }
    throw errorFor(returnCode, message);
  }
  const ok = okResponseSchema.safeParse(parsed);
  if (!ok.success || ok.data.status !== '200') {
    throw new UpstreamError({
      upstream: UPSTREAM,
      code: 'kuaidi100_bad_response',
      retriable: false,
      message: 'kuaidi100 answered with a body that is neither a result nor an error',
      details: {
        issues: ok.success
          ? [`status ${ok.data.status}`]
          : ok.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      },
    });
  }
  const state = stateOfCode(ok.data.state);
  const events = ok.data.data
    .map((trace, i) => toEvent(trace, i === 0 ? state : 'in_transit'))
    .filter((e): e is TrackingEvent & { t: number } => e !== undefined)
    .sort((a, b) => b.t - a.t)
    .map(({ t: _t, ...event }) => event);
  return {
    company: ctx.company,
    waybill: ctx.waybill,
    state,
    subState: subStateOfCode(ok.data.state),
    events,
    checkedAt: ctx.checkedAt,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A trace without a state (older responses, some couriers) takes the parcel's state when it is the newest
 * trace and counts as a transit scan otherwise, which is what such unlabelled scans are.
 */
function toEvent(trace: Kuaidi100Trace, fallback: ParcelState): (TrackingEvent & { t: number }) | undefined {
  const t = parseTime(trace.time) ?? (trace.ftime ? parseTime(trace.ftime) : undefined);
  if (t === undefined) return undefined;
  const state =
    trace.statusCode != null && String(trace.statusCode) !== ''
      ? stateOfCode(String(trace.statusCode))
      : ((trace.status ? stateOfName(trace.status) : undefined) ?? fallback);
  return { t, at: toInstant(t), description: trace.context.trim(), location: locationOf(trace), state };
}

function parseTime(text: string): number | undefined {
  try {
    return parseTopTime(text);
  } catch {
    return undefined;
  }
}

function locationOf(trace: Kuaidi100Trace): string {
  if (trace.location) return trace.location;
  if (trace.areaName) return trace.areaName;
  // Chinese couriers open most traces with the city in brackets: 【杭州市】快件已发往 上海转运中心
  return /^\s*【([^】]+)】/.exec(trace.context)?.[1] ?? '';
}

function errorFor(returnCode: string, message: string): UpstreamError {
  const base = {
    upstream: UPSTREAM,
    code: `kuaidi100_${returnCode}`,
    details: { returnCode, upstreamMessage: message },
  };
  switch (returnCode) {
    case RETURN_CODES.serverError:
    case RETURN_CODES.serverBusy:
      return new UpstreamError({
        ...base,
        retriable: true,
        message: `kuaidi100 server error ${returnCode}: ${message}`,
      });
    case RETURN_CODES.badSign:
      return new UpstreamError({
        ...base,
        retriable: false,
        message: `kuaidi100 rejected the signature (${message}): check the kuaidi100 customer and key in the configuration`,
      });
    case RETURN_CODES.keyExpired:
      return new UpstreamError({
        ...base,
        retriable: false,
        message: `kuaidi100 key expired or no query balance left (${message}): renew the kuaidi100 account`,
      });
    case RETURN_CODES.phoneCheckFailed:
      return new UpstreamError({
        ...base,
        retriable: false,
        message: `kuaidi100 refused the phone check (${message}): SF and ZTO need the last four digits of the receiver's or sender's phone`,
      });
    case RETURN_CODES.badRequest:
      return new UpstreamError({
        ...base,
        retriable: false,
        message: `kuaidi100 rejected the query as incomplete or for an unknown company: ${message}`,
      });
    default:
      // kuaidi100 throttles repeated queries of one waybill with a "too frequent" message; waiting helps.
      return new UpstreamError({
        ...base,
        retriable: /频繁|频率|frequen/i.test(message),
        message: `kuaidi100 error ${returnCode}: ${message}`,
      });
  }
}
