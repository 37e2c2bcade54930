import type { FollowUps } from '../tasks/index.js';
import type { TransferChecks } from '../operations/index.js';
import type { TransferStatus } from '../handover/index.js';
import type { TaskOpener } from '../reconciliation/index.js';
import type { TransfersService } from '../reconciliation/index.js';
import { parseInstant } from '../shared/time.js';

/**
 * Glue between the transfers module and the shop's day: its chases become follow-ups in the
 * handover, and the scheduler and the handover report read it through their own ports.
 */
export function transferFollowUps(followUps: FollowUps): TaskOpener {
  return {
    async open(task) {
      await followUps.open({
        id: task.id, kind: 'transfer_chase', tid: task.tid, buyerNick: '', title: task.subject, detail: task.instructions,
        owner: task.assignee.username, ownerName: task.assignee.displayName, shift: null,
      });
    },
  };
}

export function transferChecks(service: TransfersService): TransferChecks {
  return {
    async threeDayRule() {
      return { chased: (await service.threeDayRule()).chased };
    },
    async duplicateTrades() {
      return { found: service.duplicateTrades().length };
    },
    async dailyRegister(date) {
      return { lines: service.dailyRegister(date).lines.length };
    },
  };
}

export function transferStatus(service: TransfersService): TransferStatus {
  return {
    confirmedBetween(start, end) {
      return service.list({}).filter((t) => t.paidAt !== null && parseInstant(t.paidAt) >= start && parseInstant(t.paidAt) < end).length;
    },
    unverifiedClaims() {
      return service
        .list({})
        .filter((t) => t.paidAt === null && t.cancelledAt === null)
        .flatMap((t) => t.claims.map((c) => ({ id: c.id, buyerNick: t.buyerNick, tid: t.tid ?? undefined, amountFen: c.amountFen, claimedAt: c.recordedAt, owner: c.staff.username })));
    },
    manualQueue() {
      return service.queue().map((r) => ({
        id: r.identity, amountFen: r.row.amountFen, at: `${r.row.date}${r.row.time ? ` ${r.row.time}` : ''}`, payer: r.row.counterpartyName || undefined,
      }));
    },
  };
}
