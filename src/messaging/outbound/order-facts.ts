/**
 * What messaging reads about an order: the order, its newest parcel, the render context for a
 * template, and which receiver to decrypt for an SMS. Read-only; the repositories belong to their domains.
 */
import type { Parcel, ParcelRepository } from '../../logistics/index.js';
import type { Order, OrderRepository } from '../../orders/index.js';
import type { DecryptQuery } from '../../platform/index.js';
import { parseInstant } from '../../shared/time.js';
import {
  buildRenderContext,
  type BuyerProfile,
  type ParcelInput,
  type RenderContext,
  type TransferInput,
} from '../templates/index.js';

export interface OrderFactsDeps {
  orders: Pick<OrderRepository, 'get' | 'list'>;
  parcels: Pick<ParcelRepository, 'forOrder'>;
  shopName: string;
  /** The day's last print batch (config jobs.printBatches), for the shipping-time reply. */
  shipCutoff?: string;
}

export interface ContextRequest {
  tid?: string | null;
  buyerNick?: string;
  /** What the shop knows beyond the order (real name and gender make 王女士 possible). */
  buyer?: Omit<BuyerProfile, 'nick'>;
  transfer?: TransferInput;
  staffName: string;
}

export interface OrderFacts {
  order?: Order;
  parcels: Parcel[];
  context: RenderContext;
}

const lastSeen = (p: Parcel) =>
  Math.max(p.events[0] ? parseInstant(p.events[0].at) : 0, p.checkedAt ? parseInstant(p.checkedAt) : 0);

export function createOrderFacts(deps: OrderFactsDeps) {
  function parcelsOf(tid: string): Parcel[] {
    return [...deps.parcels.forOrder(tid)].sort((a, b) => lastSeen(b) - lastSeen(a));
  }

  /** Before tracking starts, the waybill on the order's items is all there is. */
  function parcelInput(order: Order, parcels: Parcel[]): ParcelInput | undefined {
    const newest = parcels[0];
    if (newest) return { company: newest.company, waybill: newest.waybill, state: newest.state, events: newest.events };
    const item = order.items.find((i) => i.invoiceNo);
    return item ? { company: item.logisticsCompany, waybill: item.invoiceNo } : undefined;
  }

  function facts(req: ContextRequest): OrderFacts {
    const order = req.tid ? deps.orders.get(req.tid) : undefined;
    const parcels = order ? parcelsOf(order.tid) : [];
    const nick = req.buyerNick ?? order?.buyerNick;
    const buyer: BuyerProfile | undefined = nick
      ? { nick, ...(order ? { phone: order.receiver.mobile } : {}), ...req.buyer }
      : undefined;
    const parcel = order ? parcelInput(order, parcels) : undefined;
    const context = buildRenderContext({
      ...(order ? { order } : {}),
      ...(buyer ? { buyer } : {}),
      ...(parcel ? { parcel } : {}),
      ...(req.transfer ? { transfer: req.transfer } : {}),
      staff: { displayName: req.staffName },
      shop: { name: deps.shopName, ...(deps.shipCutoff ? { shipCutoff: deps.shipCutoff } : {}) },
    });
    return { ...(order ? { order } : {}), parcels, context };
  }

  /**
   * What to decrypt for the buyer's mobile: the order's receiver and its oaid, else the newest order of that buyer that
   * has one (a greeting or a transfer notice is about a buyer, not an order). The store holds the masked receiver only.
   */
  function receiverOf(tid: string | null, nick: string): DecryptQuery | undefined {
    const order = tid ? deps.orders.get(tid) : undefined;
    if (order?.receiver.oaid) return { tid: order.tid, oaid: order.receiver.oaid };
    const { orders } = deps.orders.list({ buyerNick: nick }, { offset: 0, limit: 50 });
    const newest = orders.find((o) => o.buyerNick === nick && o.receiver.oaid);
    return newest?.receiver.oaid ? { tid: newest.tid, oaid: newest.receiver.oaid } : undefined;
  }

  return { facts, parcelsOf, receiverOf };
}

export type OrderFactsSource = ReturnType<typeof createOrderFacts>;
