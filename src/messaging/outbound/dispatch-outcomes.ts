/**
 * What a dispatch run records: the counts of its run (the job's counts, named in operations/job-counts.ts) and each
 * message's state after its channel answered, or after no number could be had for it (the chat queue).
 */
import { MINUTE, toInstant } from '../../shared/time.js';
import type { SendOutcome } from './channel-port.js';
import { nextDayOpening, windowFor } from '../policy/send-windows.js';
import type { MessageKind } from '../templates/metadata.js';
import type { OutboundMessage } from './message.js';
import { logAttempt, nowInstant, sameClaim, type OutboundDeps } from './outbound-deps.js';

/** After a provider system error: 5, 10, 15… minutes. */
const RETRY_STEP_MS = 5 * MINUTE;

export interface DispatchCounts extends Record<string, number> {
  due: number;
  sent: number;
  outbox: number;
  deferred: number;
  cancelled: number;
  /** Outlived the kind's validity (a greeting after the birthday, a reminder for an order paid or closed). */
  dropped: number;
  failed: number;
  retrying: number;
  held: number;
  resolved: number;
  unresolved: number;
}

export const emptyCounts = (): DispatchCounts => ({
  due: 0,
  sent: 0,
  outbox: 0,
  deferred: 0,
  cancelled: 0,
  dropped: 0,
  failed: 0,
  retrying: 0,
  held: 0,
  resolved: 0,
  unresolved: 0,
});

/** Records what the channel answered for a claimed message. */
export async function settle(
  d: OutboundDeps,
  m: OutboundMessage,
  out: SendOutcome,
  counts: DispatchCounts,
): Promise<OutboundMessage | undefined> {
  const now = d.clock.now();
  const at = toInstant(now);
  const exhausted = m.attempts >= d.config.maxAttempts;
  let next: (x: OutboundMessage) => OutboundMessage;
  switch (out.outcome) {
    case 'sent':
      counts.sent++;
      next = (x) => ({
        ...x,
        state: 'sent',
        sentAt: at,
        ...(out.providerId ? { providerId: out.providerId } : {}),
        stateReason: undefined,
      });
      break;
    case 'outbox':
      counts.outbox++;
      next = (x) => ({ ...x, state: 'outbox', deliveredAt: at, stateReason: undefined });
      break;
    case 'failed':
      counts.failed++;
      next = (x) => ({ ...x, state: 'failed', stateReason: 'refused', lastError: out.error });
      break;
    case 'retry':
    case 'capped': {
      const template = d.templates.byKind(m.kind as MessageKind);
      const { window } = windowFor(m.kind as MessageKind, template?.meta.marketing ?? false, d.config);
      const dueAt = out.outcome === 'capped' ? nextDayOpening(now, window) : now + RETRY_STEP_MS * m.attempts;
      if (exhausted) counts.failed++;
      else counts.retrying++;
      next = (x) =>
        exhausted
          ? { ...x, state: 'failed', stateReason: 'out_of_attempts', lastError: out.error }
          : {
              ...x,
              state: 'queued',
              dueAt: toInstant(dueAt),
              stateReason: out.outcome === 'capped' ? 'provider_capped' : 'provider_error',
              lastError: out.error,
            };
      break;
    }
    case 'unknown':
      // Stays `sending`, let go of (no claimer): the next run on any instance resolves it before any resend.
      counts.unresolved++;
      next = (x) => ({ ...x, stateReason: 'outcome_unknown', lastError: out.error, claimedBy: undefined });
      break;
  }
  const saved = await d.repo.transition(m.id, ['sending'], next, sameClaim(m));
  // Another instance took this one for dead and resolved the claim meanwhile: the attempt log still keeps the answer.
  if (!saved) d.logger.warn({ messageId: m.id, outcome: out.outcome }, 'send answered after its claim was resolved');
  await logAttempt(d, m, out.outcome, {
    ...('error' in out ? { error: out.error } : {}),
    ...('providerId' in out && out.providerId ? { providerId: out.providerId } : {}),
  });
  return saved;
}

/**
 * No number to text: the chat queue, where a person sends it in the platform's chat and marks it sent (the outbox
 * state; the reason says why it did not go by SMS). Counted with the outbox: it waits only for a person's paste.
 */
export async function toChatQueue(
  d: OutboundDeps,
  m: OutboundMessage,
  reason: string,
  detail: string | undefined,
  counts: DispatchCounts,
) {
  counts.outbox++;
  const saved = await d.repo.transition(
    m.id,
    ['sending'],
    (x) => ({
      ...x,
      state: 'outbox',
      deliveredAt: nowInstant(d),
      stateReason: reason,
      // The reason is what staff read (in Chinese); the platform's own words stay in the attempt log.
      lastError: undefined,
    }),
    sameClaim(m),
  );
  if (saved) await logAttempt(d, m, 'outbox', { channel: 'outbox', error: detail ? `${reason}: ${detail}` : reason });
}

/** The platform did not answer the decrypt: tried later like a provider error; out of tries, a person sends it. */
export async function retryDecrypt(
  d: OutboundDeps,
  m: OutboundMessage,
  error: string,
  counts: DispatchCounts,
): Promise<void> {
  if (m.attempts >= d.config.maxAttempts) return toChatQueue(d, m, 'decrypt_failed', error, counts);
  counts.retrying++;
  const saved = await d.repo.transition(
    m.id,
    ['sending'],
    (x) => ({
      ...x,
      state: 'queued',
      dueAt: toInstant(d.clock.now() + RETRY_STEP_MS * m.attempts),
      stateReason: 'decrypt_error',
    }),
    sameClaim(m),
  );
  if (saved) await logAttempt(d, m, 'retry', { error: `decrypt: ${error}` });
}
