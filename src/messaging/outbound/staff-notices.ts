/**
 * Internal notices (handover reports, alerts) for the staff group: through the DingTalk or WeCom
 * robot with its 20-a-minute queue, or into the outbox in the sandbox. Kept as messages so the
 * console lists them with everything else; the send policy for buyers does not apply.
 */
import { randomUUID } from 'node:crypto';
import { ValidationError } from '../../shared/errors.js';
import { messageIdFor, type OutboundMessage } from './message.js';
import { logAttempt, nowInstant, sameClaim, type OutboundDeps } from './outbound-deps.js';

export interface StaffNotice {
  title: string;
  /** Markdown (`markdown` is accepted as another name for it). */
  text?: string;
  markdown?: string;
  /** Why it was sent ('handover-report', 'alert'...). */
  reason?: string;
}

export function createStaffNotices(d: OutboundDeps) {
  return async function notifyStaff(notice: StaffNotice): Promise<OutboundMessage> {
    if (!notice.title.trim())
      throw new ValidationError({ message: '请填写通知标题', code: 'field_required', field: 'title' });
    const text = (notice.text ?? notice.markdown ?? '').trim();
    if (!text) throw new ValidationError({ message: '请填写通知内容', code: 'field_required', field: 'text' });
    const at = nowInstant(d);
    const key = `staff-notice:${at}:${randomUUID()}`;
    const base: OutboundMessage = {
      id: messageIdFor(key),
      key,
      kind: 'staff-notice',
      audience: 'staff',
      tid: null,
      buyerNick: '',
      reason: notice.reason ?? 'notice',
      channel: d.robot?.kind ?? 'outbox',
      text,
      title: notice.title,
      state: 'queued',
      dueAt: at,
      createdAt: at,
      createdBy: 'system',
      attempts: 0,
    };
    if (!d.robot) {
      const { message } = await d.repo.insertNew({ ...base, state: 'outbox', deliveredAt: at });
      await logAttempt(d, message, 'outbox');
      return message;
    }
    // In flight before the insert lands, so a recovery beside it never takes it for let go.
    d.inFlight.add(base.id);
    try {
      const { message } = await d.repo.insertNew({
        ...base,
        state: 'sending',
        attempts: 1,
        sendingSince: at,
        claimedBy: d.instances.self,
      });
      const out = await d.robot.queue.push({ title: notice.title, markdown: text });
      const done = nowInstant(d);
      const saved = await d.repo.transition(
        message.id,
        ['sending'],
        (x) =>
          out.outcome === 'sent'
            ? { ...x, state: 'sent', sentAt: done }
            : { ...x, state: 'failed', stateReason: 'refused', lastError: out.error },
        sameClaim(message),
      );
      await logAttempt(
        d,
        message,
        out.outcome === 'sent' ? 'sent' : 'failed',
        'error' in out ? { error: out.error } : {},
      );
      return saved ?? message;
    } finally {
      d.inFlight.delete(base.id);
    }
  };
}
