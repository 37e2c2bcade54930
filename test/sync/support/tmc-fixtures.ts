import type { Order } from '../../../src/orders/index.js';
import type { TmcMessage } from '../../../src/platform/tmc/index.js';
import { toInstant } from '../../../src/shared/time.js';

/** The one trade the TMC unit tests follow, and the shop whose messages they are. */
export const TID = '3939393939393939393';
const SHOP = '拾光衣橱';

/** A receiver as the platform hands it out; only the name unless a test needs more. */
export const tmcReceiver = (over: Partial<Order['receiver']> = {}): Order['receiver'] => ({
  name: '林',
  mobile: '',
  phone: '',
  state: '',
  city: '',
  district: '',
  town: '',
  address: '',
  zip: '',
  country: '',
  ...over,
});

/** The stored order of TID: placed an hour before `t0`, paid 50 minutes before, waiting to ship, modified at `t0`. */
export const tmcOrder = (t0: number, over: Partial<Order> = {}): Order => ({
  tid: TID,
  status: 'WAIT_SELLER_SEND_GOODS',
  type: 'fixed',
  buyerNick: 'tb_小雨',
  buyerMessage: '',
  createdAt: toInstant(t0 - 3_600_000),
  modifiedAt: toInstant(t0),
  paidAt: toInstant(t0 - 3_000_000),
  consignedAt: null,
  endAt: null,
  payDeadlineAt: null,
  totalFee: 19900,
  payment: 19900,
  postFee: 0,
  discountFee: 0,
  receiver: tmcReceiver(),
  items: [],
  sellerMemo: '',
  sellerFlag: 0,
  buyerRated: false,
  sellerRated: false,
  shippingType: 'express',
  ...over,
});

let nextId = 2n ** 60n;
/** A pushed message, each with an id of its own (as the channel gives them). */
export const tmcMessage = (topic: string, content: string, time: number): TmcMessage => ({
  id: nextId++,
  topic,
  content,
  time,
  nick: SHOP,
  retried: 0,
});
