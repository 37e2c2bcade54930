import type { SandboxParcel } from '../../logistics/index.js';
import { DAY, HOUR } from '../../shared/time.js';
import { courierName } from './generator/couriers.js';
import { createRng, hashSeed } from './generator/prng.js';

export interface TraceStep {
  at: number;
  desc: string;
  action: string;
}

/**
 * No parcel's trace has a step later than this after its consign (the longest, a locker pickup, ends within about
 * 106 hours): the TMC publisher looks for new steps only among parcels consigned this recently.
 */
export const TRACE_SPAN_MS = 7 * DAY;

/** The consign step's words, the same in taobao.logistics.trace.search and in the CONSIGN message. */
export const consignDesc = (companyName: string, waybill: string) => `卖家已发货，${companyName}运单号 ${waybill}`;

/**
 * The platform's own view of a parcel's journey (taobao.logistics.trace.search), played from the
 * parcel's fate and consign time, deterministic per waybill. The sandbox courier tracker tells the
 * courier's side of the same fate; both only show what has happened by `now`.
 */
export function traceSteps(p: SandboxParcel, now: number): { status: string; steps: TraceStep[] } {
  const rng = createRng(hashSeed('trace', p.waybill));
  const name = courierName(p.company);
  const dest = `${p.receiverCity}${p.receiverDistrict}`;
  const steps: TraceStep[] = [{ at: p.consignedAt, desc: consignDesc(name, p.waybill), action: 'CONSIGN' }];
  let at = p.consignedAt + rng.int(1, 4) * HOUR;
  const add = (desc: string, action: string, afterHours: [number, number]) => {
    steps.push({ at, desc, action });
    at += rng.int(afterHours[0] * 60, afterHours[1] * 60) * 60_000;
  };
  add(`【${p.senderCity}】${name}${p.senderCity}萧山区公司 已揽收`, 'GOT', [2, 6]);
  add(`【${p.senderCity}】快件已发往 ${p.receiverCity}转运中心`, 'DEPARTURE', [14, 30]);
  add(
    `【${p.receiverCity}】快件已到达 ${p.receiverCity}转运中心`,
    'ARRIVAL',
    p.fate === 'stuck' ? [200, 240] : [4, 12],
  );
  if (p.fate !== 'stuck') {
    add(`【${dest}】快件已到达 ${p.receiverDistrict || p.receiverCity}营业部，正在派件`, 'SENT_SCAN', [1, 5]);
    switch (p.fate) {
      case 'locker':
        add(
          `【${dest}】快件已放入${p.receiverDistrict || p.receiverCity}菜鸟驿站，请凭取件码及时领取`,
          'STA_INBOUND',
          [20, 48],
        );
        add('【已签收】您的快件已从驿站取出', 'SIGNED', [1, 1]);
        break;
      case 'refused':
        add('【拒收】收件人拒收，快件将退回寄件人', 'FAILED', [10, 30]);
        add(`【${p.receiverCity}】退回件已发出，退往 ${p.senderCity}`, 'RETURN', [1, 1]);
        break;
      case 'returning':
        add('【异常】收件地址不详，无法联系收件人', 'FAILED', [20, 40]);
        add(`【${p.receiverCity}】快件退回中，退往 ${p.senderCity}`, 'RETURN', [1, 1]);
        break;
      case 'misdelivered':
        add('【已签收】签收人：门卫代收', 'SIGNED', [1, 1]);
        break;
      default:
        add('【已签收】签收人：本人签收，感谢使用', 'SIGNED', [1, 1]);
    }
  }
  const shown = steps.filter((s) => s.at <= now);
  const last = shown[shown.length - 1];
  const status =
    !last || last.action === 'CONSIGN'
      ? '等候揽收'
      : last.action === 'SIGNED'
        ? '已签收'
        : last.action === 'RETURN' || last.action === 'FAILED'
          ? '退回中'
          : last.action === 'SENT_SCAN'
            ? '派送中'
            : '运输中';
  return { status, steps: shown };
}
