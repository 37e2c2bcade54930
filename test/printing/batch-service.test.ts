/**
 * The print batches of a shop's day over a memory store: what enters a batch (paid before its time, not printed, not
 * held, in no other batch), the cut-off, the next day, the address warning, and "printed" writing once per order.
 */
import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../src/printing/index.js';
import { DAY, NEXT_DAY, XIAOLI, paidOrder, printingRig } from './support.js';

const tids = (orders: EntryView[]) => orders.map((o) => o.tid).sort();
const allOf = (v: { groups: { orders: EntryView[] }[] }) => v.groups.flatMap((g) => g.orders);

describe('what enters a print batch', () => {
  const OOS = '此款无货+不要打单,已电话通知买家申请退款+小丽/12.07';
  const orders = () => [
    paidOrder('101', '09:00'),
    paidOrder('102', '11:59', { sellerMemo: '小林；发圆通快递' }),
    paidOrder('103', '12:00'),
    paidOrder('104', '10:00', { sellerMemo: '12.06' }),
    paidOrder('105', '10:30', { sellerMemo: OOS }),
    paidOrder('106', '08:00', { status: 'WAIT_BUYER_PAY', paidAt: null }),
    paidOrder('107', '2026-12-06T17:20:00.000+08:00'),
  ];

  it('when the 12:00 job runs, then the batch holds the orders paid before 12:00 that are not printed or held, by courier', async () => {
    const rig = printingRig(orders(), `${DAY}T12:00`);
    expect(await rig.service.build({ date: DAY, time: '12:00' })).toEqual({ orders: 3, added: 3, held: 1 });
    const v = rig.service.view({ date: DAY, time: '12:00' });
    // 103 (paid at 12:00) waits for 15:00; 104 is printed (a bare date in its memo); 105 is out of stock; 106 unpaid;
    // 107, paid after yesterday's cut-off, is in today's first batch.
    expect(tids(allOf(v))).toEqual(['101', '102', '107']);
    expect(v.groups.map((g) => [g.courier, tids(g.orders)])).toEqual([
      ['', ['101', '107']],
      ['yuantong', ['102']],
    ]);
    expect(v.counts).toMatchObject({ to_print: 3, printed: 0, held: 0 });
    expect(tids(rig.service.view({ date: DAY, time: '15:00' }).groups.flatMap((g) => g.orders))).toEqual(['103']);
  });

  it('when an order is paid after the cut-off, then it is not in the day’s last batch but in the next day’s first', async () => {
    const rig = printingRig([paidOrder('201', '16:10'), paidOrder('202', '17:30')], `${DAY}T17:00`);
    await rig.service.build({ date: DAY, time: '17:00' });
    rig.clock.set(`${DAY}T18:00`);
    expect(tids(allOf(rig.service.view({ date: DAY, time: '17:00' })))).toEqual(['201']);
    const tomorrow = rig.service.view({ date: NEXT_DAY, time: '12:00' });
    expect(tomorrow.next).toBe(true);
    expect(tids(allOf(tomorrow))).toEqual(['202']);
    expect(allOf(tomorrow)[0]!.inBatch).toBe(false);
  });

  it('when an order held at 12:00 is freed later, then it enters the next batch, not the one that left it out', async () => {
    const rig = printingRig([paidOrder('301', '09:00', { sellerMemo: OOS })], `${DAY}T12:00`);
    await rig.service.build({ date: DAY, time: '12:00' });
    expect(rig.service.view({ date: DAY, time: '15:00' }).held.map((o) => [o.tid, o.holds])).toEqual([
      ['301', ['out_of_stock']],
    ]);
    rig.update('301', { sellerMemo: '' });
    rig.clock.set(`${DAY}T15:00`);
    await rig.service.build({ date: DAY, time: '15:00' });
    expect(tids(allOf(rig.service.view({ date: DAY, time: '12:00' })))).toEqual([]);
    expect(tids(allOf(rig.service.view({ date: DAY, time: '15:00' })))).toEqual(['301']);
  });

  it('when the receiver changes after the order entered the batch, then the batch warns about that order only', async () => {
    const rig = printingRig([paidOrder('401', '09:00'), paidOrder('402', '09:30')], `${DAY}T12:00`);
    await rig.service.build({ date: DAY, time: '12:00' });
    const moved = paidOrder('401', '09:00');
    rig.update('401', {
      receiver: { ...moved.receiver, district: '滨江区', address: '滨江区****', oaid: 'oaid-401-2' },
    });
    const v = rig.service.view({ date: DAY, time: '12:00' });
    expect(allOf(v).map((o) => [o.tid, o.warnings])).toEqual([
      ['401', ['address_changed']],
      ['402', []],
    ]);
    expect(v.counts.warnings).toBe(1);
  });

  it('when only the oaid changes (a new street in the same district: the mask shows the same), then the batch warns', async () => {
    const rig = printingRig([paidOrder('403', '09:00'), paidOrder('404', '09:30')], `${DAY}T12:00`);
    await rig.service.build({ date: DAY, time: '12:00' });
    rig.update('403', { receiver: { ...paidOrder('403', '09:00').receiver, oaid: 'oaid-403-2' } });
    // The same receiver read again (same oaid) is no change.
    rig.update('404', { receiver: { ...paidOrder('404', '09:30').receiver } });
    const v = rig.service.view({ date: DAY, time: '12:00' });
    expect(allOf(v).map((o) => [o.tid, o.warnings])).toEqual([
      ['403', ['address_changed']],
      ['404', []],
    ]);
  });
});

