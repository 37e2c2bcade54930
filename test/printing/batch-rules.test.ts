/** The print-batch rules as pure functions: which batch a payment goes to, what holds an order, its courier. */
import { describe, expect, it } from 'vitest';
import { batchAfter, changeApplied, colourAndSize, courierOf, holdsOf } from '../../src/printing/batch-rules.js';
import { parseInstant } from '../../src/shared/time.js';
import { line, paidOrder } from './support.js';

const TIMES = ['12:00', '15:00', '17:00'];
const at = (text: string) => parseInstant(text);

describe('which batch a payment goes to', () => {
  it('when an order is paid before a batch time, then it goes to that batch; at the time itself, to the next', () => {
    expect(batchAfter(TIMES, at('2026-12-07T08:10'))).toEqual({ date: '2026-12-07', time: '12:00' });
    expect(batchAfter(TIMES, at('2026-12-07T11:59:59'))).toEqual({ date: '2026-12-07', time: '12:00' });
    expect(batchAfter(TIMES, at('2026-12-07T12:00'))).toEqual({ date: '2026-12-07', time: '15:00' });
    expect(batchAfter(TIMES, at('2026-12-07T16:59:59'))).toEqual({ date: '2026-12-07', time: '17:00' });
  });

  it('when an order is paid at or after the cut-off, then it goes to the next day’s first batch, across a year end', () => {
    expect(batchAfter(TIMES, at('2026-12-07T17:00'))).toEqual({ date: '2026-12-08', time: '12:00' });
    expect(batchAfter(TIMES, at('2026-12-07T23:59'))).toEqual({ date: '2026-12-08', time: '12:00' });
    expect(batchAfter(TIMES, at('2026-12-31T18:30'))).toEqual({ date: '2027-01-01', time: '12:00' });
  });

  it('when the shop configures other times, then the last one is the cut-off', () => {
    expect(batchAfter(['10:00', '16:30'], at('2026-12-07T16:00'))).toEqual({ date: '2026-12-07', time: '16:30' });
    expect(batchAfter(['10:00', '16:30'], at('2026-12-07T16:30'))).toEqual({ date: '2026-12-08', time: '10:00' });
  });

  it('when the instant is given in UTC, then the batch is still read in Shanghai time', () => {
    // 09:30 UTC is 17:30 in Shanghai: past the cut-off.
    expect(batchAfter(TIMES, at('2026-12-07T09:30:00Z'))).toEqual({ date: '2026-12-08', time: '12:00' });
  });
});

describe('what holds an order back', () => {
  const order = paidOrder('1', '10:00');
  it('when a remark says out of stock, cancelled, exchanged or awaiting money, then the order is held for that', () => {
    expect(holdsOf(order, [{ kind: 'oos.notify', fields: { via: '电话' } }])).toEqual(['out_of_stock']);
    expect(holdsOf(order, [{ kind: 'cancel.request', fields: {} }])).toEqual(['cancelled']);
    expect(holdsOf(order, [{ kind: 'exchange.request', fields: {} }])).toEqual(['cancelled']);
    expect(holdsOf(order, [{ kind: 'transfer.awaiting', fields: {} }])).toEqual(['awaiting_payment']);
    expect(holdsOf(order, [{ kind: 'exchange.diff_pending', fields: {} }])).toEqual(['awaiting_payment']);
    expect(
      holdsOf(order, [
        { kind: 'sale.record', fields: {} },
        { kind: 'price.ordinary', fields: {} },
      ]),
    ).toEqual([]);
  });

  // A receiver held in plain text (an order stored before the platform masked them) is compared in full.
  const plain = {
    ...order.receiver,
    ...{ name: '李莉莉', mobile: '13800138000', address: '文三路90号', oaid: undefined },
  };

  it('when an address change is recorded, then the order is held until its receiver shows the new address', () => {
    const change = { kind: 'address.change', fields: { field: 'address', value: '浙江省杭州市西湖区文三路100号' } };
    expect(holdsOf({ ...order, receiver: plain }, [change])).toEqual(['address_pending']);
    const moved = { ...order, receiver: { ...plain, address: '文三路100号' } };
    expect(holdsOf(moved, [change])).toEqual([]);
  });

  it('when a receiver or phone change is recorded, then it is applied once the order carries it, a masked phone by its digits', () => {
    expect(changeApplied(plain, { field: 'receiver', value: '王芳' })).toBe(false);
    expect(changeApplied({ ...plain, name: '王芳' }, { field: 'receiver', value: '王芳' })).toBe(true);
    expect(changeApplied(plain, { field: 'phone', value: '138****8000' })).toBe(true);
    expect(changeApplied(plain, { field: 'phone', value: '139****8000' })).toBe(false);
  });

  it('when the receiver is masked (李*, 138****8000, 西湖区****), then a change is applied only if the mask agrees with it', () => {
    const r = order.receiver;
    expect(changeApplied(r, { field: 'receiver', value: '王芳' })).toBe(false);
    expect(changeApplied({ ...r, name: '王*' }, { field: 'receiver', value: '王芳' })).toBe(true);
    expect(changeApplied(r, { field: 'phone', value: '13800008000' })).toBe(true);
    expect(changeApplied(r, { field: 'phone', value: '13900008000' })).toBe(false);
    expect(changeApplied(r, { field: 'phone', value: '13800001234' })).toBe(false);
    const toBinjiang = { kind: 'address.change', fields: { field: 'address', value: '浙江省杭州市滨江区江南大道1号' } };
    expect(holdsOf(order, [toBinjiang])).toEqual(['address_pending']);
    const moved = { ...order, receiver: { ...r, district: '滨江区', address: '滨江区****', oaid: 'oaid-1-2' } };
    expect(holdsOf(moved, [toBinjiang])).toEqual([]);
  });

  it('when the buyer asked for a refund on a line, then the order is held; a refund refused or closed holds nothing', () => {
    expect(holdsOf({ ...order, items: [line({ refundStatus: 'WAIT_SELLER_AGREE' })] }, [])).toEqual([
      'refund_requested',
    ]);
    expect(holdsOf({ ...order, items: [line({ refundStatus: 'CLOSED' })] }, [])).toEqual([]);
  });
});

describe('the courier and the lines', () => {
  it('when the memo names a courier by the house convention, then the last one named is the courier', () => {
    expect(courierOf({ sellerMemo: '小林；发圆通快递；库存未确认,确认后再发货' }, null)).toBe('yuantong');
    expect(courierOf({ sellerMemo: '发中通；顾客要求发顺丰，已补邮费差价 小林' }, 'yunda')).toBe('shunfeng');
  });

  it('when the memo names none, then the shop’s default courier, else none', () => {
    expect(courierOf({ sellerMemo: '不要放发票' }, 'zhongtong')).toBe('zhongtong');
    expect(courierOf({ sellerMemo: '' }, null)).toBe('');
  });

  it('when a line has colour and size (or shoe size), then both are read from its SKU', () => {
    expect(colourAndSize('颜色分类:黑色;尺码:XL')).toEqual({ colour: '黑色', size: 'XL' });
    expect(colourAndSize('颜色分类:白绿;鞋码:38')).toEqual({ colour: '白绿', size: '38' });
    expect(colourAndSize('')).toEqual({ colour: '', size: '' });
  });
});
