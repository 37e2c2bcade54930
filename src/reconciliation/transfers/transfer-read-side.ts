/**
 * What the shop's day reads of the transfers: the scheduled checks with their counts for the run log, and the
 * handover's figures (confirmed in a shift, claims not yet verified, credits waiting for a person). Shaped to the
 * ports operations and handover declare, without importing them.
 */
import { parseInstant } from '../../shared/time.js';
import type { TransfersService } from './transfers-facade.js';

export function transferChecks(service: TransfersService) {
  return {
    async threeDayRule() {
      return { chased: (await service.threeDayRule()).chased };
    },
    async duplicateTrades() {
      return { found: service.duplicateTrades().length };
    },
    async dailyRegister(date: string) {
      return { lines: service.dailyRegister(date).lines.length };
    },
  };
}

export function transferStatus(service: TransfersService) {
  return {
    confirmedBetween(start: number, end: number): number {
      return service
        .list({})
        .filter((t) => t.paidAt !== null && parseInstant(t.paidAt) >= start && parseInstant(t.paidAt) < end).length;
    },
    unverifiedClaims() {
      return service
        .list({})
        .filter((t) => t.paidAt === null && t.cancelledAt === null)
        .flatMap((t) =>
          t.claims.map((c) => ({
            id: c.id,
            buyerNick: t.buyerNick,
            tid: t.tid ?? undefined,
            amountFen: c.amountFen,
            claimedAt: c.recordedAt,
            owner: c.staff.username,
          })),
        );
    },
    manualQueue() {
      return service.queue().map((r) => ({
        id: r.identity,
        amountFen: r.row.amountFen,
        at: `${r.row.date}${r.row.time ? ` ${r.row.time}` : ''}`,
        payer: r.row.counterpartyName || undefined,
      }));
    },
  };
}
