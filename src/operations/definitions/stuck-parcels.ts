/**
 * Stuck parcels at 10:00 and 16:00: a shipped parcel with no scan for 48 hours, or one returning or
 * refused, becomes a follow-up for the staff who took the sale (their sale record on the order; nobody
 * if there is none) and a logistics notice to the buyer, once per parcel and state.
 */
import type { FollowUps } from '../../tasks/index.js';
import { courierName, PARCEL_STATE_LABELS, type Parcel } from '../../logistics/index.js';
import type { Order } from '../../orders/index.js';
import { HOUR, type Clock } from '../../shared/time.js';
import type { Job, JobSettings } from '../../scheduler/index.js';
import type { MessageSink } from '../../messaging/index.js';

export type ParcelTrouble = 'no_scan' | 'returning' | 'refused';

const TROUBLE_TEXT: Record<ParcelTrouble, string> = {
  no_scan: '超过48小时无物流更新',
  returning: PARCEL_STATE_LABELS.returning,
  refused: '买家拒收',
};

export function parcelTrouble(
  p: Pick<Parcel, 'state' | 'final' | 'events'>,
  shippedAt: string | null,
  now: number,
  stuckHours: number,
): ParcelTrouble | null {
  if (p.state === 'returning') return 'returning';
  if (p.state === 'refused') return 'refused';
  if (p.final) return null;
  const lastScan = p.events[0]?.at ?? shippedAt;
  if (!lastScan) return null;
  return now - Date.parse(lastScan) >= stuckHours * HOUR ? 'no_scan' : null;
}

export interface TakingStaff {
  username: string;
  name: string;
}

export interface StuckParcelDeps {
  parcels: () => Iterable<Parcel>;
  orderOf: (tid: string) => Pick<Order, 'buyerNick' | 'consignedAt'> | undefined;
  /** Who wrote the order's sale record (销售记录), or null. */
  takingStaff: (tid: string) => TakingStaff | null;
  followUps: FollowUps;
  sink: Pick<MessageSink, 'enqueue'>;
  clock: Clock;
  stuckHours: number;
}

export async function checkStuckParcels(deps: StuckParcelDeps) {
  const now = deps.clock.now();
  const counts = { no_scan: 0, returning: 0, refused: 0, notices: 0, noticesRefused: 0 };
  const found: { parcel: Parcel; trouble: ParcelTrouble; id: string }[] = [];
  for (const parcel of deps.parcels()) {
    const order = deps.orderOf(parcel.tid);
    const trouble = parcelTrouble(parcel, order?.consignedAt ?? null, now, deps.stuckHours);
    if (!trouble) continue;
    const id = `parcel:${parcel.company}:${parcel.waybill}:${trouble}`;
    if (!deps.followUps.has(id)) found.push({ parcel, trouble, id });
  }
  for (const { parcel, trouble, id } of found) {
    const buyerNick = deps.orderOf(parcel.tid)?.buyerNick ?? '';
    const staff = deps.takingStaff(parcel.tid);
    const [, created] = await deps.followUps.open({
      id,
      kind: 'stuck_parcel',
      tid: parcel.tid,
      buyerNick,
      // Staff read 韵达快递, not yunda; a code the table lacks is shown as it is.
      title: `联系快递跟进 ${courierName(parcel.company) ?? parcel.company} ${parcel.waybill}`,
      detail: TROUBLE_TEXT[trouble],
      owner: staff?.username ?? null,
      ownerName: staff?.name ?? null,
      shift: null,
    });
    if (!created) continue;
    counts[trouble]++;
    if (!buyerNick) continue;
    const answer = await deps.sink.enqueue({
      kind: 'logistics-stuck',
      tid: parcel.tid,
      buyerNick,
      reason: TROUBLE_TEXT[trouble],
    });
    if (answer.queued) counts.notices++;
    else counts.noticesRefused++;
  }
  return counts;
}

export function stuckParcelsJob(deps: StuckParcelDeps, settings: JobSettings): Job {
  return {
    name: 'stuck-parcels',
    ...settings,
    description: 'stuck, returning and refused parcels',
    run: () => checkStuckParcels(deps),
  };
}
