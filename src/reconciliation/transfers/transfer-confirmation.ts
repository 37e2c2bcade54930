/**
 * What a person decides: confirming a queued credit for an order (the surplus of an overpayment becomes a
 * note for the keeper to book to the buyer's balance), unmatching until shipped, and entering the waybill.
 */
import { z } from 'zod';
import type { User } from '../../accounts/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.js';
import { createKeyedLock, type KeyedLock } from '../../shared/keyed-lock.js';
import type { Logger } from '../../shared/logger.js';
import { formatYuanFixed } from '../../shared/money.js';
import { shanghaiDate, parseInstant, toInstant, type Clock } from '../../shared/time.js';
import { announcePaid, applyPayment } from './transfer-payment.js';
import type { MessageSink, RemarkWriter, FollowUpOpener } from './transfer-ports.js';
import { isOpen, TRANSFER_SURPLUS, type TransferRepository } from './transfer-repository.js';
import { person } from './transfer-service.js';
import { parseInput } from './parse-input.js';
import {
  ROW_STATUS_LABELS,
  STATE_LABELS,
  type StoredRow,
  type SurplusNote,
  type TransferOrder,
} from './transfer-types.js';

const confirmSchema = z
  .object({ rows: z.array(z.string().min(1)).min(1).max(5), reason: z.string().trim().min(1, '需要原因').max(200) })
  .strict();
const reasonSchema = z.object({ reason: z.string().trim().min(1, '需要原因').max(200) }).strict();
const waybillSchema = z
  .object({
    waybill: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{6,40}$/, '运单号格式不对'),
  })
  .strict();

export interface ConfirmationDeps {
  repo: TransferRepository;
  remarks: RemarkWriter;
  clock: Clock;
  logger: Logger;
  tasks?: FollowUpOpener;
  messages?: MessageSink;
  /** The order lock (shared across instances on PostgreSQL): one shipping of a transfer order at a time. */
  lock?: KeyedLock;
}

function mustGet(t: TransferOrder | undefined, id: string): TransferOrder {
  if (!t) throw new NotFoundError({ message: `汇款订单 ${id} 不存在`, code: 'transfer_not_found', params: { id } });
  return t;
}

