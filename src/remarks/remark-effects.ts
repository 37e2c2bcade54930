/**
 * What a recorded remark does besides the memo: the local print mark, a balance debit, a refund
 * register record, and hand-off tasks opened or closed. Every effect is keyed by the entry id, so
 * running them again after a crash (before the entry itself was saved) changes nothing twice.
 */
import type { User } from '../accounts/index.js';
import type { BalanceLedger, Movement, RefundRecord, RefundRegister } from '../ledger/index.js';
import { shanghaiDate, toInstant } from '../shared/time.js';
import type { Task, TaskService } from '../tasks/index.js';
import { getRemarkKind, type RenderedRemark } from './catalogue/index.js';
import type { RemarkRepository } from './remark-repository.js';
import { findColleague, type StaffDirectory } from './staff-directory.js';

export interface EffectDeps {
  remarks: RemarkRepository;
  tasks: TaskService;
  ledger: BalanceLedger;
  refunds: RefundRegister;
  directory: StaffDirectory;
}

export interface EffectInput {
  entryId: string;
  tid: string;
  buyerNick: string;
  rendered: RenderedRemark;
  user: User;
  at: number;
}

export interface Effects {
  task: Task | null;
  movement: Movement | null;
  refund: RefundRecord | null;
}

/** A hand-off names its assignee by display name; tasks are matched by username. */
export function assigneeOf(
  directory: StaffDirectory,
  displayName: string,
  writer: User,
): { username: string; displayName: string } {
  if (displayName === writer.displayName) return writer;
  const c = findColleague(directory, displayName);
  return c ? { username: c.username, displayName: c.displayName } : { username: displayName, displayName };
}

export async function applyEffects(deps: EffectDeps, input: EffectInput): Promise<Effects> {
  const { rendered, user, tid, entryId } = input;
  const at = toInstant(input.at);
  const effects: Effects = { task: null, movement: null, refund: null };

  if (rendered.kind === 'print.printed') await deps.remarks.setPrintMark({ tid, at, by: user.username });
  if (rendered.ledger) {
    effects.movement = await deps.ledger.debit(input.buyerNick, {
      id: entryId,
      amountFen: rendered.ledger.amountFen,
      tid,
      entryId,
      staff: user.displayName,
      username: user.username,
      // The keeper reads the reason on 余额与退款: the kind's name (扣除余额(改价)), not its id.
      reason: getRemarkKind(rendered.kind)?.title ?? rendered.kind,
      at,
    });
  }
  if (rendered.refund) {
    const r = rendered.refund;
    effects.refund = await deps.refunds.open({
      id: entryId,
      tid,
      buyerNick: input.buyerNick,
      channel: r.channel,
      account: r.account,
      bankName: r.bankName ?? null,
      realName: r.realName,
      reason: r.reason,
      amountFen: r.amountFen,
      sku: r.sku,
      staff: user.displayName,
      username: user.username,
      line: rendered.registerLine ?? '',
      createdAt: at,
      day: shanghaiDate(input.at),
      state: 'open',
      registeredAt: null,
      registeredBy: null,
      paidAt: null,
      paidBy: null,
    });
  }
  if (rendered.kind === 'refund.registered') await deps.refunds.markRegisteredForOrder(tid, user.displayName, at);

  const handoff = rendered.handoff;
  if (handoff?.closes)
    effects.task = await deps.tasks.closeMatching({ tid, type: handoff.closes.type, closer: user, entryId });
  if (handoff?.opens) {
    effects.task = await deps.tasks.open({
      id: entryId,
      type: handoff.opens.type,
      tid,
      opener: user,
      assignee: assigneeOf(deps.directory, handoff.opens.assignee, user),
    });
  }
  return effects;
}
