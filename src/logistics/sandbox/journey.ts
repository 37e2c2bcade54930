import { maskPhone } from '../../shared/mask.js';
import { DAY, HOUR, MINUTE, shanghaiDate, shanghaiParts, startOfShanghaiDay } from '../../shared/time.js';
import { courierName } from '../couriers.js';
import type { SandboxParcel } from './parcel-source.js';
import { courierPerson, locker, route, seededRng, type Rng } from './geography.js';

/** One scan, with the kuaidi100 高级物流状态 code it carries. */
export interface SandboxTrace {
  at: number;
  code: string;
  context: string;
  location: string;
}

export interface SandboxJourney {
  traces: SandboxTrace[];
  /** State changes kuaidi100 reports without a new scan (超时未更新 after two days of silence). */
  silent: { at: number; code: string }[];
}

/** How long a parcel may go without a scan before kuaidi100 calls it 超时未更新 (202). */
export const STUCK_AFTER_MS = 48 * HOUR;
/** How long a parcel sits in a locker before it is 柜或驿站超时未取 (205). */
export const LOCKER_OVERDUE_MS = 24 * HOUR;

const seconds = (t: number) => Math.floor(t / 1000) * 1000;

/** Couriers deliver between 08:00 and 20:00 Shanghai time; a later dispatch waits for the next morning. */
function daytime(t: number, rng: Rng): number {
  const hour = shanghaiParts(t).hour;
  if (hour >= 8 && hour < 20) return t;
  const day = startOfShanghaiDay(shanghaiDate(t)) + (hour >= 20 ? DAY : 0);
  return day + 8 * HOUR + rng.int(0, 59) * MINUTE;
}

/**
 * The whole journey of a sandbox parcel, decided by its waybill (the seed) and its fate: collected at
 * consign time in the sender's city, through 1–3 hubs, dispatched in the receiver's district, then
 * signed or whatever the fate says. Callers show only the part up to their clock's now.
 */
export function planJourney(p: SandboxParcel): SandboxJourney {
  const rng = seededRng(`${p.company}:${p.waybill}`);
  const brand = courierName(p.company) ?? '快递';
  const hubs = route(rng, p.senderCity, p.receiverCity);
  const outlet = `${p.receiverDistrict}营业部`;
  const traces: SandboxTrace[] = [];
  const silent: SandboxJourney['silent'] = [];
  const scan = (at: number, code: string, location: string, context: string) => {
    traces.push({ at: seconds(at), code, location, context: `【${location}】${context}` });
  };

  let t = p.consignedAt;
  const collector = courierPerson(rng);
  scan(t, '1', p.senderCity, `${brand} 快件已揽收，揽收员：${collector.name}（${maskPhone(collector.mobile)}）`);

  const stops = [...hubs.map((h) => ({ city: h.city, label: h.hub })), { city: p.receiverCity, label: outlet }];
  let here = p.senderCity;
  for (const [i, stop] of stops.entries()) {
    t += rng.int(60, 180) * MINUTE;
    scan(t, '0', here, `快件已发往 ${stop.label}`);
    t += rng.int(4 * 60, 12 * 60) * MINUTE;
    const last = i === stops.length - 1;
    scan(t, last ? '1001' : '0', stop.city, `快件已到达 ${stop.label}`);
    here = stop.city;
    if (p.fate === 'stuck') {
      // Scans stop at the first hub: kuaidi100 keeps 在途 until two silent days make it 超时未更新.
      silent.push({ at: seconds(t + STUCK_AFTER_MS), code: '202' });
      return { traces, silent };
    }
  }

  const courier = courierPerson(rng);
  const contact = `${courier.name}（${maskPhone(courier.mobile)}）`;
  t = daytime(t + rng.int(60, 180) * MINUTE, rng);
  scan(t, '5', p.receiverCity, `${outlet} 派件员 ${contact} 正在为您派件，请保持电话畅通`);
  t += rng.int(60, 240) * MINUTE;
  finish(p, rng, t, { scan, contact, outlet, hubs: hubs.map((h) => h.hub) });
  return { traces, silent };
}

interface FinishCtx {
  scan: (at: number, code: string, location: string, context: string) => void;
  contact: string;
  outlet: string;
  hubs: string[];
}

function finish(p: SandboxParcel, rng: Rng, t: number, { scan, contact, outlet, hubs }: FinishCtx): void {
  const city = p.receiverCity;
  switch (p.fate) {
    case 'normal':
      scan(t, '301', city, `您的快件已签收，签收人：本人。如有疑问请联系派件员 ${contact}`);
      return;
    case 'locker': {
      const box = `${p.receiverDistrict}${locker(rng)}`;
      scan(t, '501', city, `您的快件已存放至 ${box}，请凭取件码及时取件。如有疑问请联系派件员 ${contact}`);
      t += LOCKER_OVERDUE_MS;
      scan(t, '205', city, `您的快件在 ${box} 已超时未取，请尽快取件`);
      // The buyer comes at last (after a reminder): the sandbox shop lets locker parcels be confirmed too.
      scan(t + rng.int(6 * 60, 24 * 60) * MINUTE, '304', city, `您的快件已从 ${box} 取出，签收人：本人`);
      return;
    }
    case 'refused':
      scan(t, '14', city, `收件人拒收，拒收原因：不想要了，快件将退回寄件人。派件员 ${contact}`);
      return;
    case 'returning': {
      scan(t, '6', city, `收件人要求退回，快件已由 ${outlet} 退回寄件人`);
      t += rng.int(2 * 60, 5 * 60) * MINUTE;
      scan(t, '6', city, `退回件已发往 ${hubs[hubs.length - 1] ?? p.senderCity}`);
      t += rng.int(24 * 60, 36 * 60) * MINUTE;
      scan(t, '6', p.senderCity, `退回件已到达 ${p.senderCity}`);
      t += rng.int(2 * 60, 6 * 60) * MINUTE;
      scan(t, '4', p.senderCity, '退回件已由寄件人签收');
      return;
    }
    case 'misdelivered': {
      scan(
        t,
        '303',
        city,
        `您的快件已签收，签收人：${p.receiverDistrict}物业门卫代收。如有疑问请联系派件员 ${contact}`,
      );
      scan(t + rng.int(12, 30) * HOUR, '204', city, `快件误投至其他小区，${outlet} 正在联系收件人处理`);
      return;
    }
  }
}

/**
 * The journey as seen at `now`: the current state code and the scans so far, newest first. Undefined before consign
 * time.
 */
export function journeyAt(journey: SandboxJourney, now: number): { code: string; traces: SandboxTrace[] } | undefined {
  const seen = journey.traces.filter((s) => s.at <= now);
  if (seen.length === 0) return undefined;
  const newest = seen.reduce((a, b) => (b.at >= a.at ? b : a));
  const change = journey.silent.filter((s) => s.at <= now && s.at > newest.at).at(-1);
  return { code: change?.code ?? newest.code, traces: [...seen].sort((a, b) => b.at - a.at) };
}
