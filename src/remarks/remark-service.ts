/**
 * Writing one remark: the order's state picks the variant, the catalogue renders the exact text,
 * and — one order at a time — the platform memo is read, appended, checked and written. When the
 * platform cannot be reached the entry waits in the outbox (status pending) instead of being lost.
 * The same entry (kind, fields, staff, Shanghai day) is written once, whatever repeats it.
 */
import type { User } from '../accounts/index.js';
import type { OrderRepository } from '../orders/index.js';
import { INTERACTIVE_PATIENCE_MS, type ShopPlatform } from '../platform/index.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { shanghaiDate, toInstant, type Clock } from '../shared/time.js';
import type { TaskView } from '../tasks/index.js';
import {
  getRemarkKind,
  mergeFlag,
  REMARK_KIND_IDS,
  renderRemark,
  type RemarkKind,
  type RemarkOrderState,
} from './catalogue/index.js';
import { planAppend } from './memo/index.js';
import { remarkState } from './order-state.js';
import { validateFields } from './catalogue/validate-fields.js';
import type { KeyedLock } from '../shared/keyed-lock.js';
import { applyEffects, assigneeOf, type EffectDeps } from './remark-effects.js';
import { entryId, type RemarkEntry, type TradeClose } from './remark-entry.js';
import { closeWanted, settleClose, type CloseFollowUps } from './trade-close.js';
import { landOnPlatform, type Landing } from './platform-append.js';
import { INTERACTIVE_DEADLINE_MS, landWithinDeadline } from './interactive-deadline.js';
import { recordTry } from './landing-record.js';
import { resolveNamedColleagues } from './staff-directory.js';

export interface WriteRequest {
  tid: string;
  kind: string;
  fields?: Record<string, unknown>;
  /** The logged-in person; their display name is the memo's staff name. */
  user: User;
  dryRun?: boolean;
  /**
   * Whether to close the unpaid trade the entry says will be closed (拍下后不要 / 拍下后无货): default yes; false keeps
   * it open (e.g. an auction the platform closes by itself). Decided by the first write of the entry.
   */
  closeTrade?: boolean;
}

export interface TaskPreview {
  id: null;
  type: string;
  assignee: string;
  assigneeName: string;
  state: 'open';
}

export interface WriteResult {
  id: string;
  status: 'written' | 'pending' | 'already_present';
  dryRun: boolean;
  kind: string;
  variant: string;
  /** The exact text of the entry. */
  entry: string;
  /** The whole memo after the write (as planned, for a pending entry or a dry run). */
  memo: string;
  flag: number;
  task: TaskView | TaskPreview | null;
  ledger: { amountFen: number; remainingFen: number } | null;
  refund: { id: string; line: string } | null;
  /** The trade's close (a dry run: the close it would ask for, state 'wanted'), or null when it closes nothing. */
  close: TradeClose | null;
}

export interface RemarkServiceDeps extends EffectDeps {
  platform: ShopPlatform;
  orders: OrderRepository;
  lock: KeyedLock;
  clock: Clock;
  logger: Logger;
  dateFormat: string;
  /** Where a trade that could not be closed becomes a follow-up for the writer. */
  followUps?: CloseFollowUps;
  /** How long a person waits for the platform before the remark is queued (default INTERACTIVE_DEADLINE_MS). */
  interactiveDeadlineMs?: number;
}

const TID = /^\d{1,25}$/;

