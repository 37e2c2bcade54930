/**
 * What a template can read. Built from the domain types by `buildRenderContext`; a template's
 * variable `source` must be one of CONTEXT_PATHS, which the loader checks at start-up.
 * Only display-safe data is here: the buyer's phone is masked and no address is exposed.
 */
import type { Order } from '../../orders/index.js';
import type { ParcelState, TrackingEvent } from '../../logistics/index.js';
import { maskOnce, maskPhone } from '../../shared/mask.js';
import { courierName, parcelStateText, tradeStatusText } from './display-names.js';

export interface ItemView {
  title: string;
  sku: string;
  outerIid: string;
  num: number;
}

export interface OrderView {
  tid: string;
  status: string;
  statusText: string;
  /** +08:00 instants, formatted by the date/time helpers. */
  createdAt: string;
  paidAt?: string;
  payDeadlineAt?: string;
  /** fen */
  payment: number;
  totalFee: number;
  postFee: number;
  items: ItemView[];
  /** 'T恤（白色/M）×2、帆布鞋 ×1' */
  itemSummary: string;
  /** One title, or 'T恤等3件商品' when there are several. */
  itemBrief: string;
  itemCount: number;
}

export interface BuyerView {
  nick: string;
  honorificName?: string;
  maskedPhone?: string;
}
export interface StaffView {
  displayName: string;
}
export interface ShopView {
  name: string;
  /**
   * The day's last print batch, HH:mm Asia/Shanghai (config jobs.printBatches): paid before it ships today, after it
   * the next day. The shipping-time reply reads it here, so it never says a time of its own.
   */
  shipCutoff?: string;
}
export interface ParcelView {
  company: string;
  companyName: string;
  waybill: string;
  state?: ParcelState;
  stateText?: string;
  lastEvent?: { at: string; description: string; location: string };
}
export interface TransferView {
  amount: number;
  reference: string;
  claimedAt?: string;
}

export interface RenderContext {
  order?: OrderView;
  buyer?: BuyerView;
  staff: StaffView;
  shop: ShopView;
  parcel?: ParcelView;
  transfer?: TransferView;
}

/** Every path a template variable may name as its source ([] marks the elements of a list, for #each). */
export const CONTEXT_PATHS: ReadonlySet<string> = new Set([
  'order',
  'order.tid',
  'order.status',
  'order.statusText',
  'order.createdAt',
  'order.paidAt',
  'order.payDeadlineAt',
  'order.payment',
  'order.totalFee',
  'order.postFee',
  'order.items',
  'order.items[]',
  'order.items[].title',
  'order.items[].sku',
  'order.items[].outerIid',
  'order.items[].num',
  'order.itemSummary',
  'order.itemBrief',
  'order.itemCount',
  'buyer',
  'buyer.nick',
  'buyer.honorificName',
  'buyer.maskedPhone',
  'staff',
  'staff.displayName',
  'shop',
  'shop.name',
  'shop.shipCutoff',
  'parcel',
  'parcel.company',
  'parcel.companyName',
  'parcel.waybill',
  'parcel.state',
  'parcel.stateText',
  'parcel.lastEvent',
  'parcel.lastEvent.at',
  'parcel.lastEvent.description',
  'parcel.lastEvent.location',
  'transfer',
  'transfer.amount',
  'transfer.reference',
  'transfer.claimedAt',
]);

/** A buyer as the shop knows them; the real name and gender only make a 王女士-style greeting possible. */
export interface BuyerProfile {
  nick: string;
  realName?: string;
  gender?: 'male' | 'female';
  phone?: string;
}
/** A TrackingResult fits; before tracking starts only company and waybill are known. */
export interface ParcelInput {
  company: string;
  waybill: string;
  state?: ParcelState;
  events?: readonly TrackingEvent[];
}
/** A bank-transfer claim: amount in fen, the reference the buyer was given, when the buyer said they paid. */
export interface TransferInput {
  amount: number;
  reference: string;
  claimedAt?: string;
}

export interface RenderContextInput {
  order?: Order;
  buyer?: BuyerProfile;
  staff: StaffView;
  shop: ShopView;
  parcel?: ParcelInput;
  transfer?: TransferInput;
}

export function buildRenderContext(input: RenderContextInput): RenderContext {
  const { name, shipCutoff } = input.shop;
  const shop: ShopView = { name, ...(shipCutoff ? { shipCutoff } : {}) };
  const ctx: RenderContext = { staff: { displayName: input.staff.displayName }, shop };
  if (input.order) ctx.order = orderView(input.order);
  const buyer =
    input.buyer ?? (input.order ? { nick: input.order.buyerNick, phone: input.order.receiver.mobile } : undefined);
  if (buyer) ctx.buyer = buyerView(buyer);
  if (input.parcel) ctx.parcel = parcelView(input.parcel);
  if (input.transfer) ctx.transfer = { ...input.transfer };
  return ctx;
}

function orderView(o: Order): OrderView {
  const items = o.items.map((i) => ({
    title: i.title,
    sku: skuText(i.skuProperties),
    outerIid: i.outerIid,
    num: i.num,
  }));
  const count = items.reduce((n, i) => n + i.num, 0);
  const first = items[0]?.title ?? '';
  return {
    tid: o.tid,
    status: o.status,
    statusText: tradeStatusText(o.status),
    createdAt: o.createdAt,
    ...(o.paidAt ? { paidAt: o.paidAt } : {}),
    ...(o.payDeadlineAt ? { payDeadlineAt: o.payDeadlineAt } : {}),
    payment: o.payment,
    totalFee: o.totalFee,
    postFee: o.postFee,
    items,
    itemSummary: items.map((i) => `${i.title}${i.sku ? `（${i.sku}）` : ''}×${i.num}`).join('、'),
    itemBrief: items.length > 1 ? `${first}等${count}件商品` : first,
    itemCount: count,
  };
}

/** '颜色分类:白色;尺码:M' → '白色/M' (buyers know the values, not the property names). */
export function skuText(skuProperties: string): string {
  return skuProperties
    .split(';')
    .map((p) => p.slice(p.indexOf(':') + 1).trim())
    .filter(Boolean)
    .join('/');
}

const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '夏侯',
  '令狐',
  '宇文',
  '司徒',
  '端木',
  '南宫',
];

/** A phone as it may be shown or kept: the platform hands receivers out masked already (138****5678), kept as is. */
export const maskedPhone = (phone: string): string => maskOnce(phone, maskPhone);

function buyerView(b: BuyerProfile): BuyerView {
  const view: BuyerView = { nick: b.nick };
  const name = b.realName?.trim();
  if (name && b.gender) {
    const surname = COMPOUND_SURNAMES.find((s) => name.startsWith(s) && name.length > s.length) ?? [...name][0]!;
    view.honorificName = `${surname}${b.gender === 'male' ? '先生' : '女士'}`;
  }
  const masked = b.phone ? maskedPhone(b.phone) : '';
  if (masked) view.maskedPhone = masked;
  return view;
}

function parcelView(p: ParcelInput): ParcelView {
  const view: ParcelView = { company: p.company, companyName: courierName(p.company), waybill: p.waybill };
  if (p.state) {
    view.state = p.state;
    view.stateText = parcelStateText(p.state);
  }
  const last = p.events?.[0];
  if (last) view.lastEvent = { at: last.at, description: last.description, location: last.location };
  return view;
}
