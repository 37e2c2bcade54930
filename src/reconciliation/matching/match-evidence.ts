import type { CandidateContext } from './candidate-context.js';
import { withinCreationWindow } from './match-window.js';
import type { PreparedClaim, PreparedTransfer } from './transfer-lookup.js';

type Evidence = Pick<CandidateContext, 'row' | 'rowDay' | 'payer' | 'lookup' | 'windowDays'>;

/**
 * Why a credit's payer is consistent with an order, or null. Only a named, non-intermediary payer counts:
 * the buyer themself inside the window after the order was created, or the payer the buyer's claim names
 * (same amount, claim date within the window). A family member or a company account is evidence only when
 * the buyer's claim names them.
 */
export function consistentClaim(
  ctx: Evidence,
  claims: readonly PreparedClaim[],
  buyerKey: string,
): PreparedClaim | null {
  const { row, rowDay, payer, windowDays } = ctx;
  if (!payer.name || payer.intermediary) return null;
  for (const c of claims) {
    if (c.amountFen !== row.amountFen) continue;
    if (Math.abs(rowDay - c.dayNo) > windowDays) continue;
    const claimedPayer = c.payerKey || buyerKey;
    if (claimedPayer && claimedPayer === payer.name) return c;
  }
  return null;
}

function describeClaim(c: PreparedClaim): string {
  return `与买家 ${c.date} 的汇款申报一致（${c.method}，付款人相同）`;
}

export function singleEvidence(ctx: Evidence, t: PreparedTransfer): string | null {
  const { payer, windowDays } = ctx;
  if (!payer.name || payer.intermediary) return null;
  const viaClaim = consistentClaim(ctx, t.claims, t.nameKey);
  if (viaClaim) return describeClaim(viaClaim);
  if (t.nameKey === payer.name && withinCreationWindow(ctx.rowDay, t, windowDays)) {
    return `付款人即买家本人，且在下单后 ${windowDays} 天内`;
  }
  return null;
}

/** Evidence that one credit pays these orders of one buyer together. */
export function combinedEvidence(ctx: Evidence, orders: readonly PreparedTransfer[]): string | null {
  const { payer } = ctx;
  if (!payer.name || payer.intermediary) return null;
  for (const t of orders) {
    const viaClaim = consistentClaim(ctx, t.claims, t.nameKey);
    if (viaClaim) return describeClaim(viaClaim);
  }
  const allBuyer = orders.every((t) => t.nameKey === payer.name && withinCreationWindow(ctx.rowDay, t, ctx.windowDays));
  return allBuyer ? '付款人即买家本人' : null;
}