export function createRemarkService(deps: RemarkServiceDeps) {
  const { remarks, orders, lock, clock } = deps;

  function kindOf(id: unknown): RemarkKind {
    const kind = typeof id === 'string' ? getRemarkKind(id.trim()) : undefined;
    if (!kind)
      throw new ValidationError({
        message: '没有这种备注类型，请刷新页面后重新选择',
        code: 'unknown_kind',
        field: 'kind',
        params: { kind: String(id ?? ''), known: [...REMARK_KIND_IDS] },
      });
    return kind;
  }

  /** Keeper kinds record bookkeeping only the keeper does (退款已登记, 余额已登记). */
  function checkWriter(kind: RemarkKind, user: User): void {
    if (kind.writer === 'keeper' && user.role !== 'keeper' && user.role !== 'admin') {
      throw new ForbiddenError({
        message: `“${kind.title}”由上架/登记人写`,
        code: 'forbidden',
        params: { kind: kind.id },
      });
    }
  }

  function repeatResult(e: RemarkEntry, dryRun: boolean): WriteResult {
    const order = orders.get(e.tid)!;
    const task = e.taskId ? deps.tasks.get(e.taskId) : undefined;
    return {
      id: e.id,
      status: e.status === 'pending' ? 'pending' : 'already_present',
      dryRun,
      kind: e.kind,
      variant: e.variant,
      entry: e.text,
      memo: order.sellerMemo,
      flag: order.sellerFlag,
      task: task ? deps.tasks.view(task) : null,
      ledger: null,
      refund: null,
      close: e.close ?? null,
    };
  }

  async function write(req: WriteRequest): Promise<WriteResult> {
    const tid = String(req.tid ?? '').trim();
    if (!TID.test(tid))
      throw new ValidationError({ message: '订单号只能是数字', code: 'tid_not_digits', field: 'tid', params: { tid } });
    if (!orders.get(tid))
      throw new NotFoundError({ message: `订单 ${tid} 不存在`, code: 'order_not_found', params: { tid } });
    const kind = kindOf(req.kind);
    checkWriter(kind, req.user);
    const given = req.fields ?? {};
    if (typeof given !== 'object' || Array.isArray(given))
      throw new ValidationError({
        message: '备注内容的填写方式不对',
        code: 'field_wrong_type',
        field: 'fields',
        params: { expected: 'object' },
      });
    const rawFields = resolveNamedColleagues(deps.directory, given);
    const at = clock.now();
    const staff = req.user.displayName;
    const id = entryId({ tid, kind: kind.id, fields: validateFields(kind, rawFields), staff, day: shanghaiDate(at) });
    const dryRun = req.dryRun === true;
    // A repeat answers at once, even while the order's lock is held by an earlier write still waiting for its answer.
    const repeated = remarks.find(tid, id);
    if (repeated && repeated.status !== 'failed') return repeatResult(repeated, dryRun);

    // The answer may come before the lock is released: a memo overwrite sent before the deadline keeps the lock
    // until the platform answers it (see settleLate), while the person already has "pending".
    let inFlight: Promise<unknown> | undefined;
    return new Promise<WriteResult>((answer, refuse) => {
      lock
        .run(`order:${tid}`, async () => {
          try {
            const { result, late } = await underLock();
            answer(result);
            if (late) await settleLate(tid, id, late);
          } catch (err) {
            // Even when this write failed after the deadline, the overwrite on its way keeps the lock until it settles.
            await inFlight?.catch(() => undefined);
            throw err;
          }
        })
        .catch(refuse);
    });

    async function underLock(): Promise<{ result: WriteResult; late?: Promise<Landing> }> {
      const existing = remarks.find(tid, id);
      if (existing && existing.status !== 'failed') return { result: repeatResult(existing, dryRun) };
      const order = orders.get(tid)!;
      const state = remarkState(order, remarks.printMark(tid) !== undefined, deps.dateFormat);
      const go = async (): Promise<{ result: WriteResult; late?: Promise<Landing> }> => {
        const balanceFen =
          kind.ledger === 'balance_debit' ? deps.ledger.balance(order.buyerNick, { excluding: id }) : undefined;
        const rendered = renderRemark({
          kind: kind.id,
          fields: rawFields,
          state,
          staff,
          at,
          dateFormat: deps.dateFormat,
          balanceFen,
          buyerNick: order.buyerNick,
        });
        const raced = await landWithinDeadline(deps.interactiveDeadlineMs ?? INTERACTIVE_DEADLINE_MS, (opts) =>
          landOnPlatform(deps.platform, { tid, text: rendered.text, flag: rendered.flag }, { ...opts, dryRun }),
        );
        const { landing, late } = raced;
        inFlight = late?.outcome;
        if (landing.outcome === 'too_long')
          throw new ConflictError({
            message: landing.message,
            code: 'memo_too_long',
            params: { bytes: landing.bytes, limit: landing.limit },
          });
        let status: WriteResult['status'];
        let memo: string;
        let flag: number;
        if (late) {
          // The overwrite on its way, planned on the memo the platform had just given.
          [status, memo, flag] = ['pending', late.memo, late.flag];
        } else if (landing.outcome === 'unreachable') {
          // Checked against the last memo we saw: a write that cannot fit is refused now, not queued.
          const plan = planAppend(order.sellerMemo, rendered.text);
          if (plan.status === 'too_long')
            throw new ConflictError({
              message: plan.message,
              code: 'memo_too_long',
              params: { bytes: plan.bytes, limit: plan.limit },
            });
          [status, memo, flag] = ['pending', plan.memo, mergeFlag(order.sellerFlag, rendered.flag)];
        } else {
          [status, memo, flag] = [landing.outcome, landing.memo, landing.flag];
        }
        const ledger = rendered.ledger
          ? { amountFen: rendered.ledger.amountFen, remainingFen: rendered.ledger.remainingFen }
          : null;
        const close = closeWanted(rendered, order, req.closeTrade);
        const base = {
          id,
          status,
          dryRun,
          kind: kind.id,
          variant: rendered.variant,
          entry: rendered.text,
          memo,
          flag,
          ledger,
          close,
        };
        if (dryRun) {
          const opens = rendered.handoff?.opens;
          const preview = opens ? assigneeOf(deps.directory, opens.assignee, req.user) : null;
          const task: TaskPreview | null =
            opens && preview
              ? {
                  id: null,
                  type: opens.type,
                  assignee: preview.username,
                  assigneeName: preview.displayName,
                  state: 'open',
                }
              : null;
          return {
            result: { ...base, task, refund: rendered.registerLine ? { id, line: rendered.registerLine } : null },
          };
        }

        if (landing.outcome !== 'unreachable') await orders.upsertMany([landing.order]);
        const effects = await applyEffects(deps, {
          entryId: id,
          tid,
          buyerNick: order.buyerNick,
          rendered,
          user: req.user,
          at,
        });
        const saved: RemarkEntry = {
          id,
          tid,
          kind: kind.id,
          variant: rendered.variant,
          fields: rendered.fields,
          text: rendered.text,
          flag: rendered.flag,
          staff,
          username: req.user.username,
          at: toInstant(at),
          day: shanghaiDate(at),
          status,
          platform: {
            attempts: 1,
            lastError: landing.outcome === 'unreachable' ? landing.error : null,
            landedAt: status === 'pending' ? null : toInstant(clock.now()),
            flagAfter: status === 'pending' ? null : flag,
          },
          taskId: effects.task?.id ?? null,
          close,
        };
        await remarks.save(saved);
        deps.logger.info({ tid, kind: kind.id, entry: id, status }, 'remark recorded');
        // Only once the memo has landed; a pending entry's close waits in the outbox with it.
        const settled = await settleClose(deps, saved, { patienceMs: INTERACTIVE_PATIENCE_MS });
        const result = {
          ...base,
          close: settled.close ?? null,
          task: effects.task ? deps.tasks.view(effects.task) : null,
          refund: effects.refund ? { id: effects.refund.id, line: effects.refund.line } : null,
        };
        return { result, late: late?.outcome };
      };
      return kind.ledger === 'balance_debit' ? lock.run(`buyer:${order.buyerNick}`, go) : go();
    }
  }

  /**
   * The answer to an overwrite sent before the deadline, recorded once it comes (under the order's lock, which the
   * caller still holds): landed → written; no answer → still pending, and the outbox reads the memo back before it
   * writes anything; refused for good → failed. Nothing is sent again from here.
   */
  async function settleLate(tid: string, id: string, late: Promise<Landing>): Promise<void> {
    let tried: Parameters<typeof recordTry>[2];
    try {
      tried = { landing: await late };
    } catch (error) {
      tried = { error };
    }
    const entry = remarks.find(tid, id);
    if (entry?.status !== 'pending') return;
    try {
      const outcome = await recordTry(deps, entry, tried, entry.platform.attempts);
      deps.logger.info({ tid, entry: id, outcome }, 'late platform answer recorded');
      const landed = remarks.find(tid, id);
      if (landed) await settleClose(deps, landed);
    } catch (err) {
      // The entry stays pending: the outbox's read-back settles it.
      deps.logger.error({ tid, entry: id, err }, 'recording a late platform answer failed');
    }
  }

  /** The order's remark state (unpaid / paid not printed / printed) as `write` would decide it. */
  function stateOf(tid: string): RemarkOrderState {
    if (!TID.test(tid))
      throw new ValidationError({ message: '订单号只能是数字', code: 'tid_not_digits', field: 'tid', params: { tid } });
    const order = orders.get(tid);
    if (!order) throw new NotFoundError({ message: `订单 ${tid} 不存在`, code: 'order_not_found', params: { tid } });
    return remarkState(order, remarks.printMark(tid) !== undefined, deps.dateFormat);
  }

  return { write, stateOf };
}

export type RemarkService = ReturnType<typeof createRemarkService>;
