/**
 * The platform's purpose for reading a buyer's phone (taobao.top.oaid.decrypt `scene`), one per message kind and only
 * here. The platform lets an app decrypt only for a declared purpose, and both of these return the mobile alone:
 * 2002 customer care (a reminder to pay, a greeting, a notice that the parcel left or arrived), 2001 after-sales
 * service (a bad review being repaired, a parcel in trouble, money back or a transfer the buyer made).
 */
import type { DecryptScene } from '../../platform/index.js';
import type { MessageKind } from '../templates/metadata.js';

export type MessageScene = Extract<DecryptScene, '2001' | '2002'>;
export const CUSTOMER_CARE: MessageScene = '2002';
export const AFTER_SALES: MessageScene = '2001';

export const DECRYPT_SCENE_BY_KIND: Readonly<Record<MessageKind, MessageScene>> = {
  'payment-reminder-first': CUSTOMER_CARE,
  'payment-reminder-last': CUSTOMER_CARE,
  birthday: CUSTOMER_CARE,
  'logistics-shipped': CUSTOMER_CARE,
  'logistics-delivered': CUSTOMER_CARE,
  'review-repair': AFTER_SALES,
  'logistics-stuck': AFTER_SALES,
  'logistics-misdelivered': AFTER_SALES,
  'logistics-returning': AFTER_SALES,
  'logistics-refused': AFTER_SALES,
  'refund-registered': AFTER_SALES,
  'transfer-received': AFTER_SALES,
  'transfer-not-found': AFTER_SALES,
};

/** A staff notice has no buyer; anything else is a buyer kind of the table above. */
export const sceneFor = (kind: string): MessageScene => DECRYPT_SCENE_BY_KIND[kind as MessageKind] ?? CUSTOMER_CARE;
