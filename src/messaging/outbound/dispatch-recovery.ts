/**
 * Messages found in `sending` that nobody is sending any more were left by a crash or an unanswered request: their
 * claimer is an instance that is no longer alive (a crash, a restart), or none (the sender let go of a send it could
 * not learn the outcome of; or a claim from before claims named their instance). A message claimed by a living
 * instance — this one's in flight, or another's on the same database — is left to it. Each leftover is resolved
 * with its channel (Aliyun's QuerySendDetails by OutId and the buyer's number) and only queued again when the
 * provider has no trace of it; when nobody can tell, it is held for a person, never sent again automatically. The
 * number for the lookup is decrypted again, in batches like a send, and dropped after.
 */
import { parseInstant } from '../../shared/time.js';
import type { BuyerChannel } from './channel-port.js';
import type { DispatchCounts } from './dispatch-outcomes.js';
import type { OutboundMessage } from './message.js';
import { channelOf, logAttempt, nowInstant, sameClaim, type OutboundDeps } from './outbound-deps.js';
import type { PhoneAnswer } from './receiver-phones.js';
import { MINUTE } from '../../shared/time.js';

/** A provider may take a moment to list a send it accepted: "no trace" counts only after this. */
export const RESOLVE_GRACE_MS = 5 * MINUTE;

/**
 * Whether a `sending` message is nobody's any more. The registry is asked once per claimer and run; when it cannot
 * tell (the database away), the claim is left for a later run: a living instance's send must never be taken over.
 */
function abandonedBy(d: OutboundDeps) {
  const answers = new Map<string, Promise<boolean>>();
  const alive = (id: string) => {
    let answer = answers.get(id);
    if (!answer) {
      answer = Promise.resolve()
        .then(() => d.instances.alive(id))
        .catch((err: unknown) => {
          d.logger.warn({ instance: id, err: String(err) }, 'instance registry did not answer; its sends left alone');
          return true;
        });
      answers.set(id, answer);
    }
    return answer;
  };
  return async (m: OutboundMessage): Promise<boolean> => {
    if (d.inFlight.has(m.id)) return false;
    // This process claimed it and is not sending it: it let go (the store failed mid-run).
    if (!m.claimedBy || m.claimedBy === d.instances.self) return true;
    return !(await alive(m.claimedBy));
  };
}

export async function recoverSending(d: OutboundDeps, counts: DispatchCounts): Promise<void> {
  const { repo } = d;
  const left: { m: OutboundMessage; channel: BuyerChannel }[] = [];
  const abandoned = abandonedBy(d);
  for (const m of repo.inState('sending')) {
    if (!(await abandoned(m))) continue;
    const channel = m.audience === 'buyer' ? channelOf(d, m.channel) : undefined;
    if (channel) {
      left.push({ m, channel });
      continue;
    }
    // Robots cannot be asked what they posted: a person looks at the group and decides.
    const saved = await repo.transition(
      m.id,
      ['sending'],
      (x) => ({ ...x, state: 'held', stateReason: 'outcome_unknown' }),
      sameClaim(m),
    );
    if (!saved) continue;
    counts.held++;
    await logAttempt(d, m, 'held', { error: 'outcome unknown after restart' });
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
  const saved = await d.repo.transition(
    m.id,
    ['sending'],
    (x) => ({ ...x, state: 'held', stateReason: 'outcome_unknown' }),
    sameClaim(m),
  );
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
  // Only the claim that was judged abandoned: another instance may have resolved and claimed it again meanwhile.
  const move = (change: (x: OutboundMessage) => OutboundMessage) =>
    repo.transition(m.id, ['sending'], change, sameClaim(m));
  if (r.outcome === 'sent') {
    const saved = await move((x) => ({
      ...x,
      state: 'sent',
      sentAt: at,
      stateReason: 'confirmed_by_provider',
      ...(r.providerId ? { providerId: r.providerId } : {}),
    }));
    if (!saved) return;
    counts.resolved++;
    await logAttempt(d, m, 'resolved-sent');
  } else if (r.outcome === 'failed') {
    const saved = await move((x) => ({ ...x, state: 'failed', stateReason: 'refused', lastError: r.error }));
    if (!saved) return;
    counts.failed++;
    await logAttempt(d, m, 'failed', { error: r.error });
  } else if (r.outcome === 'not_sent') {
    const since = m.sendingSince ? parseInstant(m.sendingSince) : 0;
    if (channel.kind !== 'outbox' && d.clock.now() - since < RESOLVE_GRACE_MS) {
      counts.unresolved++;
      return;
    }
    const saved = await move((x) => ({ ...x, state: 'queued', dueAt: at, stateReason: 'not_sent_before_restart' }));
    if (!saved) return;
    counts.resolved++;
    await logAttempt(d, m, 'resolved-not-sent');
  } else {
    const saved = await move((x) => ({ ...x, state: 'held', stateReason: 'outcome_unknown', lastError: r.error }));
    if (!saved) return;
    counts.held++;
    await logAttempt(d, m, 'held', { error: r.error });
  }
}
