/**
 * A small shop for messaging tests: the golden fixed order (unpaid), a shipped order with a parcel
 * in transit, the real templates, a hand-moved clock and the messaging module over a store. The orders hold their
 * receivers as the platform hands them out (masked, with an oaid); the fake platform knows the plain numbers.
 */
import { createParcelRepository, type ParcelRepository } from '../../../src/logistics/parcel-repository.js';
import type { TrackingResult } from '../../../src/logistics/logistics-port.js';
import type { Order } from '../../../src/orders/order.js';
import { createOrderRepository, type OrderRepository } from '../../../src/orders/order-repository.js';
import { createMessagingModule, type MessagingConfigInput } from '../../../src/messaging/index.js';
import { loadTemplates, type TemplateSet } from '../../../src/messaging/templates/index.js';
import { silentLogger, type Logger } from '../../../src/shared/logger.js';
import { fixedClock, toInstant } from '../../../src/shared/time.js';
import { createMemoryStore } from '../../../src/storage/index.js';
import type { Store } from '../../../src/storage/store.js';
import { fixedOrder, TEMPLATES_DIR } from '../templates/fixtures.js';
import { fakeDecrypt, type FakeDecrypt } from './fake-decrypt.js';

/** A Monday morning in Shanghai (02:00 UTC, the previous evening in Los Angeles). */
export const NOW = '2026-11-23T10:00:00.000+08:00';
export const UNPAID_TID = '3912345678901234';
export const SHIPPED_TID = '3912345678905555';
export const BUYER = 'tb_lily2024';
export const SHIPPED_BUYER = 'tb_zhou88';
export const UNPAID_OAID = 'oaid-lily-3912345678901234';
export const SHIPPED_OAID = 'oaid-zhou-3912345678905555';
/** The buyers' plain numbers: only the (fake) platform knows them. */
export const UNPAID_MOBILE = '13812345678';
export const SHIPPED_MOBILE = '13900001111';

/** The receiver as the platform hands it out: the name's first character, 138****5678, the district then ****. */
export function maskedReceiver(o: Order, oaid: string): Order['receiver'] {
  const r = o.receiver;
  return {
    ...r,
    name: `${[...r.name][0] ?? ''}*`,
    mobile: r.mobile ? `${r.mobile.slice(0, 3)}****${r.mobile.slice(-4)}` : '',
    address: '****',
    oaid,
  };
}

/** The golden unpaid order as the store keeps it: masked receiver and its oaid. */
export const unpaidOrder = (over: Partial<Order> = {}): Order => {
  const o = fixedOrder(over);
  return { ...o, receiver: maskedReceiver(o, over.receiver?.oaid ?? UNPAID_OAID) };
};

export function shippedOrder(over: Partial<Order> = {}): Order {
  const base = fixedOrder();
  return fixedOrder({
    tid: SHIPPED_TID,
    status: 'WAIT_BUYER_CONFIRM_GOODS',
    buyerNick: SHIPPED_BUYER,
    paidAt: '2026-11-21T09:00:00.000+08:00',
    consignedAt: '2026-11-21T16:00:00.000+08:00',
    payDeadlineAt: null,
    receiver: maskedReceiver(
      { ...base, receiver: { ...base.receiver, name: '周强', mobile: SHIPPED_MOBILE } },
      SHIPPED_OAID,
    ),
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
  /** The platform's decrypt: the plain numbers of the seeded buyers, calls counted. */
  platform: FakeDecrypt;
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
    platform?: FakeDecrypt;
    /** What the module logs to (silent unless a test reads the lines). */
    logger?: Logger;
  } = {},
): Promise<World> {
  const platform =
    opts.platform ??
    fakeDecrypt({ [UNPAID_OAID]: { mobile: UNPAID_MOBILE }, [SHIPPED_OAID]: { mobile: SHIPPED_MOBILE } });
  const store = opts.store ?? createMemoryStore();
  const clock = fixedClock(opts.now ?? NOW);
  const orders = createOrderRepository(store);
  const parcels = createParcelRepository(store);
  if (opts.seed !== false) {
    await orders.upsertMany([unpaidOrder(), shippedOrder()]);
    await parcels.save(SHIPPED_TID, tracking('in_transit'), toInstant(clock.now()));
  }
  const set = await templates();
  const build = (config: MessagingConfigInput = opts.config ?? {}) =>
    createMessagingModule({
      store,
      orders,
      parcels,
      templates: set,
      platform,
      clock,
      logger: opts.logger ?? silentLogger(),
      config,
      shopName: '拾光衣橱',
      ...(opts.sleep ? { sleep: opts.sleep } : {}),
    });
  return { store, clock, orders, parcels, platform, module: build(), restart: build };
}
