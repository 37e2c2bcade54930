/**
 * Sends what is due, once. A message is claimed (queued → sending, attempts + 1) and that is on
 * disk before any channel is asked, naming this instance as its claimer; the outcome is recorded after. A message
 * found in `sending` whose claimer is gone (a crash) or let go (an unanswered request) is resolved with the channel
 * before any resend (dispatch-recovery.ts); a living instance's send is left to it.
 *
 * The SMS channel needs the buyer's number, which the store does not keep: claimed SMS messages wait in a batch per
 * decrypt scene until 20 are gathered (or the run's due list ends), one decrypt call answers the batch, and each number
 * is handed to the channel for its send and dropped. A message with no number to text goes to the chat queue (state
 * `outbox`, the reason kept) for a person to send in the platform's chat: never lost, never silently failed.
 */
import { INTERACTIVE_PATIENCE_MS, type PlatformCallOptions } from '../../platform/index.js';
import { parseInstant, toInstant } from '../../shared/time.js';
import type { BuyerChannel, SendOutcome } from './channel-port.js';
import { sceneFor, type MessageScene } from './decrypt-scenes.js';
import { emptyCounts, retryDecrypt, settle, toChatQueue, type DispatchCounts } from './dispatch-outcomes.js';
import { recoverSending } from './dispatch-recovery.js';
import { sendDecision } from '../policy/send-policy.js';
import { checkState } from '../policy/state-checks.js';
import { validityCheck } from '../policy/validity.js';
import type { MessageKind } from '../templates/metadata.js';
import type { OutboundMessage } from './message.js';
import { channelOf, logAttempt, nowInstant, type OutboundDeps } from './outbound-deps.js';
import { DECRYPT_BATCH, type PhoneAnswer } from './receiver-phones.js';

interface Claimed {
  message: OutboundMessage;
  channel: BuyerChannel;
}

export type { DispatchCounts } from './dispatch-outcomes.js';

export function createDispatcher(d: OutboundDeps) {
  const { repo } = d;

  /**
   * Policy at send time, then the claim (queued → sending, on disk before any channel is asked). Answers the claimed
   * message and its channel, or where the message ended up when it is not to be sent now.
   */
  async function claim(
    m: OutboundMessage,
    counts: DispatchCounts,
  ): Promise<Claimed | { done: OutboundMessage | undefined }> {
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
      return { done: saved };
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
      return { done: saved };
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
      return { done: saved };
    }
    if (decision.action === 'defer') {
      counts.deferred++;
      const saved = await repo.transition(m.id, ['queued'], (x) => ({
        ...x,
        dueAt: toInstant(decision.until),
        stateReason: decision.reason,
      }));
      if (saved) await logAttempt(d, m, 'deferred', { error: `${decision.reason} until ${toInstant(decision.until)}` });
      return { done: saved };
    }
    const channel = channelOf(d, m.channel);
    if (!channel) {
      counts.held++;
      return {
        done: await repo.transition(m.id, ['queued'], (x) => ({
          ...x,
          state: 'held',
          stateReason: 'channel_not_configured',
        })),
      };
    }
    // Another send of this process (the job, a person's send now) is claiming it already.
    if (d.inFlight.has(m.id)) return { done: repo.get(m.id) };
    // In flight before the claim lands, so a recovery running beside this never sees it claimed by this instance
    // and not being sent.
    d.inFlight.add(m.id);
    const claimed = await repo
      .transition(m.id, ['queued'], (x) => ({
        ...x,
        state: 'sending',
        attempts: x.attempts + 1,
        sendingSince: nowInstant(d),
        // Whose send this is: another instance leaves it alone while this one is alive (dispatch-recovery.ts).
        claimedBy: d.instances.self,
      }))
      .catch((err: unknown) => {
        d.inFlight.delete(m.id);
        throw err;
      });
    if (!claimed) {
      d.inFlight.delete(m.id);
      return { done: repo.get(m.id) };
    }
    return { message: claimed, channel };
  }

  /** Hands a claimed message to its channel and records the outcome. */
  async function send(c: Claimed, counts: DispatchCounts, phone?: string): Promise<void> {
    const out = await c.channel
      .send({ message: c.message, ...(phone ? { phone } : {}) })
      .catch((err: unknown): SendOutcome => ({ outcome: 'unknown', error: String(err) }));
    await settle(d, c.message, out, counts);
  }

  /** Claimed SMS messages of one scene: their numbers in one decrypt call per 20, then each sent or put aside. */
  async function sendWithNumbers(batch: Claimed[], counts: DispatchCounts, options?: PlatformCallOptions) {
    try {
      const answers = await d.phones.phonesFor(
        batch.map((c) => c.message),
        options,
      );
      for (const c of batch) {
        const a: PhoneAnswer = answers.get(c.message.id) ?? { kind: 'retry', error: 'no answer for this message' };
        if (a.kind === 'phone') await send(c, counts, a.phone);
        else if (a.kind === 'chat') await toChatQueue(d, c.message, a.reason, a.detail, counts);
        else await retryDecrypt(d, c.message, a.error, counts);
      }
    } finally {
      for (const c of batch) d.inFlight.delete(c.message.id);
    }
  }

  /** A claimed message the channel takes without a number (the outbox). */
  async function sendPlain(c: Claimed, counts: DispatchCounts): Promise<void> {
    try {
      await send(c, counts);
    } finally {
      d.inFlight.delete(c.message.id);
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

  /**
   * One run of the dispatch job: resolve leftovers, then send what is due, oldest first. SMS messages wait for 20 of
   * their scene before the batch's numbers are decrypted, so a backlog costs one decrypt call per 20 messages.
   */
  async function runOnce(): Promise<DispatchCounts> {
    const counts = emptyCounts();
    await recoverSending(d, counts);
    await dropOutlived(counts);
    const waiting = new Map<MessageScene, Claimed[]>();
    const flush = async (scene: MessageScene) => {
      const batch = waiting.get(scene) ?? [];
      waiting.delete(scene);
      if (batch.length) await sendWithNumbers(batch, counts);
    };
    try {
      for (const m of repo.due(d.clock.now())) {
        counts.due++;
        const c = await claim(m, counts);
        if (!('message' in c)) continue;
        if (!c.channel.needsPhone) {
          await sendPlain(c, counts);
          continue;
        }
        const scene = sceneFor(m.kind);
        const batch = [...(waiting.get(scene) ?? []), c];
        waiting.set(scene, batch);
        if (batch.length >= DECRYPT_BATCH) await flush(scene);
      }
      for (const scene of [...waiting.keys()]) await flush(scene);
    } finally {
      // A failure (the store) leaves claimed messages `sending`: this process lets go, the next run resolves them.
      for (const batch of waiting.values()) for (const c of batch) d.inFlight.delete(c.message.id);
    }
    return counts;
  }

  /** Sends one message now if it is due (staff pressed send); otherwise leaves it for its time. */
  async function dispatchNow(id: string): Promise<OutboundMessage | undefined> {
    const m = repo.get(id);
    if (!m || m.state !== 'queued' || parseInstant(m.dueAt) > d.clock.now()) return m;
    const counts = emptyCounts();
    const c = await claim(m, counts);
    if (!('message' in c)) return c.done;
    // A person waits on this one: the decrypt gets a person's patience, and past it the message is retried by the job.
    if (c.channel.needsPhone) await sendWithNumbers([c], counts, { patienceMs: INTERACTIVE_PATIENCE_MS });
    else await sendPlain(c, counts);
    return repo.get(id);
  }

  return { runOnce, dispatchNow };
}
