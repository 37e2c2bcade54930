/**
 * The scheduler's chores: claims still not found in the bank three days after they were recorded go back to
 * the staff who took them (issue 5 item 6), and platform orders a transfer buyer placed again are listed for
 * one-click closing, never closed automatically (item 7).
 */
import type { User } from '../../accounts/index.js';
import type { Order, OrderRepository } from '../../orders/index.js';
import { INTERACTIVE_PATIENCE_MS, type ShopPlatform } from '../../platform/index.js';
import { ConflictError, NotFoundError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { DAY, parseInstant, toInstant, type Clock } from '../../shared/time.js';
import type { FollowUpOpener } from './transfer-ports.js';
import type { TransferRepository } from './transfer-repository.js';
import type { TransferOrder } from './transfer-types.js';

export const CHASE_AFTER_MS = 3 * DAY;
const LIVE: ReadonlySet<Order['status']> = new Set([
  'WAIT_BUYER_PAY',
  'PAY_PENDING',
  'WAIT_SELLER_SEND_GOODS',
  'TRADE_NO_CREATE_PAY',
]);

export interface Chase {
  transferId: string;
  claimId: string;
  assignee: string;
  instructions: string;
}
export interface DuplicateTrade {
  transferId: string;
  buyerNick: string;
  tid: string;
  status: Order['status'];
  createdAt: string;
  itemNos: string[];
}

export interface ChoresDeps {
  repo: TransferRepository;
  orders: OrderRepository;
  platform: ShopPlatform;
  clock: Clock;
  logger: Logger;
  tasks?: FollowUpOpener;
}

export function instructionsFor(t: Pick<TransferOrder, 'overseas' | 'buyerNick'>): string {
  return t.overseas
    ? `联系买家 ${t.buyerNick} 核对汇款：海外买家，只用旺旺/在线工具联系，不打电话`
    : `联系买家 ${t.buyerNick} 核对汇款：在线用旺旺，不在线打电话`;
}

export function createChores(deps: ChoresDeps) {
  const { repo, clock } = deps;

  return {
    /** Each claim is handed back once; the claim's staff gets the task. */
    async threeDayRule(): Promise<{ chased: number; chases: Chase[] }> {
      const now = clock.now();
      const at = toInstant(now);
      const due = repo
        .all()
        .filter((t) => t.state === 'claimed')
        .flatMap((t) =>
          t.claims
            .filter((c) => c.chasedAt === null && now - parseInstant(c.recordedAt) >= CHASE_AFTER_MS)
            .map((c) => ({ t, c })),
        );
      const chases: Chase[] = [];
      for (const { t, c } of due) {
        const instructions = instructionsFor(t);
        // The task first: if it cannot be opened, the claim stays unchased and the next run tries again.
        await deps.tasks?.open({
          id: `transfer-chase-${c.id}`,
          kind: 'transfer_chase',
          assignee: c.staff,
          transferId: t.id,
          tid: t.tid,
          subject: `汇款申报 3 天未到账：${t.buyerNick} ${c.date} ${c.method}`,
          instructions,
        });
        await repo.write((w) => {
          const current = w.tx.get<TransferOrder>('transfers', t.id);
          if (!current || current.state !== 'claimed') return;
          w.put({ ...current, claims: current.claims.map((x) => (x.id === c.id ? { ...x, chasedAt: at } : x)) });
          w.audit({
            transferId: t.id,
            rowIdentity: null,
            action: 'chased',
            by: 'xiaoer',
            at,
            detail: `${c.staff.displayName}: ${instructions}`,
          });
        });
        chases.push({ transferId: t.id, claimId: c.id, assignee: c.staff.username, instructions });
      }
      if (chases.length) deps.logger.info({ chased: chases.length }, 'three-day rule handed claims back');
      return { chased: chases.length, chases };
    },

    /** Live platform orders of a transfer buyer, for the same item numbers, placed since the transfer order. */
    duplicateTrades(): DuplicateTrade[] {
      const open = repo.all().filter((t) => t.tid === null && t.state !== 'cancelled' && t.state !== 'shipped');
      if (open.length === 0) return [];
      const byBuyer = new Map<string, TransferOrder[]>();
      for (const t of open) byBuyer.set(t.buyerNick, [...(byBuyer.get(t.buyerNick) ?? []), t]);
      const out: DuplicateTrade[] = [];
      for (const o of deps.orders.all()) {
        const mine = byBuyer.get(o.buyerNick);
        if (!mine || !LIVE.has(o.status)) continue;
        for (const t of mine) {
          if (parseInstant(o.createdAt) < parseInstant(t.createdAt)) continue;
          const wanted = new Set(t.items.map((i) => i.itemNo));
          const same = o.items.map((i) => i.outerIid).filter((n) => wanted.has(n));
          if (same.length)
            out.push({
              transferId: t.id,
              buyerNick: o.buyerNick,
              tid: o.tid,
              status: o.status,
              createdAt: o.createdAt,
              itemNos: [...new Set(same)],
            });
        }
      }
      return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
    },

    /** The one click: closes a listed duplicate trade on the platform. */
    async closeDuplicate(transferId: string, tid: string, user: User): Promise<{ tid: string; status: string }> {
      const listed = this.duplicateTrades().find((d) => d.transferId === transferId && d.tid === tid);
      if (!listed)
        throw new NotFoundError({
          message: `订单 ${tid} 不是汇款订单 ${transferId} 的重复拍单`,
          code: 'duplicate_not_found',
          params: { tid, transferId },
        });
      if (listed.status !== 'WAIT_BUYER_PAY')
        throw new ConflictError({
          message: `订单 ${tid} 已付款，不能直接关闭，请联系买家退款`,
          code: 'trade_paid',
          params: { tid },
        });
      // A person waits on the one click: a ban is told at once instead of waited out, nothing is retried past 5 s.
      const result = await deps.platform.closeTrade(tid, '买家拍错了', {
        patienceMs: INTERACTIVE_PATIENCE_MS,
      });
      const at = toInstant(clock.now());
      await repo.write((w) =>
        w.audit({ transferId, rowIdentity: null, action: 'duplicate-closed', by: user.username, at, detail: tid }),
      );
      return { tid, status: result.status };
    },
  };
}

export type Chores = ReturnType<typeof createChores>;
