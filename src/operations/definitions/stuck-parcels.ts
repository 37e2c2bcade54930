/**
 * Stuck parcels at 10:00 and 16:00: a shipped parcel with no scan for 48 hours, one returning or refused, or one the
 * courier reports as delivered wrong (派件异常) becomes a follow-up for the staff who took the sale (their sale record
 * on the order; nobody if there is none) and the buyer notice that fits its reason, once per parcel and reason.
 * The reasons, titles and notices are in parcel-trouble.ts.
 */
import type { FollowUps } from '../../tasks/index.js';
import type { Parcel } from '../../logistics/index.js';
import type { Order } from '../../orders/index.js';
import type { Clock } from '../../shared/time.js';
import type { Job, JobSettings } from '../../scheduler/index.js';
import type { MessageSink } from '../../messaging/index.js';
import {
  parcelTrouble,
  TROUBLE_NOTICE,
  troubleNextStep,
  troubleText,
  troubleTitle,
  type TroubleFinding,
} from './parcel-trouble.js';

export { parcelTrouble, type ParcelTrouble } from './parcel-trouble.js';

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
  // noticesNeedValues: kept for a person to fill a missing value (messaging's needs_values), not refused.
  const counts = {
    no_scan: 0,
    returning: 0,
    refused: 0,
    misdelivered: 0,
    notices: 0,
    noticesRefused: 0,
    noticesNeedValues: 0,
  };
  const found: { parcel: Parcel; finding: TroubleFinding; id: string }[] = [];
  for (const parcel of deps.parcels()) {
    const order = deps.orderOf(parcel.tid);
    const finding = parcelTrouble(parcel, order?.consignedAt ?? null, now, deps.stuckHours);
    if (!finding) continue;
    const id = `parcel:${parcel.company}:${parcel.waybill}:${finding.trouble}`;
    if (!deps.followUps.has(id)) found.push({ parcel, finding, id });
  }
  for (const { parcel, finding, id } of found) {
    const buyerNick = deps.orderOf(parcel.tid)?.buyerNick ?? '';
    const staff = deps.takingStaff(parcel.tid);
    const [, created] = await deps.followUps.open({
      id,
      kind: 'stuck_parcel',
      tid: parcel.tid,
      buyerNick,
      title: troubleTitle(finding, parcel),
      detail: troubleNextStep(finding, parcel),
      owner: staff?.username ?? null,
      ownerName: staff?.name ?? null,
      shift: null,
    });
    if (!created) continue;
    counts[finding.trouble]++;
    if (!buyerNick) continue;
    const answer = await deps.sink.enqueue({
      kind: TROUBLE_NOTICE[finding.trouble],
      tid: parcel.tid,
      buyerNick,
      reason: troubleText(finding),
    });
    if (answer.queued) counts.notices++;
    else if (answer.reason === 'needs_values') counts.noticesNeedValues++;
    else counts.noticesRefused++;
  }
  return counts;
}

export function stuckParcelsJob(deps: StuckParcelDeps, settings: JobSettings): Job {
  return {
    name: 'stuck-parcels',
    ...settings,
    description: 'stuck, returning, refused and misdelivered parcels',
    run: () => checkStuckParcels(deps),
  };
}
