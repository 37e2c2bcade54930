/**
 * Why a parcel needs a person, and what that person and the buyer are told. The reasons differ in what can be done
 * (chase the courier, ask the buyer whether they still want it, reship), so each has its own title, next step and
 * buyer notice: a returning or refused parcel must not get the "tracking is a bit slow" notice.
 */
import { courierName, PARCEL_STATE_LABELS, subStateNames, type Parcel } from '../../logistics/index.js';
import type { MessageKind } from '../../messaging/index.js';
import { DAY, HOUR, parseInstant, shanghaiDate, shanghaiParts, startOfShanghaiDay } from '../../shared/time.js';

export const PARCEL_TROUBLES = ['no_scan', 'returning', 'refused', 'misdelivered'] as const;
export type ParcelTrouble = (typeof PARCEL_TROUBLES)[number];

export interface TroubleFinding {
  trouble: ParcelTrouble;
  /** no_scan only: whole Shanghai calendar days from the last scan's day to today's. */
  silentDays?: number;
  /** no_scan only: the instant the days are counted from (the last scan, else the consign time). */
  lastScanAt?: string;
}

/** kuaidi100's 派件异常: the courier reports a delivery gone wrong, in practice a parcel left at the wrong door. */
const DELIVERY_FAILED = '204';
/** Couriers that file a wrong door under plain 疑难 say so in the scan itself. */
const WRONG_DOOR_WORDS = /误投|送错/;

/** Whole Shanghai calendar days between two instants' days (20th 23:00 → 23rd 09:00 is 3). */
export function shanghaiDaysBetween(from: number, to: number): number {
  return Math.round((startOfShanghaiDay(shanghaiDate(to)) - startOfShanghaiDay(shanghaiDate(from))) / DAY);
}

/**
 * The one reason a parcel needs a person now, or null. A state the courier reported (returning, refused, a failed
 * delivery) wins over silence: such a parcel is a problem to solve, not one to wait for.
 */
export function parcelTrouble(
  p: Pick<Parcel, 'state' | 'subState' | 'final' | 'events'>,
  shippedAt: string | null,
  now: number,
  stuckHours: number,
): TroubleFinding | null {
  if (p.state === 'returning') return { trouble: 'returning' };
  if (p.state === 'refused') return { trouble: 'refused' };
  if (
    p.state === 'problem' &&
    (p.subState === DELIVERY_FAILED || WRONG_DOOR_WORDS.test(p.events[0]?.description ?? ''))
  )
    return { trouble: 'misdelivered' };
  // A parcel signed for is not waiting for a scan, even while it is still watched (a 代签 one).
  if (p.final || p.state === 'signed') return null;
  const lastScanAt = p.events[0]?.at ?? shippedAt;
  if (!lastScanAt) return null;
  const last = parseInstant(lastScanAt);
  if (now - last < stuckHours * HOUR) return null;
  return { trouble: 'no_scan', silentDays: shanghaiDaysBetween(last, now), lastScanAt };
}

/** The buyer notice that fits each reason (one per order and kind, through the send policy). */
export const TROUBLE_NOTICE: Readonly<Record<ParcelTrouble, MessageKind>> = {
  no_scan: 'logistics-stuck',
  returning: 'logistics-returning',
  refused: 'logistics-refused',
  misdelivered: 'logistics-misdelivered',
};

/** The reason as staff read it in the follow-up's title (and the message's send log). */
export function troubleText(f: TroubleFinding): string {
  switch (f.trouble) {
    case 'no_scan':
      return `${f.silentDays}天无物流更新`;
    case 'returning':
      return `包裹${PARCEL_STATE_LABELS.returning}`;
    case 'refused':
      return '买家拒收';
    case 'misdelivered':
      return `${subStateNames()[DELIVERY_FAILED]}，可能送错了地方`;
  }
}

const p2 = (n: number) => String(n).padStart(2, '0');
const monthDayTime = (at: string) => {
  const p = shanghaiParts(parseInstant(at));
  return `${p.month}月${p.day}日 ${p2(p.hour)}:${p2(p.minute)}`;
};

/** The next step, from the handbook's after-sales rules (a wrong door not fixed by the next day is reshipped by SF). */
export function troubleNextStep(f: TroubleFinding, p: Pick<Parcel, 'events'>): string {
  switch (f.trouble) {
    case 'no_scan': {
      const where = p.events[0]?.location ? `，${p.events[0].location}` : '';
      // Without a scan the days count from the consign time, which is not a scan: say so.
      const since = !f.lastScanAt
        ? ''
        : p.events.length
          ? `最后一条物流：${monthDayTime(f.lastScanAt)}${where}。`
          : `${monthDayTime(f.lastScanAt)}发货后还没有物流记录。`;
      return `${since}联系快递查件、催派送，有进展告诉买家`;
    }
    case 'returning':
      return '联系快递问清退回原因，再问买家是否还要：要就重新发货，不要就等退回后登记售后';
    case 'refused':
      return '问买家拒收的原因，包裹退回后登记售后（退款或补发）';
    case 'misdelivered':
      return '联系快递尽快转送给买家；明天还没送到，就用顺丰给买家补发';
  }
}

/** The follow-up's title: courier (Chinese name; an unknown code as it is), waybill and reason. */
export function troubleTitle(f: TroubleFinding, p: Pick<Parcel, 'company' | 'waybill'>): string {
  return `${courierName(p.company) ?? p.company} ${p.waybill}：${troubleText(f)}`;
}
