/**
 * A transfer order as a role may see it. Staff take the order and the buyer's claim, and find an order again by
 * the buyer's nick, items and amount; the buyer's real name, the address and the payer's name are for the keeper,
 * who matches the bank and writes the waybill (the role table's `transfer.personal-data`). Masked the way an
 * order's receiver is masked for staff (orders/order-view.ts), with the same functions.
 */
import { may, type Role } from '../../accounts/index.js';
import { maskAddress, maskName, maskText } from '../../shared/mask.js';
import type { AuditEvent, TransferOrder } from './transfer-types.js';

export type TransferView = TransferOrder & { personalDataMasked: boolean };

export function transferView(t: TransferOrder, role: Role): TransferView {
  if (may(role, 'transfer.personal-data')) return { ...t, personalDataMasked: false };
  return {
    ...t,
    buyerName: t.buyerName === null ? null : maskName(t.buyerName),
    address: maskAddress(t.address),
    claims: t.claims.map((c) => ({ ...c, payerName: c.payerName === null ? null : maskName(c.payerName) })),
    personalDataMasked: true,
  };
}

/** Audit details are free text (a reason typed by the keeper may name a phone or an account): masked alike. */
export function auditView(events: AuditEvent[], role: Role): AuditEvent[] {
  return may(role, 'transfer.personal-data') ? events : events.map((e) => ({ ...e, detail: maskText(e.detail) }));
}
