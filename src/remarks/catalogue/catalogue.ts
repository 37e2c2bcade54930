/** The whole catalogue in the spec's order: one entry per stable kind id. */
import { ADDRESS_KINDS } from './kinds-address.js';
import { CANCEL_EXCHANGE_KINDS } from './kinds-cancel-exchange.js';
import { PRICE_KINDS } from './kinds-price.js';
import { REFUND_BALANCE_KINDS } from './kinds-refund-balance.js';
import { type RemarkKind, type RemarkOrderState, REMARK_ORDER_STATES } from './types.js';

export const REMARK_KINDS: readonly RemarkKind[] = [
  ...PRICE_KINDS,
  ...ADDRESS_KINDS,
  ...REFUND_BALANCE_KINDS,
  ...CANCEL_EXCHANGE_KINDS,
];

const BY_ID = new Map(REMARK_KINDS.map((k) => [k.id, k]));

export const REMARK_KIND_IDS: readonly string[] = REMARK_KINDS.map((k) => k.id);

export function getRemarkKind(id: string): RemarkKind | undefined {
  return BY_ID.get(id);
}

/** The order states a kind can be written in. */
export function kindStates(kind: RemarkKind): RemarkOrderState[] {
  return REMARK_ORDER_STATES.filter((s) => kind.forms.some((f) => f.states.includes(s)));
}
