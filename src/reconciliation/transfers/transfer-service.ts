/**
 * Creating transfer orders, recording the buyer's claims, and cancelling. A platform order that exists and
 * is unpaid is closed on the platform and gets the `transfer.awaiting` memo (issue 5, item 1).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { User } from '../../accounts/index.js';
import type { OrderRepository } from '../../orders/index.js';
import { INTERACTIVE_PATIENCE_MS, type ShopPlatform } from '../../platform/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { formatYuanFixed } from '../../shared/money.js';
import { shopDate } from '../../shared/shop-date.js';
import { toInstant, type Clock } from '../../shared/time.js';
import { makeReference } from '../matching/index.js';
import type { RemarkWriter } from './transfer-ports.js';
import { isOpen, type TransferRepository } from './transfer-repository.js';
import {
  STATE_LABELS,
  type Person,
  type TransferClaimRecord,
  type TransferOrder,
  type TransferState,
} from './transfer-types.js';
import { parseInput } from './parse-input.js';

const fen = z.number().int('金额必须是整数分 (amounts are integer fen)').nonnegative();
const day = shopDate;

export const createSchema = z
  .object({
    buyerNick: z.string().trim().min(1).max(64),
    buyerName: z.string().trim().max(40).optional(),
    tid: z
      .string()
      .trim()
      .regex(/^\d{1,25}$/, 'tid 是数字订单号')
      .optional(),
    items: z
      .array(
        z.object({
          itemNo: z.string().trim().min(1).max(40),
          size: z.string().trim().max(20).default(''),
          quantity: z.number().int().min(1).max(999),
          priceFen: fen,
        }),
      )
      .min(1),
    address: z.string().trim().min(1).max(300),
    amountDueFen: fen.min(1),
    overseas: z.boolean().default(false),
    /** 'unique-amount': due plus a few fen no other open order uses; 'reference': a code for the transfer note. */
    identify: z.enum(['none', 'unique-amount', 'reference', 'both']).default('none'),
  })
  .strict();

export const claimSchema = z
  .object({
    date: day,
    method: z.string().trim().min(1).max(30),
    bankName: z.string().trim().max(40).optional(),
    payerName: z.string().trim().max(40).optional(),
    amountFen: fen.min(1),
  })
  .strict();

export interface TransferServiceDeps {
  repo: TransferRepository;
  orders: OrderRepository;
  platform: ShopPlatform;
  remarks: RemarkWriter;
  clock: Clock;
  logger: Logger;
  random?: (n: number) => number;
}

let idSeq = 0;

export const person = (u: User): Person => ({ username: u.username, displayName: u.displayName });

