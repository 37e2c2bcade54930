/**
 * What people do to a return: the warehouse checks what came back (验收: condition and a note), which opens the
 * keeper's refund task; staff mark a return as an exchange (换货); and when the new item ships, its waybill goes into
 * the order's memo with the yellow flag (the handbook: 换货…以小黄旗备注单号) through the remark service's
 * exactly-once write. Each action runs once per return, under the return's own lock: a second click, a second
 * colleague or a retry finds the work done and changes nothing.
 */
import type { User } from '../accounts/index.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { KeyedLock } from '../shared/keyed-lock.js';
import { toInstant, type Clock } from '../shared/time.js';
import type { TaskService } from '../tasks/index.js';
import { RETURN_STATE_LABELS } from './return-labels.js';
import {
  returnState,
  type ReturnCondition,
  type ReturnPurpose,
  type ReturnRecord,
  type ReturnState,
} from './return.js';
import type { ReturnRepository } from './return-repository.js';
import type { ReturnPeople } from './return-sync.js';

/** The remark service's write (the same as POST /api/orders/:tid/remarks), as much of it as a return needs. */
export interface RemarkWrite {
  write(req: { tid: string; kind: string; fields: Record<string, unknown>; user: User }): Promise<{
    id: string;
    status: string;
    entry: string;
    memo: string;
    flag: number;
  }>;
}

export interface ReturnActionDeps {
  repo: ReturnRepository;
  tasks: Pick<TaskService, 'open' | 'get' | 'closeOnBehalf'>;
  remarks: RemarkWrite;
  people: ReturnPeople;
  lock: KeyedLock;
  clock: Clock;
}

const CONFIRMABLE: ReadonlySet<ReturnState> = new Set(['in_transit', 'returned']);
/** The handbook: the after-sales colleague sends the new item once the one sent back is in hand (验收). */
const EXCHANGEABLE: ReadonlySet<ReturnState> = new Set(['awaiting_exchange']);

function refuse(r: ReturnRecord, what: string): ConflictError {
  const state = returnState(r);
  return new ConflictError({
    message: `这件退货现在是“${RETURN_STATE_LABELS[state]}”，不能${what}`,
    code: 'return_wrong_state',
    params: { id: r.id, state },
  });
}

export function createReturnActions(deps: ReturnActionDeps) {
  const { repo, lock, clock } = deps;

  function find(id: string): ReturnRecord {
    const r = repo.get(id);
    if (!r)
      throw new NotFoundError({ message: '没有找到这件退货，请刷新后重试', code: 'return_not_found', params: { id } });
    return r;
  }
  const once = <T>(id: string, work: () => Promise<T>) => lock.run(`return:${id}`, work);

  /** The warehouse's check: received in good condition, damaged, or not the item sold; then the keeper refunds. */
  function confirmReceipt(id: string, input: { condition: ReturnCondition; note?: string }, user: User) {
    return once(id, async () => {
      const r = find(id);
      if (r.receipt) return { ret: r, already: true };
      if (!CONFIRMABLE.has(returnState(r))) throw refuse(r, '验收');
      const at = toInstant(clock.now());
      const receipt = {
        condition: input.condition,
        note: input.note?.trim() ?? '',
        by: user.username,
        byName: user.displayName,
        at,
      };
      let refundTaskId: string | null = null;
      if (r.purpose === 'refund') {
        const task = await deps.tasks.open({
          id: `return-refund:${r.id}`,
          type: 'return_refund',
          tid: r.tid,
          assignee: deps.people.keeper(),
          opener: user,
        });
        refundTaskId = task.id;
      }
      if (r.receiptTaskId && deps.tasks.get(r.receiptTaskId)?.state === 'open')
        await deps.tasks.closeOnBehalf(r.receiptTaskId, user, receipt.note || undefined);
      const ret = await repo.update(id, (cur) => ({
        ...cur!,
        receipt,
        refundTaskId: refundTaskId ?? cur!.refundTaskId,
      }));
      return { ret, already: false };
    });
  }

  /** Whether the buyer wants the money back or another item; settled once the warehouse has checked the goods. */
  function setPurpose(id: string, purpose: ReturnPurpose) {
    return once(id, async () => {
      const r = find(id);
      if (r.purpose === purpose) return r;
      if (r.receipt || r.exchange) throw refuse(r, '再改退款或换货');
      return repo.update(id, (cur) => ({ ...cur!, purpose }));
    });
  }

  /** The new item of an exchange has shipped: its waybill into the memo, yellow flag, once for the return. */
  function shipExchange(id: string, input: { courier: string; waybill: string }, user: User) {
    return once(id, async () => {
      const r = find(id);
      if (r.exchange) return { ret: r, already: true };
      if (r.purpose !== 'exchange')
        throw new ConflictError({
          message: '这件退货不是换货，请先标记为换货',
          code: 'return_not_exchange',
          params: { id },
        });
      if (!EXCHANGEABLE.has(returnState(r))) throw refuse(r, '换出');
      const written = await deps.remarks.write({
        tid: r.tid,
        kind: 'exchange.shipped',
        fields: { courier: input.courier, waybill: input.waybill },
        user,
      });
      const exchange = {
        courier: input.courier.trim(),
        waybill: input.waybill.trim(),
        remarkId: written.id,
        remarkStatus: written.status,
        by: user.username,
        byName: user.displayName,
        at: toInstant(clock.now()),
      };
      const ret = await repo.update(id, (cur) => ({ ...cur!, exchange }));
      return { ret, already: false, remark: written };
    });
  }

  return { confirmReceipt, setPurpose, shipExchange, find };
}

export type ReturnActions = ReturnType<typeof createReturnActions>;
