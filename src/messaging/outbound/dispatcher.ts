/**
 * Sends what is due, once. A message is claimed (queued → sending, attempts + 1) and that is on
 * disk before any channel is asked; the outcome is recorded after. A message found in `sending`
 * that this process is not sending was left by a crash or an unanswered request: it is resolved
 * with the channel (Aliyun's QuerySendDetails by OutId) and only sent again when the provider has
 * no trace of it; when nobody can tell, it is held for a person.
 */
import { MINUTE, parseInstant, toInstant } from '../../shared/time.js';
import type { SendOutcome } from './channel-port.js';
import { sendDecision } from '../policy/send-policy.js';
import { nextDayOpening, windowFor } from '../policy/send-windows.js';
import { checkState } from '../policy/state-checks.js';
import { validityCheck } from '../policy/validity.js';
import type { MessageKind } from '../templates/metadata.js';
import type { OutboundMessage } from './message.js';
import { channelOf, logAttempt, nowInstant, type OutboundDeps } from './outbound-deps.js';

/** A provider may take a moment to list a send it accepted: "no trace" counts only after this. */
export const RESOLVE_GRACE_MS = 5 * MINUTE;
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

export function createDispatcher(d: OutboundDeps) {
  const { repo } = d;
  const emptyCounts = (): DispatchCounts => ({
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

  const phoneFor = (m: OutboundMessage) => d.facts.phoneOf(m.tid, m.buyerNick);

  async function settle(
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
        // Stays `sending`: once this process lets go, the next run resolves it before any resend.
        counts.unresolved++;
        next = (x) => ({ ...x, stateReason: 'outcome_unknown', lastError: out.error });
        break;
    }
    const saved = await repo.transition(m.id, ['sending'], next);
    await logAttempt(d, m, out.outcome, {
      ...('error' in out ? { error: out.error } : {}),
      ...('providerId' in out && out.providerId ? { providerId: out.providerId } : {}),
    });
    return saved;
  }

  /** Policy at send time, then claim, send, record. Answers the message as it ends up. */
  async function dispatch(m: OutboundMessage, counts: DispatchCounts): Promise<OutboundMessage | undefined> {
    const now = d.clock.now();
    const kind = m.kind as MessageKind;
    const template = d.templates.byKind(kind);
    const facts = d.facts.facts({ tid: m.tid, buyerNick: m.buyerNick, staffName: d.config.systemStaffName });
    // Before the policy: a message past its kind's validity is dropped, whatever else would defer or cancel it.
    const valid = validityCheck(kind, {
      now,
      createdAt: m.createdAt,
      ...(m.validUntil ? { validUntil: m.validUntil } : {}),
      ...(facts.order ? { order: facts.order } : {}),
    });
    if (!valid.ok) {
      counts.dropped++;
      const saved = await repo.transition(m.id, ['queued'], (x) => ({
        ...x,
        state: 'dropped',
        stateReason: valid.reason,
      }));
      if (saved) await logAttempt(d, m, 'dropped', { error: valid.reason });
      return saved;
    }
    // The phrase list may have grown since the message was queued: a text that trips it is held for a person.
    const finding = m.audience === 'buyer' ? d.compliance.scan(m.text)[0] : undefined;
    if (finding) {
      counts.held++;
      const saved = await repo.transition(m.id, ['queued'], (x) => ({
        ...x,
        state: 'held',
        stateReason: 'non_compliant',
        lastError: finding.phrase,
      }));
      if (saved) await logAttempt(d, m, 'held', { error: `non_compliant: ${finding.phrase}` });
      return saved;
    }
    const decision = sendDecision(
      {
        kind,
        marketing: template?.meta.marketing ?? false,
        now,
        optedOut: !!repo.optOut(m.buyerNick),
        sentToBuyerToday: repo.reachedBuyerOn(m.buyerNick, now),
        state: checkState(kind, {
          ...(facts.order ? { order: facts.order } : {}),
          hasTid: !!m.tid,
          parcels: facts.parcels,
          now,
        }),
      },
      d.config,
    );
    if (decision.action === 'cancel') {
      counts.cancelled++;
      const saved = await repo.transition(m.id, ['queued'], (x) => ({
        ...x,
        state: 'cancelled',
        stateReason: decision.reason,
      }));
      if (saved) await logAttempt(d, m, 'cancelled', { error: decision.reason });
      return saved;
    }
    if (decision.action === 'defer') {
      counts.deferred++;
      const saved = await repo.transition(m.id, ['queued'], (x) => ({
        ...x,
        dueAt: toInstant(decision.until),
        stateReason: decision.reason,
      }));
      if (saved) await logAttempt(d, m, 'deferred', { error: `${decision.reason} until ${toInstant(decision.until)}` });
      return saved;
    }
    const channel = channelOf(d, m.channel);
    if (!channel) {
      counts.held++;
      return repo.transition(m.id, ['queued'], (x) => ({ ...x, state: 'held', stateReason: 'channel_not_configured' }));
    }
    const claimed = await repo.transition(m.id, ['queued'], (x) => ({
      ...x,
      state: 'sending',
      attempts: x.attempts + 1,
      sendingSince: nowInstant(d),
    }));
    if (!claimed) return repo.get(m.id);
    d.inFlight.add(m.id);
    try {
      const phone = channel.needsPhone ? phoneFor(claimed) : undefined;
      const out: SendOutcome =
        channel.needsPhone && !phone
          ? { outcome: 'failed', error: 'no_phone' }
          : await channel
              .send({ message: claimed, ...(phone ? { phone } : {}) })
              .catch((err: unknown): SendOutcome => ({ outcome: 'unknown', error: String(err) }));
      return await settle(claimed, out, counts);
    } finally {
      d.inFlight.delete(m.id);
    }
  }

  /** Messages left in `sending` by a crash or an unanswered request. */
  async function recover(counts: DispatchCounts): Promise<void> {
    for (const m of repo.inState('sending')) {
      if (d.inFlight.has(m.id)) continue;
      const channel = m.audience === 'buyer' ? channelOf(d, m.channel) : undefined;
      if (!channel) {
        // Robots cannot be asked what they posted: a person looks at the group and decides.
        counts.held++;
        const saved = await repo.transition(m.id, ['sending'], (x) => ({
          ...x,
          state: 'held',
          stateReason: 'outcome_unknown',
        }));
        if (saved) await logAttempt(d, m, 'held', { error: 'outcome unknown after restart' });
        continue;
      }
      const phone = channel.needsPhone ? phoneFor(m) : undefined;
      const r = await channel
        .resolve({ message: m, ...(phone ? { phone } : {}) })
        .catch((err: unknown) => ({ outcome: 'unknown' as const, error: String(err) }));
      const at = nowInstant(d);
      if (r.outcome === 'sent') {
        counts.resolved++;
        await repo.transition(m.id, ['sending'], (x) => ({
          ...x,
          state: 'sent',
          sentAt: at,
          stateReason: 'confirmed_by_provider',
          ...(r.providerId ? { providerId: r.providerId } : {}),
        }));
        await logAttempt(d, m, 'resolved-sent');
      } else if (r.outcome === 'failed') {
        counts.failed++;
        await repo.transition(m.id, ['sending'], (x) => ({
          ...x,
          state: 'failed',
          stateReason: 'refused',
          lastError: r.error,
        }));
        await logAttempt(d, m, 'failed', { error: r.error });
      } else if (r.outcome === 'not_sent') {
        const since = m.sendingSince ? parseInstant(m.sendingSince) : 0;
        if (channel.kind !== 'outbox' && d.clock.now() - since < RESOLVE_GRACE_MS) {
          counts.unresolved++;
          continue;
        }
        counts.resolved++;
        await repo.transition(m.id, ['sending'], (x) => ({
          ...x,
          state: 'queued',
          dueAt: at,
          stateReason: 'not_sent_before_restart',
        }));
        await logAttempt(d, m, 'resolved-not-sent');
      } else {
        counts.held++;
        await repo.transition(m.id, ['sending'], (x) => ({
          ...x,
          state: 'held',
          stateReason: 'outcome_unknown',
          lastError: r.error,
        }));
        await logAttempt(d, m, 'held', { error: r.error });
      }
    }
  }

  /**
   * A message waiting for a person's values is dropped once its kind's validity has run out (a greeting whose day
   * passed, a reminder for an order paid since): filling it then could only send it late, and it leaves the handover.
   */
  async function dropOutlived(counts: DispatchCounts): Promise<void> {
    const now = d.clock.now();
    for (const m of repo.inState('needs_values')) {
      const order = m.tid ? d.facts.facts({ tid: m.tid, staffName: d.config.systemStaffName }).order : undefined;
      const valid = validityCheck(m.kind as MessageKind, {
        now,
        createdAt: m.createdAt,
        ...(m.validUntil ? { validUntil: m.validUntil } : {}),
        ...(order ? { order } : {}),
      });
      if (valid.ok) continue;
      const saved = await repo.transition(m.id, ['needs_values'], (x) => ({
        ...x,
        state: 'dropped',
        stateReason: valid.reason,
      }));
      if (!saved) continue;
      counts.dropped++;
      await logAttempt(d, m, 'dropped', { error: valid.reason });
    }
  }

  /** One run of the dispatch job: resolve leftovers, then send what is due, oldest first. */
  async function runOnce(): Promise<DispatchCounts> {
    const counts = emptyCounts();
    await recover(counts);
    await dropOutlived(counts);
    for (const m of repo.due(d.clock.now())) {
      counts.due++;
      await dispatch(m, counts);
    }
    return counts;
  }

  /** Sends one message now if it is due (staff pressed send); otherwise leaves it for its time. */
  async function dispatchNow(id: string): Promise<OutboundMessage | undefined> {
    const m = repo.get(id);
    if (!m || m.state !== 'queued' || parseInstant(m.dueAt) > d.clock.now()) return m;
    return dispatch(m, emptyCounts());
  }

  return { runOnce, dispatchNow };
}
