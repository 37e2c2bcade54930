/**
 * A small shop for messaging tests: the golden fixed order (unpaid), a shipped order with a parcel
 * in transit, the real templates, a hand-moved clock and the messaging module over a store.
 */
import { createParcelRepository, type ParcelRepository } from '../../../src/logistics/parcel-repository.js';
import type { TrackingResult } from '../../../src/logistics/logistics-port.js';
import type { Order } from '../../../src/orders/order.js';
import { createOrderRepository, type OrderRepository } from '../../../src/orders/order-repository.js';
import { createMessagingModule, type MessagingConfigInput } from '../../../src/messaging/index.js';
import { loadTemplates, type TemplateSet } from '../../../src/messaging/templates/index.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { fixedClock, toInstant } from '../../../src/shared/time.js';
import { createMemoryStore } from '../../../src/storage/index.js';
import type { Store } from '../../../src/storage/store.js';
import { fixedOrder, TEMPLATES_DIR } from '../templates/fixtures.js';

/** A Monday morning in Shanghai (02:00 UTC, the previous evening in Los Angeles). */
export const NOW = '2026-11-23T10:00:00.000+08:00';
export const UNPAID_TID = '3912345678901234';
export const SHIPPED_TID = '3912345678905555';
export const BUYER = 'tb_lily2024';
export const SHIPPED_BUYER = 'tb_zhou88';

export function shippedOrder(over: Partial<Order> = {}): Order {
  const base = fixedOrder();
  return fixedOrder({
    tid: SHIPPED_TID,
    status: 'WAIT_BUYER_CONFIRM_GOODS',
    buyerNick: SHIPPED_BUYER,
    paidAt: '2026-11-21T09:00:00.000+08:00',
    consignedAt: '2026-11-21T16:00:00.000+08:00',
    payDeadlineAt: null,
    receiver: { ...base.receiver, name: '周强', mobile: '13900001111' },
    items: base.items.map((i) => ({
      ...i,
      status: 'WAIT_BUYER_CONFIRM_GOODS' as const,
      logisticsCompany: 'shunfeng',
      invoiceNo: 'SF1402023456789',
    })),
    ...over,
  });
}

export function tracking(state: TrackingResult['state'], over: Partial<TrackingResult> = {}): TrackingResult {
  return {
    company: 'shunfeng',
    waybill: 'SF1402023456789',
    state,
    subState: state === 'in_transit' ? '202' : null,
    checkedAt: '2026-11-23T09:00:00.000+08:00',
    events: [
      {
        at: '2026-11-21T20:00:00.000+08:00',
        description: '快件已到达【杭州转运中心】',
        location: '杭州',
        state: 'in_transit',
      },
    ],
    ...over,
  };
}

let templatesOnce: Promise<TemplateSet> | undefined;
export const templates = () => (templatesOnce ??= loadTemplates(TEMPLATES_DIR));

export interface World {
  store: Store;
  clock: ReturnType<typeof fixedClock>;
  orders: OrderRepository;
  parcels: ParcelRepository;
  module: ReturnType<typeof createMessagingModule>;
  /** A new module over the same store: what a restart after a crash builds. */
  restart(config?: MessagingConfigInput): ReturnType<typeof createMessagingModule>;
}

export async function world(
  opts: {
    store?: Store;
    config?: MessagingConfigInput;
    now?: string;
    seed?: boolean;
    sleep?: (ms: number) => Promise<void>;
  } = {},
): Promise<World> {
  const store = opts.store ?? createMemoryStore();
  const clock = fixedClock(opts.now ?? NOW);
  const orders = createOrderRepository(store);
  const parcels = createParcelRepository(store);
  if (opts.seed !== false) {
    await orders.upsertMany([fixedOrder(), shippedOrder()]);
    await parcels.save(SHIPPED_TID, tracking('in_transit'), toInstant(clock.now()));
  }
  const set = await templates();
  const build = (config: MessagingConfigInput = opts.config ?? {}) =>
    createMessagingModule({
      store,
      orders,
      parcels,
      templates: set,
      clock,
      logger: silentLogger(),
      config,
      shopName: '拾光衣橱',
      ...(opts.sleep ? { sleep: opts.sleep } : {}),
    });
  return { store, clock, orders, parcels, module: build(), restart: build };
}
