/**
 * An order a platform message showed before its lines and receiver were read (sync's deferred details, issue 19)
 * never enters a print batch without them: the batch reads the pending orders first, and one whose read fails is
 * held with its reason (from /api/labels' printing.holds) and goes to a later batch.
 */
import { describe, expect, it } from 'vitest';
import type { Order } from '../../src/orders/order.js';
import type { EntryView } from '../../src/printing/index.js';
import { HOLD_LABELS } from '../../src/printing/index.js';
import { DAY, paidOrder, printingRig } from './support.js';

const allOf = (v: { groups: { orders: EntryView[] }[] }) => v.groups.flatMap((g) => g.orders);
const EMPTY_RECEIVER = {
  ...{ name: '', mobile: '', phone: '', state: '', city: '', district: '', town: '', address: '', zip: '' },
  country: '',
};

/** As TradeCreate + TradeBuyerPay leave it: paid, no lines, no receiver; its details still to read. */
function shownFromMessages(tid: string, paid: string): Order {
  return paidOrder(tid, paid, { items: [], receiver: EMPTY_RECEIVER });
}

describe('a print batch and an order whose details are still being read', () => {
  it('when the 12:00 job runs while an order paid seconds ago waits for its lines, then it reads them first and lists the order with them', async () => {
    const pending = new Set(['301']);
    let reads = 0;
    const full = paidOrder('301', `${DAY}T11:59:50.000+08:00`);
    const rig = printingRig(
      [paidOrder('300', '09:00'), shownFromMessages('301', `${DAY}T11:59:50.000+08:00`)],
      `${DAY}T12:00`,
      undefined,
      {
        pending: (tid) => pending.has(tid),
        async readAll() {
          reads++;
          rig.update('301', full);
          pending.delete('301');
        },
      },
    );
    expect(await rig.service.build({ date: DAY, time: '12:00' })).toEqual({ orders: 2, added: 2, held: 0 });
    expect(reads).toBe(1);
    const entry = allOf(rig.service.view({ date: DAY, time: '12:00' })).find((e) => e.tid === '301')!;
    expect(entry.state).toBe('to_print');
    expect(entry.lines).toHaveLength(1);
    expect(entry.lines[0]).toMatchObject({ outerIid: 'A1008', colour: '白色', size: 'M', num: 1 });
  });

  it('when its read fails, then the order is held with its reason and enters no batch without lines; the next batch takes it once read', async () => {
    const pending = new Set(['302']);
    const rig = printingRig(
      [paidOrder('300', '09:00'), shownFromMessages('302', `${DAY}T11:59:50.000+08:00`)],
      `${DAY}T12:00`,
      undefined,
      { pending: (tid) => pending.has(tid), readAll: async () => undefined },
    );
    expect(await rig.service.build({ date: DAY, time: '12:00' })).toEqual({ orders: 1, added: 1, held: 1 });
    expect(allOf(rig.service.view({ date: DAY, time: '12:00' })).map((e) => e.tid)).toEqual(['300']);
    // The next batch, before its time, shows it held and why.
    const next = rig.service.view({ date: DAY, time: '15:00' });
    expect(next.held.map((h) => [h.tid, h.holds])).toEqual([['302', ['details_pending']]]);
    expect(HOLD_LABELS.details_pending).toBe('商品和收货信息还在从平台读取');

    rig.update('302', paidOrder('302', `${DAY}T11:59:50.000+08:00`));
    pending.delete('302');
    rig.clock.set(`${DAY}T15:00`);
    await rig.service.build({ date: DAY, time: '15:00' });
    const later = allOf(rig.service.view({ date: DAY, time: '15:00' })).find((e) => e.tid === '302')!;
    expect(later.state).toBe('to_print');
    expect(later.lines).toHaveLength(1);
  });

  it('when nothing waits for its details, then a batch reads nothing', async () => {
    let reads = 0;
    const rig = printingRig([paidOrder('300', '09:00')], `${DAY}T12:00`, undefined, {
      pending: () => false,
      readAll: async () => void reads++,
    });
    await rig.service.build({ date: DAY, time: '12:00' });
    expect(reads).toBe(0);
  });
});
