/**
 * Orders for the buyer-desk tests: one per call, with the nick, receiver, phone and waybill a test needs. The receiver
 * is masked as the platform hands it out (issue 18: 王*, 139****5678, 0571-****2026, 西湖区****, with an oaid);
 * `plain` keeps it as typed, as an order stored before the platform masked receivers holds it.
 */
import type { Order } from '../../../src/orders/order.js';

const maskName = (n: string) => (n ? `${[...n][0]}*` : '');
function maskPhone(p: string): string {
  const landline = /^(0\d{2,3})-?(\d{7,8})$/.exec(p);
  if (landline) return `${landline[1]}-****${landline[2]!.slice(-4)}`;
  return p.length >= 11 ? `${p.slice(0, 3)}****${p.slice(-4)}` : p;
}

export function buyerOrder(o: {
  tid: string;
  nick: string;
  name?: string;
  mobile?: string;
  phone?: string;
  waybill?: string;
  createdAt?: string;
  modifiedAt?: string;
  plain?: boolean;
}): Order {
  const name = o.name ?? '李莉莉';
  const mobile = o.mobile ?? '13800138000';
  const phone = o.phone ?? '';
  const createdAt = o.createdAt ?? '2026-11-20T09:00:00.000+08:00';
  return {
    tid: o.tid,
    status: o.waybill ? 'WAIT_BUYER_CONFIRM_GOODS' : 'WAIT_SELLER_SEND_GOODS',
    type: 'fixed',
    buyerNick: o.nick,
    buyerMessage: '',
    createdAt,
    modifiedAt: o.modifiedAt ?? createdAt,
    paidAt: createdAt,
    consignedAt: null,
    endAt: null,
    payDeadlineAt: null,
    totalFee: 19900,
    payment: 19900,
    postFee: 0,
    discountFee: 0,
    receiver: {
      name: o.plain ? name : maskName(name),
      mobile: o.plain ? mobile : maskPhone(mobile),
      phone: o.plain ? phone : maskPhone(phone),
      state: '浙江省',
      city: '杭州市',
      district: '西湖区',
      town: '',
      address: o.plain ? '文三路1号' : '西湖区****',
      zip: '310000',
      country: '',
      ...(o.plain ? {} : { oaid: `oaid-${o.tid}` }),
    },
    items: [
      {
        oid: `${o.tid}-1`,
        numIid: '1',
        title: '羊毛开衫',
        outerIid: 'K100',
        skuId: '1',
        skuProperties: '颜色分类:黑色;尺码:M',
        price: 19900,
        num: 1,
        totalFee: 19900,
        payment: 19900,
        discountFee: 0,
        status: 'WAIT_SELLER_SEND_GOODS',
        refundStatus: '',
        refundId: '',
        logisticsCompany: o.waybill ? 'yuantong' : '',
        invoiceNo: o.waybill ?? '',
      },
    ],
    sellerMemo: '',
    sellerFlag: 0,
    buyerRated: false,
    sellerRated: false,
    shippingType: 'express',
  };
}
