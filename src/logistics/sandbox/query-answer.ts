import { formatTopTime } from '../../shared/time.js';
import { courierCode, courierRequiresPhone, phoneTail } from '../couriers.js';
import { kuaidi100Sign } from '../kuaidi100/sign.js';
import { baseOfCode, nameOfCode } from '../kuaidi100/state-map.js';
import {
  RESULTV2_ADVANCED,
  RETURN_CODES,
  type Kuaidi100ErrorResponse,
  type Kuaidi100OkResponse,
} from '../kuaidi100/wire.js';
import { journeyAt, planJourney } from './journey.js';
import type { SandboxParcelSource } from './parcel-source.js';

export interface QueryForm {
  customer?: unknown;
  sign?: unknown;
  param?: unknown;
}

const fail = (returnCode: string, message: string): Kuaidi100ErrorResponse => ({ result: false, returnCode, message });

/**
 * The sandbox's answer to one poll/query.do form, in kuaidi100's own words: the same checks (signature,
 * phone tail for SF/ZTO, unknown waybill) and the same body shapes, so the real adapter cannot tell the
 * difference. Sub-states come back only when resultv2 asks for them, as on the real service.
 */
export function answerQuery(
  form: QueryForm,
  deps: { source: SandboxParcelSource; now: number; customer: string; key: string },
): Kuaidi100OkResponse | Kuaidi100ErrorResponse {
  const { customer, sign, param } = form;
  if (typeof customer !== 'string' || typeof sign !== 'string' || typeof param !== 'string' || !customer || !param) {
    return fail(RETURN_CODES.badRequest, '提交的数据不完整');
  }
  if (customer !== deps.customer || sign.toUpperCase() !== kuaidi100Sign(param, deps.key, deps.customer)) {
    return fail(RETURN_CODES.badSign, '验证签名失败');
  }
  let q: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(param);
    if (!parsed || typeof parsed !== 'object') throw new TypeError('param is not an object');
    q = parsed as Record<string, unknown>;
  } catch {
    return fail(RETURN_CODES.badRequest, '参数param格式错误');
  }
  const com = typeof q.com === 'string' ? q.com.trim() : '';
  const num = typeof q.num === 'string' ? q.num.trim() : '';
  if (!com || !num) return fail(RETURN_CODES.badRequest, '提交的数据不完整：com和num必填');
  if (courierCode(com) !== com) return fail(RETURN_CODES.badRequest, `找不到对应公司：${com}`);

  const noResult = fail(RETURN_CODES.noResult, '查询无结果，请隔段时间再查');
  const parcel = deps.source.findParcel(num);
  if (!parcel || parcel.company !== com) return noResult;
  if (courierRequiresPhone(com)) {
    const sent = typeof q.phone === 'string' ? phoneTail(q.phone) : undefined;
    const tails = [parcel.receiverMobile, parcel.senderMobile].map((m) => phoneTail(m));
    if (!sent || !tails.includes(sent)) return fail(RETURN_CODES.phoneCheckFailed, '快递公司参数异常：验证码错误');
  }
  const seen = journeyAt(planJourney(parcel), deps.now);
  if (!seen) return noResult;

  const advanced = Number(q.resultv2) >= Number(RESULTV2_ADVANCED);
  const shown = (code: string) => (advanced ? code : baseOfCode(code));
  const traces = q.order === 'asc' ? [...seen.traces].reverse() : seen.traces;
  const stateCode = shown(seen.code);
  return {
    message: 'ok',
    nu: num,
    ischeck: baseOfCode(seen.code) === '3' ? '1' : '0',
    condition: 'F00',
    com,
    status: '200',
    state: stateCode,
    data: traces.map((s) => {
      const time = formatTopTime(s.at);
      const code = shown(s.code);
      return {
        time,
        ftime: time,
        context: s.context,
        location: s.location,
        areaName: s.location,
        status: nameOfCode(code) ?? '在途',
        ...(advanced ? { statusCode: code } : {}),
      };
    }),
  };
}
