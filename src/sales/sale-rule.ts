/**
 * What counts as a sale for commission (提成) and whose it is, as pure rules over the order as the order
 * repository holds it. The shop's rule: a sale is an order the buyer paid that was neither closed nor refunded
 * in full; its amount is what the buyer paid less the lines refunded. Status and refunds are read as last
 * synced, so an order closed or refunded later drops out of its month the next time the report is read.
 */
import type { Order, TradeStatus } from '../orders/index.js';
import { splitMemo } from '../remarks/index.js';

/** Why an order with a sale record does not count: the console names these in Chinese. */
export type ExclusionReason = 'unpaid' | 'closed' | 'refunded';

export const EXCLUSION_LABELS: Readonly<Record<ExclusionReason, string>> = {
  unpaid: '未付款',
  closed: '交易已关闭',
  refunded: '已全额退款',
};

const UNPAID: ReadonlySet<TradeStatus> = new Set([
  'WAIT_BUYER_PAY',
  'TRADE_NO_CREATE_PAY',
  'PAY_PENDING',
  'WAIT_PRE_AUTH_CONFIRM',
]);
const CLOSED: ReadonlySet<TradeStatus> = new Set(['TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO']);
/** The platform's refund_status of a line whose money went back to the buyer. */
const REFUNDED = 'SUCCESS';

export type SaleAmount = { counts: true; amountFen: number } | { counts: false; reason: ExclusionReason };

export function saleAmount(o: Pick<Order, 'status' | 'paidAt' | 'payment' | 'items'>): SaleAmount {
  if (!o.paidAt || UNPAID.has(o.status)) return { counts: false, reason: 'unpaid' };
  if (CLOSED.has(o.status)) return { counts: false, reason: 'closed' };
  const refunded = o.items.filter((i) => i.refundStatus === REFUNDED);
  if (o.items.length > 0 && refunded.length === o.items.length) return { counts: false, reason: 'refunded' };
  // A partial refund takes back only its lines: the rest of the order is still a sale.
  const back = refunded.reduce((n, i) => n + i.payment, 0);
  return { counts: true, amountFen: Math.max(0, o.payment - back) };
}

/** The platform's green flag: the shop marks a closed sale with it (spec: remarks, flags). */
export const GREEN_FLAG = 3;

/** A person's name as staff type it: 1–4 Chinese characters (小林, 蕾) or a Latin name (Lily). */
const NAME = '[\\p{Script=Han}·]{1,4}|[A-Za-z][A-Za-z ]{1,11}';
const BARE = new RegExp(`^(${NAME})$`, 'u');
/** The house signature `小林/11.23`: on a green-flagged order the back office writes the sale this way too. */
const SIGNED = new RegExp(`^(${NAME})/[\\d.\\-]{3,10}$`, 'u');

/**
 * The name of the sale's staff member in a memo written in the platform's back office, by the shop's convention:
 * every closed sale gets the staff name as an entry of its own and a green flag (written together with other notes
 * the name comes first: `小林；发圆通快递；…`). A name the shop knows (an account's display name or a name the
 * keeper mapped) counts as a bare entry whatever the flag (a later red flag must not hide the sale); on a
 * green-flagged order the first name-like entry counts, known or not, also with a date (`小林/11.23`), so an
 * unknown name reaches the keeper. Without a green flag, `小丽/11.23` is the catalogue's plain signature (改价,
 * 复制) and is not read as a sale.
 */
export function memoSaleName(memo: string, flag: number, isKnown: (name: string) => boolean): string | null {
  const green = flag === GREEN_FLAG;
  let firstUnknown: string | null = null;
  for (const { text } of splitMemo(memo)) {
    const m = BARE.exec(text) ?? (green ? SIGNED.exec(text) : null);
    if (!m) continue;
    const name = m[1]!.trim();
    if (isKnown(name)) return name;
    if (green) firstUnknown ??= name;
  }
  return firstUnknown;
}