export function createTransferService(deps: TransferServiceDeps) {
  const { repo, clock } = deps;
  const now = () => toInstant(clock.now());

  function freeReference(): string {
    const used = new Set(
      repo
        .all()
        .filter(isOpen)
        .map((t) => t.reference),
    );
    for (let i = 0; i < 20; i++) {
      const ref = makeReference(deps.random);
      if (!used.has(ref)) return ref;
    }
    throw new ConflictError({
      message: '暂时无法生成不重复的参考码，请稍后再试或改用唯一金额',
      code: 'reference_exhausted',
      detail: 'could not make a free reference code in 20 tries',
    });
  }

  /** Closes the unpaid platform trade and writes the memo; a paid trade cannot become a transfer order. */
  async function closeOnPlatform(tid: string, buyerNick: string, user: User): Promise<TransferOrder['platform']> {
    // A person waits on these calls: a ban is told at once instead of waited out, and nothing is retried past 5 s.
    const waiting = { patienceMs: INTERACTIVE_PATIENCE_MS };
    const order = await deps.platform.getOrder(tid, waiting).catch((err: unknown) => {
      if (err instanceof NotFoundError)
        throw new ValidationError({
          message: `平台上没有订单 ${tid}`,
          code: 'platform_order_not_found',
          field: 'tid',
          params: { tid },
        });
      throw err;
    });
    if (order.buyerNick !== buyerNick)
      throw new ValidationError({
        message: `订单 ${tid} 不是 ${buyerNick} 的`,
        code: 'order_other_buyer',
        field: 'tid',
        params: { tid, buyerNick },
      });
    if (order.status !== 'WAIT_BUYER_PAY') {
      if (order.status === 'TRADE_CLOSED' || order.status === 'TRADE_CLOSED_BY_TAOBAO')
        return { closed: true, memo: null, note: '平台订单已关闭' };
      throw new ConflictError({
        message: `平台订单 ${tid} 不是待付款状态，不能转为汇款订单`,
        code: 'trade_not_unpaid',
        params: { tid, status: order.status },
      });
    }
    // The buyer pays outside the platform: of the platform's close reasons, the one for a deal done off it.
    await deps.platform.closeTrade(tid, '同城见面交易', waiting);
    const memo = await deps.remarks.write({ tid, kind: 'transfer.awaiting', fields: {}, user });
    return { closed: true, memo: memo.entry, note: memo.status === 'pending' ? '备注待写入平台' : null };
  }

  return {
    async create(input: unknown, user: User): Promise<TransferOrder> {
      const body = parseInput(createSchema, input);
      const platform = body.tid
        ? await closeOnPlatform(body.tid, body.buyerNick, user)
        : { closed: false, memo: null, note: null };
      // Time, then a counter, then randomness: ids sort in creation order even within one millisecond.
      const id = `H${clock.now().toString(36).toUpperCase()}${(++idSeq % 1296).toString(36).toUpperCase().padStart(2, '0')}${randomUUID().slice(0, 3).toUpperCase()}`;
      const at = now();
      return repo.write((w) => {
        // Chosen inside the transaction, as the unique amount is: what it reads of the open orders is recorded, so
        // on PostgreSQL an order another instance created with the same code meanwhile makes this one choose again.
        const reference = body.identify === 'reference' || body.identify === 'both' ? freeReference() : null;
        const unique =
          body.identify === 'unique-amount' || body.identify === 'both' ? w.allocateUnique(body.amountDueFen) : null;
        const t: TransferOrder = {
          id,
          buyerNick: body.buyerNick,
          buyerName: body.buyerName || null,
          tid: body.tid ?? null,
          items: body.items.map((i) => ({
            itemNo: i.itemNo,
            size: i.size,
            quantity: i.quantity,
            priceFen: i.priceFen,
          })),
          address: body.address,
          amountDueFen: body.amountDueFen,
          uniqueAmountFen: unique,
          uniqueHeld: unique !== null,
          reference,
          overseas: body.overseas,
          staff: person(user),
          createdAt: at,
          state: 'awaiting',
          claims: [],
          paidBy: [],
          paidAt: null,
          verifiedBy: null,
          rule: null,
          waybill: null,
          shippedAt: null,
          cancelledAt: null,
          platform,
        };
        w.put(t);
        w.audit({
          transferId: id,
          rowIdentity: null,
          action: 'created',
          by: user.username,
          at,
          // The audit is read by people (the transfer's page): amounts in 元, as typed, though stored in fen.
          detail: `应付 ${formatYuanFixed(body.amountDueFen)} 元${unique ? `，专属金额 ${formatYuanFixed(unique)} 元` : ''}${reference ? `，参考码 ${reference}` : ''}`,
        });
        if (body.tid)
          w.audit({
            transferId: id,
            rowIdentity: null,
            action: 'platform-closed',
            by: user.username,
            at,
            detail: `${body.tid}: ${platform.memo ?? platform.note ?? ''}`,
          });
        return t;
      });
    },

    async claim(id: string, input: unknown, user: User): Promise<TransferOrder> {
      const body = parseInput(claimSchema, input);
      const at = now();
      return repo.write((w) => {
        const t = w.tx.get<TransferOrder>('transfers', id);
        if (!t)
          throw new NotFoundError({ message: `汇款订单 ${id} 不存在`, code: 'transfer_not_found', params: { id } });
        if (!isOpen(t))
          throw new ConflictError({
            message: `汇款订单 ${id} 当前为${STATE_LABELS[t.state]}，不能再登记汇款`,
            code: 'transfer_not_open',
            params: { id, state: t.state },
          });
        const claim: TransferClaimRecord = {
          id: `${id}-C${t.claims.length + 1}`,
          date: body.date,
          method: body.method,
          bankName: body.bankName || null,
          payerName: body.payerName || null,
          amountFen: body.amountFen,
          staff: person(user),
          recordedAt: at,
          chasedAt: null,
        };
        const next: TransferOrder = { ...t, state: 'claimed', claims: [...t.claims, claim] };
        w.put(next);
        w.audit({
          transferId: id,
          rowIdentity: null,
          action: 'claimed',
          by: user.username,
          at,
          detail: [body.date, body.method, body.bankName, `${formatYuanFixed(body.amountFen)} 元`]
            .filter(Boolean)
            .join(' '),
        });
        return next;
      });
    },

    /** Who may cancel is the role table's (accounts/permissions.ts: the keeper), checked at the route. */
    async cancel(id: string, reason: string, user: User): Promise<TransferOrder> {
      const why = reason?.trim();
      if (!why) throw new ValidationError({ message: '请填写取消原因', code: 'field_required', field: 'reason' });
      const at = now();
      return repo.write((w) => {
        const t = w.tx.get<TransferOrder>('transfers', id);
        if (!t)
          throw new NotFoundError({ message: `汇款订单 ${id} 不存在`, code: 'transfer_not_found', params: { id } });
        if (!isOpen(t))
          throw new ConflictError({
            message: `汇款订单 ${id} 当前为${STATE_LABELS[t.state]}，不能取消（已到账请先撤销匹配）`,
            code: 'transfer_not_open',
            params: { id, state: t.state },
          });
        const next: TransferOrder = { ...t, state: 'cancelled', cancelledAt: at, uniqueHeld: false };
        w.put(next);
        w.audit({ transferId: id, rowIdentity: null, action: 'cancelled', by: user.username, at, detail: why });
        return next;
      });
    },

    list(filter: { state?: TransferState } = {}): TransferOrder[] {
      return repo.all().filter((t) => !filter.state || t.state === filter.state);
    },
  };
}

export type TransferService = ReturnType<typeof createTransferService>;
