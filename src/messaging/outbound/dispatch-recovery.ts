/**
 * Messages found in `sending` that this process is not sending were left by a crash or an unanswered request. Each
 * is resolved with its channel (Aliyun's QuerySendDetails by OutId and the buyer's number) and only queued again when
 * the provider has no trace of it; when nobody can tell, it is held for a person. The number for the lookup is
 * decrypted again, in batches like a send, and dropped after.
 */
import { parseInstant } from '../../shared/time.js';
import type { BuyerChannel } from './channel-port.js';
import type { DispatchCounts } from './dispatch-outcomes.js';
import type { OutboundMessage } from './message.js';
import { channelOf, logAttempt, nowInstant, type OutboundDeps } from './outbound-deps.js';
import type { PhoneAnswer } from './receiver-phones.js';
import { MINUTE } from '../../shared/time.js';

/** A provider may take a moment to list a send it accepted: "no trace" counts only after this. */
export const RESOLVE_GRACE_MS = 5 * MINUTE;

export async function recoverSending(d: OutboundDeps, counts: DispatchCounts): Promise<void> {
  const { repo } = d;
  const left: { m: OutboundMessage; channel: BuyerChannel }[] = [];
  for (const m of repo.inState('sending')) {
    if (d.inFlight.has(m.id)) continue;
    const channel = m.audience === 'buyer' ? channelOf(d, m.channel) : undefined;
    if (channel) {
      left.push({ m, channel });
      continue;
    }
    // Robots cannot be asked what they posted: a person looks at the group and decides.
    counts.held++;
    const saved = await repo.transition(m.id, ['sending'], (x) => ({
      ...x,
      state: 'held',
      stateReason: 'outcome_unknown',
    }));
    if (saved) await logAttempt(d, m, 'held', { error: 'outcome unknown after restart' });
  }
  const needNumbers = left.filter((x) => x.channel.needsPhone).map((x) => x.m);
  const answers = needNumbers.length ? await d.phones.phonesFor(needNumbers) : new Map<string, PhoneAnswer>();
  for (const { m, channel } of left) {
    const answer = channel.needsPhone ? answers.get(m.id) : undefined;
    if (answer && answer.kind !== 'phone') {
      await withoutNumber(d, m, answer, counts);
      continue;
    }
    await resolveOne(d, m, channel, answer?.phone, counts);
  }
}

/**
 * The provider can only be asked with the buyer's number. Not now (the day's quota, the platform down): it stays
 * `sending` and the next run asks again. Not at all (the order lost its oaid): the send may have happened, so a person
 * decides; it is never sent again blindly.
 */
async function withoutNumber(
  d: OutboundDeps,
  m: OutboundMessage,
  answer: Exclude<PhoneAnswer, { kind: 'phone' }>,
  counts: DispatchCounts,
): Promise<void> {
  if (answer.kind === 'retry' || answer.reason === 'decrypt_quota') {
    counts.unresolved++;
    return;
  }
  counts.held++;
  const saved = await d.repo.transition(m.id, ['sending'], (x) => ({
    ...x,
    state: 'held',
    stateReason: 'outcome_unknown',
  }));
  const why = `${answer.reason}${answer.detail ? `: ${answer.detail}` : ''}`;
  if (saved) await logAttempt(d, m, 'held', { error: `no number to look the send up: ${why}` });
}

async function resolveOne(
  d: OutboundDeps,
  m: OutboundMessage,
  channel: BuyerChannel,
  phone: string | undefined,
  counts: DispatchCounts,
): Promise<void> {
  const { repo } = d;
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
      return;
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
