import { may, type Role } from '../accounts/index.js';
import { courierName, type Parcel } from '../logistics/index.js';
import { formatYuanFixed } from '../shared/money.js';
import { maskAsPlatform } from '../shared/mask.js';
import type { StoredOrder } from './order-repository.js';
import type { Receiver } from './order.js';

const UNPAID = new Set(['WAIT_BUYER_PAY', 'TRADE_NO_CREATE_PAY', 'PAY_PENDING']);
const SHIPPED = new Set(['SELLER_CONSIGNED_PART', 'WAIT_BUYER_CONFIRM_GOODS', 'TRADE_BUYER_SIGNED', 'TRADE_FINISHED']);

/**
 * As the platform hands it out (a stored receiver already is; one kept plain from before is masked the same way): the
 * town stays, as the platform sends it, since staff read it to tell a parcel's area and it names no one.
 */
export function maskReceiver(r: Receiver): Receiver {
  return maskAsPlatform(r);
}

const yuan = (fen: number) => formatYuanFixed(fen);

export function orderSummaryView(o: StoredOrder) {
  return {
    tid: o.tid,
    status: o.status,
    paid: !UNPAID.has(o.status) && !o.status.startsWith('TRADE_CLOSED'),
    shipped: SHIPPED.has(o.status),
    buyerNick: o.buyerNick,
    createdAt: o.createdAt,
    modifiedAt: o.modifiedAt,
    payment: o.payment,
    paymentYuan: yuan(o.payment),
    itemCount: o.items.reduce((n, i) => n + i.num, 0),
    title: o.items[0]?.title ?? '',
    sellerFlag: o.sellerFlag,
    sellerMemo: o.sellerMemo,
    waybills: [
      ...new Set(
        o.items
          .filter((i) => i.invoiceNo)
          .map((i) => `${courierName(i.logisticsCompany) ?? i.logisticsCompany} ${i.invoiceNo}`),
      ),
    ],
    receiverCity: `${o.receiver.state}${o.receiver.city}`,
  };
}

export function orderDetailView(o: StoredOrder, parcels: Parcel[], role: Role) {
  return {
    ...o,
    // Masked for every role: the roles of `order.receiver` reveal it by its own logged action (src/privacy), which
    // the page offers them in place of the masked lines.
    receiver: maskReceiver(o.receiver),
    receiverMasked: true,
    receiverRevealable: may(role, 'order.receiver'),
    paymentYuan: yuan(o.payment),
    totalFeeYuan: yuan(o.totalFee),
    postFeeYuan: yuan(o.postFee),
    discountFeeYuan: yuan(o.discountFee),
    items: o.items.map((i) => ({
      ...i,
      priceYuan: yuan(i.price),
      paymentYuan: yuan(i.payment),
      totalFeeYuan: yuan(i.totalFee),
    })),
    paid: !UNPAID.has(o.status) && !o.status.startsWith('TRADE_CLOSED'),
    shipped: SHIPPED.has(o.status),
    logistics: parcels.map((p) => ({
      company: p.company,
      waybill: p.waybill,
      state: p.state,
      subState: p.subState,
      checkedAt: p.checkedAt,
      events: p.events,
    })),
  };
}
