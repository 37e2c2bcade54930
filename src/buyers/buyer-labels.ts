/**
 * Every word a shop person reads about finding a buyer and the buyer page, in one place: the search's reasons, the
 * contact preferences a profile keeps, the kinds of line in a buyer's history and a profile's fields. GET /api/labels
 * serves them (buyerMatches, contactPreferences, buyerEvents, buyerProfileFields); the console keeps no copy. A
 * buyer's open problems are the handover's open items naming the buyer, named by the handover's own list.
 */

/** Why a buyer was found, in ranking order: an exact number first, then the nick, the receiver, the phone. */
export const MATCH_KINDS = ['tid', 'waybill', 'nick_prefix', 'nick_part', 'name', 'phone_tail'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];
export const MATCH_LABELS: Readonly<Record<MatchKind, string>> = {
  tid: '订单号',
  waybill: '运单号',
  nick_prefix: '昵称开头',
  nick_part: '昵称包含',
  name: '收货人',
  phone_tail: '手机尾号',
};

/** How the buyer wants to be reached (the caller's card): only by phone, or only in chat. */
export const CONTACT_PREFERENCES = ['phone_only', 'chat_only'] as const;
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number];
export const CONTACT_LABELS: Readonly<Record<ContactPreference, string>> = {
  phone_only: '仅电话',
  chat_only: '仅旺旺',
};

/** The kinds of line in the buyer's history, newest first. */
export const EVENT_KINDS = [
  'order',
  'remark',
  'message',
  'opt_out',
  'complaint',
  'revisit',
  'intent',
  'balance',
  'refund',
  'transfer',
  'note',
  'profile',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_LABELS: Readonly<Record<EventKind, string>> = {
  order: '下单',
  remark: '备注',
  message: '消息',
  opt_out: '退订',
  complaint: '买家投诉',
  revisit: '回访',
  intent: '购买意向',
  balance: '余额变动',
  refund: '退款登记',
  transfer: '汇款订单',
  note: '跟进记录',
  profile: '资料修改',
};

/** A profile's fields as the change history names them. */
export const PROFILE_FIELD_LABELS = {
  birthday: '生日',
  idNumber: '身份证号',
  preferredCourier: '偏好快递',
  contact: '联系方式',
  notes: '备注信息',
} as const;
