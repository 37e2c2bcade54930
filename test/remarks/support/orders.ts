/** Orders for the remark tests, in the three states the catalogue knows. */
import type { Order, TradeStatus } from '../../../src/orders/order.js';

export const BUYER = '毛毛雨920402';

export function makeOrder(o: {
  tid: string;
  status?: TradeStatus;
  buyerNick?: string;
  payment?: number;
  sellerMemo?: string;
  sellerFlag?: number;
}): Order {
  const status = o.status ?? 'WAIT_SELLER_SEND_GOODS';
  const paid = status !== 'WAIT_BUYER_PAY';
  return {
    tid: o.tid,
    status,
    type: 'fixed',
    buyerNick: o.buyerNick ?? BUYER,
    buyerMessage: '',
    createdAt: '2026-11-22T09:00:00.000+08:00',
    modifiedAt: '2026-11-22T09:30:00.000+08:00',
    paidAt: paid ? '2026-11-22T09:05:00.000+08:00' : null,
    consignedAt: null,
    endAt: null,
    payDeadlineAt: null,
    totalFee: o.payment ?? 12800,
    payment: o.payment ?? 12800,
    postFee: 0,
    discountFee: 0,
    receiver: {
      name: '李莉莉',
      mobile: '13800138000',
      phone: '',
      state: '浙江省',
      city: '杭州市',
      district: '西湖区',
      town: '',
      address: '文三路1号',
      zip: '310000',
      country: '',
    },
    items: [],
    sellerMemo: o.sellerMemo ?? '',
    sellerFlag: o.sellerFlag ?? 0,
    buyerRated: false,
    sellerRated: false,
    shippingType: 'express',
  };
}

/**
 * 2001 paid not printed, 2002 printed (a print remark from yesterday), 2003 unpaid, 2004 a second order of the same
 * buyer.
 */
export function seedOrders(): Order[] {
  return [
    makeOrder({ tid: '2001' }),
    makeOrder({ tid: '2002', sellerMemo: '11.22' }),
    makeOrder({ tid: '2003', status: 'WAIT_BUYER_PAY' }),
    makeOrder({ tid: '2004', payment: 5050 }),
  ];
}