describe('printed', () => {
  it('when 已打印 is pressed twice, then each order gets the print remark once and the second press writes nothing', async () => {
    const rig = printingRig([paidOrder('501', '09:00'), paidOrder('502', '10:00')], `${DAY}T12:00`);
    await rig.service.build({ date: DAY, time: '12:00' });
    const first = await rig.service.markPrinted({ date: DAY, time: '12:00' }, XIAOLI);
    expect(first.results).toEqual([
      { tid: '501', outcome: 'written' },
      { tid: '502', outcome: 'written' },
    ]);
    const [again, twice] = await Promise.all([
      rig.service.markPrinted({ date: DAY, time: '12:00' }, XIAOLI),
      rig.service.markPrinted({ date: DAY, time: '12:00' }, { ...XIAOLI, username: 'xiaolin', displayName: '小林' }),
    ]);
    expect(again.results.map((r) => r.outcome)).toEqual(['printed', 'printed']);
    expect(twice.results.map((r) => r.outcome)).toEqual(['printed', 'printed']);
    expect(rig.writes).toEqual({ '501': 1, '502': 1 });
    expect(rig.service.view({ date: DAY, time: '12:00' }).counts).toMatchObject({ to_print: 0, printed: 2 });
  });

  it('when an order got a blocking remark after entering the batch, then printed skips it and says why', async () => {
    const rig = printingRig([paidOrder('601', '09:00'), paidOrder('602', '09:00')], `${DAY}T12:00`);
    await rig.service.build({ date: DAY, time: '12:00' });
    rig.update('602', { sellerMemo: '买家不要,申请退款+已提交小周上架+小丽/12.07' });
    const r = await rig.service.markPrinted({ date: DAY, time: '12:00' }, XIAOLI);
    expect(r.results).toEqual([
      { tid: '601', outcome: 'written' },
      { tid: '602', outcome: 'held' },
    ]);
    expect(rig.writes).toEqual({ '601': 1 });
  });

  it('when the next batch is printed before its time, then only the orders named are written; a later batch is refused', async () => {
    const rig = printingRig([paidOrder('701', '09:00'), paidOrder('702', '09:10')], `${DAY}T11:30`);
    const r = await rig.service.markPrinted({ date: DAY, time: '12:00' }, XIAOLI, ['701']);
    expect(r.results).toEqual([{ tid: '701', outcome: 'written' }]);
    expect(rig.writes).toEqual({ '701': 1 });
    await expect(rig.service.markPrinted({ date: DAY, time: '15:00' }, XIAOLI)).rejects.toMatchObject({
      code: 'batch_not_due',
    });
  });
});
