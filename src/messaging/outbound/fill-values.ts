/**
 * A person fills the values a job's message was missing (state needs_values, see enqueue.ts): the message is
 * rendered again from the order as it is now, with what was kept (values so far, the transfer, the buyer), linted
 * for compliance, checked against its kind's validity and the send policy, and queued; when it is due it is sent at
 * once, so filling is the one click before sending. A greeting filled after its day is dropped, not sent late.
 */
import { ConflictError, ValidationError } from '../../shared/errors.js';
import { validityCheck } from '../policy/validity.js';
import type { MessageKind } from '../templates/metadata.js';
import type { createEnqueue, EnqueueRequest, EnqueueResult } from './enqueue.js';
import { MESSAGE_STATE_LABELS, type OutboundMessage } from './message.js';
import { logAttempt, nowInstant, type OutboundDeps } from './outbound-deps.js';
import { refuseNonCompliant } from './value-lint.js';

export interface Person {
  username: string;
  displayName: string;
}

type Enqueue = Pick<ReturnType<typeof createEnqueue>, 'prepare' | 'sendable'>;

export function createFillValues(
  d: OutboundDeps,
  e: Enqueue,
  dispatchNow: (id: string) => Promise<OutboundMessage | undefined>,
) {
  /** Moves the message out of needs_values; a conflict when someone else filled or closed it meanwhile. */
  async function leave(m: OutboundMessage, change: (x: OutboundMessage) => OutboundMessage) {
    const saved = await d.repo.transition(m.id, ['needs_values'], change);
    if (!saved) throw notWaiting(d.repo.get(m.id) ?? m);
    return saved;
  }

  async function fill(m: OutboundMessage, given: Record<string, string>, user: Person): Promise<EnqueueResult> {
    if (m.state !== 'needs_values') throw notWaiting(m);
    const typed = Object.fromEntries(
      Object.entries(given)
        .map(([k, v]) => [k, v.trim()] as const)
        .filter(([, v]) => v !== ''),
    );
    const values = { ...m.values, ...typed };
    const req: EnqueueRequest = {
      kind: m.kind as MessageKind,
      ...(m.tid ? { tid: m.tid } : { buyerNick: m.buyerNick }),
      reason: m.reason,
      values,
      ...(m.transfer ? { transfer: m.transfer } : {}),
      ...(m.buyer ? { buyer: m.buyer } : {}),
      user,
      // The day the job asked for: the idempotency key and a due-day kind's validity both read it.
      dueAt: m.requestedAt ?? m.createdAt,
    };
    const p = e.prepare(req, m.id);
    const missing = p.rendered.missingPrompts;
    if (missing.length > 0)
      throw new ValidationError({
        message: `还要填写：${missing.map((x) => x.label).join('、')}`,
        code: 'values_missing',
        field: `values.${missing[0]!.name}`,
        params: { missing: missing.map((x) => x.name) },
      });
    refuseNonCompliant(d.compliance, typed, p.rendered.text);
    const filledBy = { username: user.username, displayName: user.displayName, at: nowInstant(d) };
    const valid = validityCheck(m.kind as MessageKind, {
      now: d.clock.now(),
      createdAt: m.createdAt,
      ...(m.validUntil ? { validUntil: m.validUntil } : {}),
      ...(p.order ? { order: p.order } : {}),
    });
    if (!valid.ok) {
      const saved = await leave(m, (x) => ({ ...x, state: 'dropped', stateReason: valid.reason, values, filledBy }));
      await logAttempt(d, saved, 'dropped', { error: valid.reason });
      return { queued: false, reason: 'state_changed', detail: valid.reason, message: saved };
    }
    if (p.refusal) {
      // Opted out, paid, delivered since the job ran: the policy stops it, as it would a queued message.
      const why = p.refusal.detail ?? p.refusal.reason;
      const saved = await leave(m, (x) => ({ ...x, state: 'cancelled', stateReason: why, values, filledBy }));
      await logAttempt(d, saved, 'cancelled', { error: why });
      return { queued: false, ...p.refusal, message: saved };
    }
    const queued = await leave(m, (x) => {
      const next: OutboundMessage = { ...x, ...e.sendable(p), values, filledBy };
      delete next.missing;
      if (next.stateReason === undefined) delete next.stateReason;
      return next;
    });
    await logAttempt(d, queued, 'filled', { error: `by ${user.username}` });
    d.logger.info({ messageId: m.id, kind: m.kind, tid: m.tid, by: user.username }, 'missing values filled, queued');
    const sent = (await dispatchNow(m.id)) ?? queued;
    return { queued: true, message: sent, window: p.first.window };
  }

  return { fill };
}

function notWaiting(m: OutboundMessage): ConflictError {
  return new ConflictError({
    message: `这条消息${MESSAGE_STATE_LABELS[m.state]}，不需要再补充内容`,
    code: 'not_waiting_for_values',
    params: { id: m.id, state: m.state },
  });
}
