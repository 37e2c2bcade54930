/** "What the shift did": counts over the shift's window, one pass over each source. */
import { toInstant } from '../shared/time.js';
import type { MessageCounts } from './handover-ports.js';
import type { HandoverSources } from './handover-sources.js';

export interface StaffCount {
  username: string;
  staffName: string;
  count: number;
}

export interface ShiftActivity {
  ordersSynced: number;
  remarksByStaff: StaffCount[];
  salesByStaff: StaffCount[];
  messages: Record<string, MessageCounts>;
  transfersConfirmed: number;
  complaintsOpened: number;
  complaintsClosed: number;
}

const inWindow = (at: string, from: string, to: string) => at >= from && at < to;

function tally(map: Map<string, StaffCount>, username: string, staffName: string) {
  const row = map.get(username) ?? { username, staffName, count: 0 };
  row.count++;
  map.set(username, row);
}
const sorted = (m: Map<string, StaffCount>) =>
  [...m.values()].sort((a, b) => b.count - a.count || a.username.localeCompare(b.username));

export async function shiftActivity(
  src: HandoverSources,
  window: { start: number; end: number },
): Promise<ShiftActivity> {
  const from = toInstant(window.start);
  const to = toInstant(window.end);
  let ordersSynced = 0;
  for await (const run of src.syncRuns()) {
    if (run.kind === 'orders' && inWindow(run.startedAt, from, to)) ordersSynced += run.ordersNew + run.ordersChanged;
  }
  const remarks = new Map<string, StaffCount>();
  const sales = new Map<string, StaffCount>();
  for (const e of src.remarkEntries()) {
    if (e.status === 'failed' || !inWindow(e.at, from, to)) continue;
    tally(remarks, e.username, e.staff);
    if (e.kind === 'sale.record') tally(sales, e.username, e.staff);
  }
  let complaintsOpened = 0;
  let complaintsClosed = 0;
  for (const c of src.complaints.list()) {
    if (inWindow(c.openedAt, from, to)) complaintsOpened++;
    if (c.satisfaction && inWindow(c.satisfaction.at, from, to)) complaintsClosed++;
  }
  return {
    ordersSynced,
    remarksByStaff: sorted(remarks),
    salesByStaff: sorted(sales),
    messages: src.messages?.countsBetween(window.start, window.end) ?? {},
    transfersConfirmed: src.transfers?.confirmedBetween(window.start, window.end) ?? 0,
    complaintsOpened,
    complaintsClosed,
  };
}
