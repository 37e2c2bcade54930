/**
 * The messaging service others call: queue and preview buyer messages, list the outbox and the
 * log, staff marks (sent, cancelled), buyer opt-outs, staff notices, and the dispatch run.
 */
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.js';
import { isOptOutReply } from '../policy/opt-out.js';
import { createDispatcher } from './dispatcher.js';
import { createEnqueue, type EnqueueRequest } from './enqueue.js';
import { createFillValues } from './fill-values.js';
import { MESSAGE_STATE_LABELS, type MessageState, type OutboundMessage, type SendAttempt } from './message.js';
import type { MessageFilter, OptOut } from './message-repository.js';
import { logAttempt, nowInstant, type OutboundDeps } from './outbound-deps.js';
import { createMessageStats } from './message-stats.js';
import { createStaffNotices } from './staff-notices.js';

export interface Actor {
  username: string;
  displayName: string;
}

/**
 * States a person may still stop; cancelling a failed one, or one waiting for values, marks it dealt with (off the
 * handover's problem list), with the person's name.
 */
const CANCELLABLE: readonly MessageState[] = ['needs_values', 'queued', 'held', 'outbox', 'failed'];
/** What an opt-out stops. */
const WAITING: readonly MessageState[] = ['needs_values', 'queued', 'held', 'outbox'];

export function createMessageService(d: OutboundDeps) {
  const { repo } = d;
  const queue = createEnqueue(d);
  const { enqueue, preview } = queue;
  const dispatcher = createDispatcher(d);
  const filler = createFillValues(d, queue, dispatcher.dispatchNow);
  const notifyStaff = createStaffNotices(d);

  function mustGet(id: string): OutboundMessage {
    const m = repo.get(id);
    if (!m)
      throw new NotFoundError({ message: '没有找到这条消息，请刷新后重试', code: 'message_not_found', params: { id } });
    return m;
  }

  /** Staff pasted an outbox message into the chat (or checked a held one did arrive). Marking twice is harmless. */
  async function markSent(id: string, user: Actor): Promise<OutboundMessage> {
    const m = mustGet(id);
    if (m.state === 'sent') return m;
    // Held for a forbidden phrase, it never went out: nothing to confirm, only to cancel (or queue anew, reworded).
    if (m.state === 'held' && m.stateReason === 'non_compliant')
      throw new ConflictError({
        message: `这条消息因为含有“${m.lastError ?? ''}”被拦下，没有发出，不能标记为已发送；请取消后改写重发`,
        code: 'held_non_compliant',
        params: { id, phrase: m.lastError ?? '' },
      });
    const saved = await repo.transition(id, ['outbox', 'held'], (x) => ({
      ...x,
      state: 'sent',
      sentAt: nowInstant(d),
      sentBy: user.username,
    }));
    if (!saved) {
      const now = repo.get(id);
      // Two people marking it at the same moment: the first mark stands, the second sees it (recorded once).
      if (now?.state === 'sent') return now;
      const state = now?.state ?? m.state;
      throw new ConflictError({
        message: `这条消息${MESSAGE_STATE_LABELS[state]}，只有待复制发送或待人工确认的消息可以标记为已发送`,
        code: 'not_markable',
        params: { id, state },
      });
    }
    await logAttempt(d, saved, 'sent', { error: `marked by ${user.username}` });
    return saved;
  }

  async function cancel(id: string, user: Actor, reason = 'cancelled_by_staff', note = ''): Promise<OutboundMessage> {
    const m = mustGet(id);
    if (m.state === 'cancelled') return m;
    const saved = await repo.transition(id, CANCELLABLE, (x) => ({
      ...x,
      state: 'cancelled',
      stateReason: reason,
      sentBy: user.username,
      closedBy: { username: user.username, displayName: user.displayName, at: nowInstant(d), note: note.trim() },
    }));
    if (!saved) {
      const state = repo.get(id)?.state ?? m.state;
      throw new ConflictError({
        message: `这条消息${MESSAGE_STATE_LABELS[state]}，已经不能取消`,
        code: 'not_cancellable',
        params: { id, state },
      });
    }
    await logAttempt(d, saved, 'cancelled', { error: reason });
    return saved;
  }

  /** Never again: the opt-out is stored and every message still waiting for this buyer is cancelled. */
  async function optOut(
    nick: string,
    by: { username: string } | 'buyer-reply',
  ): Promise<{ optOut: OptOut; cancelled: number }> {
    const buyer = nick.trim();
    if (!buyer) throw new ValidationError({ message: '请填写买家昵称', code: 'field_required', field: 'nick' });
    const record = await repo.addOptOut({
      nick: buyer,
      at: nowInstant(d),
      by: by === 'buyer-reply' ? buyer : by.username,
      source: by === 'buyer-reply' ? 'buyer-reply' : 'staff',
    });
    let cancelled = 0;
    for (const m of repo.list({ buyer, audience: 'buyer', state: WAITING })) {
      const saved = await repo.transition(m.id, WAITING, (x) => ({
        ...x,
        state: 'cancelled',
        stateReason: 'opted_out',
      }));
      if (saved) {
        cancelled++;
        await logAttempt(d, saved, 'cancelled', { error: 'opted_out' });
      }
    }
    d.logger.info({ buyer, source: record.source, cancelled }, 'buyer opted out');
    return { optOut: record, cancelled };
  }

  /** A buyer's chat or SMS reply: 退订/TD opts them out. */
  async function buyerReplied(nick: string, text: string): Promise<{ optedOut: boolean }> {
    if (!isOptOutReply(text)) return { optedOut: false };
    await optOut(nick, 'buyer-reply');
    return { optedOut: true };
  }

  async function get(id: string): Promise<{ message: OutboundMessage; attempts: SendAttempt[] }> {
    const message = mustGet(id);
    return { message, attempts: await repo.attempts(id) };
  }

  /** Queues and, when it is due now, sends at once (the console's "send"): the answer shows where it went. */
  async function enqueueAndSend(req: EnqueueRequest) {
    const result = await enqueue(req);
    if (!result.queued) return result;
    const message = (await dispatcher.dispatchNow(result.message.id)) ?? result.message;
    return { ...result, message };
  }

  /** A person fills what a job's message lacked: rendered, linted, checked and queued (sent now when due). */
  const fillValues = (id: string, values: Record<string, string>, user: Actor) =>
    filler.fill(mustGet(id), values, user);

  /** A person decides a message will not be sent (a job's message waiting for values, most often), with a note. */
  const dismiss = (id: string, user: Actor, note = '') => cancel(id, user, 'dismissed_by_staff', note);

  /** The handover's 完成 on a message item: only a message still waiting for values is closed by it. */
  async function dismissWaiting(id: string, user: Actor, note = ''): Promise<OutboundMessage | undefined> {
    return repo.get(id)?.state === 'needs_values' ? dismiss(id, user, note) : undefined;
  }

  return {
    enqueue,
    enqueueAndSend,
    fillValues,
    dismiss,
    dismissWaiting,
    preview,
    list: (filter: MessageFilter) => repo.list(filter),
    get,
    markSent,
    cancel,
    optOut,
    isOptedOut: (nick: string) => !!repo.optOut(nick),
    /** When and by whom the buyer opted out (the buyer page's history), or null. */
    optOutOf: (nick: string) => repo.optOut(nick) ?? null,
    buyerReplied,
    notifyStaff,
    ...createMessageStats(repo),
    dispatchDue: dispatcher.runOnce,
  };
}

export type MessageService = ReturnType<typeof createMessageService>;