export function createConfirmation(deps: ConfirmationDeps) {
  const { repo, clock } = deps;
  const now = () => toInstant(clock.now());
  const lock = deps.lock ?? createKeyedLock();

  return {
    /** A person confirms that these statement rows pay this order. */
    async confirm(
      id: string,
      input: unknown,
      user: User,
    ): Promise<{ transfer: TransferOrder; surplus: SurplusNote | null }> {
      const body = parseInput(confirmSchema, input);
      const at = now();
      const result = await repo.write((w) => {
        const t = mustGet(w.tx.get<TransferOrder>('transfers', id), id);
        if (!isOpen(t))
          throw new ConflictError({
            message: `汇款订单 ${id} 当前为${STATE_LABELS[t.state]}，不能再确认到账`,
            code: 'transfer_not_open',
            params: { id, state: t.state },
          });
        const rows = body.rows.map((identity, i) => {
          const r = w.tx.get<StoredRow>('transfer-statement-rows', identity);
          if (!r)
            throw new ValidationError({
              message: `没有第${i + 1}条流水，请刷新后重试`,
              code: 'row_not_found',
              field: `rows.${i}`,
              params: { identity },
            });
          if (r.status === 'matched' || r.status === 'confirmed')
            throw new ConflictError({
              message: `流水第${r.row.line}行已用于订单 ${r.transferIds.join(',')}`,
              code: 'row_used',
              params: { line: r.row.line, transferIds: r.transferIds },
            });
          return r;
        });
        const paidFen = rows.reduce((s, r) => s + r.row.amountFen, 0);
        const expected =
          t.uniqueHeld && t.uniqueAmountFen !== null && paidFen === t.uniqueAmountFen
            ? t.uniqueAmountFen
            : t.amountDueFen;
        if (paidFen < t.amountDueFen) {
          throw new ConflictError({
            message: `到账 ${formatYuanFixed(paidFen)} 元少于应付 ${formatYuanFixed(t.amountDueFen)} 元，请等待补款`,
            code: 'underpaid',
            params: { paid: formatYuanFixed(paidFen), due: formatYuanFixed(t.amountDueFen) },
          });
        }
        const [paid] = applyPayment(w, {
          transferIds: [id],
          rowIdentities: body.rows,
          receivedFen: paidFen,
          rule: 'manual',
          reason: body.reason,
          by: person(user),
          at,
        });
        for (const r of rows)
          w.putRow({ ...r, status: 'confirmed', transferIds: [id], rule: 'manual', reason: body.reason });
        let surplus: SurplusNote | null = null;
        if (paidFen > expected) {
          // Only a person's confirmation creates a surplus; the keeper books it to the balance ledger.
          surplus = {
            id: `${id}-S`,
            transferId: id,
            buyerNick: t.buyerNick,
            amountFen: paidFen - expected,
            rowIdentity: body.rows.join(','),
            confirmedBy: person(user),
            at,
            booked: false,
          };
          w.tx.put(TRANSFER_SURPLUS, surplus.id, surplus);
          w.audit({
            transferId: id,
            rowIdentity: surplus.rowIdentity,
            action: 'surplus-noted',
            by: user.username,
            at,
            detail: `多付 ${formatYuanFixed(surplus.amountFen)} 元，待转入余额`,
          });
        }
        return { transfer: paid!, surplus };
      });
      await announcePaid([result.transfer], deps);
      return result;
    },

    /** Until shipped, a payment can be taken back; its rows return to the queue. */
    async unmatch(id: string, input: unknown, user: User): Promise<TransferOrder> {
      const { reason } = parseInput(reasonSchema, input);
      const at = now();
      return repo.write((w) => {
        const t = mustGet(w.tx.get<TransferOrder>('transfers', id), id);
        if (t.state !== 'paid')
          throw new ConflictError({
            message: `汇款订单 ${id} 当前为${STATE_LABELS[t.state]}，只有已到账未发货的可以撤销匹配`,
            code: 'transfer_not_paid',
            params: { id, state: t.state },
          });
        const holdAgain = t.uniqueAmountFen !== null && w.uniqueFree(t.uniqueAmountFen, id);
        const back: TransferOrder = {
          ...t,
          state: t.claims.length ? 'claimed' : 'awaiting',
          paidAt: null,
          paidBy: [],
          verifiedBy: null,
          rule: null,
          uniqueHeld: holdAgain,
          uniqueAmountFen: holdAgain ? t.uniqueAmountFen : null,
        };
        w.put(back);
        for (const identity of t.paidBy) {
          const r = w.tx.get<StoredRow>('transfer-statement-rows', identity);
          if (r)
            w.putRow({
              ...r,
              status: 'queued',
              transferIds: [],
              rule: null,
              code: null,
              reason: `已撤销匹配：${reason}`,
              candidates: [{ transferId: id, score: 0, why: '曾被匹配 / previously matched' }],
            });
        }
        const note = w.tx.get<SurplusNote>(TRANSFER_SURPLUS, `${id}-S`);
        if (note && !note.booked) w.tx.delete(TRANSFER_SURPLUS, note.id);
        w.audit({
          transferId: id,
          rowIdentity: t.paidBy.join(','),
          action: 'unmatched',
          by: user.username,
          at,
          detail: reason,
        });
        return back;
      });
    },

    /** The waybill for a verified order: shipped, and `copy.transfer` on the platform order when there is one. */
    async ship(id: string, input: unknown, user: User): Promise<{ transfer: TransferOrder; memo: string | null }> {
      const { waybill } = parseInput(waybillSchema, input);
      // The memo is written before the state changes: two people shipping at once (two instances, or a double
      // click) would both find it paid and both write copy.transfer, so the check and the memo take turns per order.
      return lock.run(`transfer:${id}`, async () => {
        const t = mustGet(repo.get(id), id);
        if (t.state !== 'paid')
          throw new ConflictError({
            message: `汇款订单 ${id} 当前为${STATE_LABELS[t.state]}，只有已到账的可以发货`,
            code: 'transfer_not_paid',
            params: { id, state: t.state },
          });
        const memo = t.tid
          ? (await deps.remarks.write({ tid: t.tid, kind: 'copy.transfer', fields: { waybill }, user })).entry
          : null;
        const at = now();
        const shipped = await repo.write((w) => {
          const current = mustGet(w.tx.get<TransferOrder>('transfers', id), id);
          if (current.state !== 'paid')
            throw new ConflictError({
              message: `汇款订单 ${id} 刚刚变为${STATE_LABELS[current.state]}，请刷新后再看`,
              code: 'transfer_not_paid',
              params: { id, state: current.state },
            });
          const next: TransferOrder = { ...current, state: 'shipped', waybill, shippedAt: at };
          w.put(next);
          w.audit({
            transferId: id,
            rowIdentity: null,
            action: 'shipped',
            by: user.username,
            at,
            detail: memo ?? waybill,
          });
          return next;
        });
        return { transfer: shipped, memo };
      });
    },

    /** The keeper's list for the day: verified and waiting for a waybill, and what shipped that day. */
    shippingList(date: string): { toShip: TransferOrder[]; shipped: TransferOrder[] } {
      const all = repo.all();
      return {
        toShip: all.filter((t) => t.state === 'paid'),
        shipped: all.filter(
          (t) => t.state === 'shipped' && t.shippedAt !== null && shanghaiDate(parseInstant(t.shippedAt)) === date,
        ),
      };
    },

    /** Statement rows waiting for a person (the manual queue), oldest first. */
    /** A person decides a queued credit belongs to none of the candidates (another business's money, a refund...). */
    async reject(identity: string, input: unknown, user: User): Promise<StoredRow> {
      const { reason } = parseInput(reasonSchema, input);
      const at = now();
      return repo.write((w) => {
        const r = w.tx.get<StoredRow>('transfer-statement-rows', identity);
        if (!r)
          throw new NotFoundError({
            message: '没有找到这条流水，请刷新后重试',
            code: 'row_not_found',
            params: { identity },
          });
        if (r.status !== 'queued')
          throw new ConflictError({
            message: `这条流水当前为${ROW_STATUS_LABELS[r.status]}，只有待人工确认的可以驳回`,
            code: 'row_not_queued',
            params: { identity, status: r.status },
          });
        const rejected: StoredRow = {
          ...r,
          status: 'unmatched',
          transferIds: [],
          rule: null,
          reason: `人工驳回：${reason}`,
          candidates: [],
        };
        w.putRow(rejected);
        w.audit({ transferId: null, rowIdentity: identity, action: 'rejected', by: user.username, at, detail: reason });
        return rejected;
      });
    },

    queue(): StoredRow[] {
      return repo.rows().filter((r) => r.status === 'queued');
    },
  };
}

export type Confirmation = ReturnType<typeof createConfirmation>;
