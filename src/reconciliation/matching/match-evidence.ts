import type { StatementRow } from '../statement/statement-types.js';
import type { Claim, OpenTransfer } from './matching-types.js';
import { daysBetween, withinCreationWindow } from './match-window.js';
import { normalizeName, type Payer } from './payer-names.js';
import type { TransferLookup } from './transfer-lookup.js';

/**
 * Why a credit's payer is consistent with an order, or null. Only a named, non-intermediary payer counts:
 * the buyer themself inside the window after the order was created, or the payer the buyer's claim names
 * (same amount, claim date within the window). A family member or a company account is evidence only when
 * the buyer's claim names them.
 */
export function consistentClaim(row: StatementRow, payer: Payer, claims: readonly Claim[], buyerName: string | null | undefined, windowDays: number): Claim | null {
  if (!payer.name || payer.intermediary) return null;
  for (const c of claims) {
    if (c.amountFen !== row.amountFen) continue;
    if (Math.abs(daysBetween(c.date, row.date)) > windowDays) continue;
    const claimedPayer = normalizeName(c.payerName) || normalizeName(buyerName);
    if (claimedPayer && claimedPayer === payer.name) return c;
  }
  return null;
}

function describeClaim(c: Claim): string {
  return `与买家 ${c.date} 的汇款申报一致（${c.method}，付款人相同）/ consistent with the buyer's claim of ${c.date} (${c.method}, same payer)`;
}

export function singleEvidence(row: StatementRow, payer: Payer, t: OpenTransfer, lookup: TransferLookup, windowDays: number): string | null {
  if (!payer.name || payer.intermediary) return null;
  const viaClaim = consistentClaim(row, payer, lookup.claimsOf(t.id), t.buyerName, windowDays);
  if (viaClaim) return describeClaim(viaClaim);
  if (normalizeName(t.buyerName) === payer.name && withinCreationWindow(row.date, t.createdAt, windowDays)) {
    return `付款人即买家本人，且在下单后 ${windowDays} 天内 / the payer is the buyer, within ${windowDays} days of the order`;
  }
  return null;
}

/** Evidence that one credit pays these orders of one buyer together. */
export function combinedEvidence(row: StatementRow, payer: Payer, orders: readonly OpenTransfer[], lookup: TransferLookup, windowDays: number): string | null {
  if (!payer.name || payer.intermediary) return null;
  for (const t of orders) {
    const viaClaim = consistentClaim(row, payer, lookup.claimsOf(t.id), t.buyerName, windowDays);
    if (viaClaim) return describeClaim(viaClaim);
  }
  const allBuyer = orders.every((t) => normalizeName(t.buyerName) === payer.name && withinCreationWindow(row.date, t.createdAt, windowDays));
  return allBuyer ? `付款人即买家本人 / the payer is the buyer` : null;
}
