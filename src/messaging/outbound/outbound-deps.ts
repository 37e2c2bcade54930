/** What the outbound parts share: repositories, templates, channels, the clock and the settings. */
import type { Instances } from '../../scheduler/index.js';
import type { Logger } from '../../shared/logger.js';
import { maskText } from '../../shared/mask.js';
import { toInstant, type Clock } from '../../shared/time.js';
import type { ComplianceCheck } from '../compliance/compliance-check.js';
import type { BuyerChannel, RobotQueue } from './channel-port.js';
import type { MessagingConfig } from '../messaging-config.js';
import type { TemplateSet } from '../templates/index.js';
import type { ChannelKind, OutboundMessage, SendAttempt } from './message.js';
import type { MessageRepository } from './message-repository.js';
import type { OrderFactsSource } from './order-facts.js';
import type { ReceiverPhones } from './receiver-phones.js';

export interface OutboundDeps {
  repo: MessageRepository;
  templates: TemplateSet;
  facts: OrderFactsSource;
  /** The configured buyer channel; the outbox takes what it cannot carry. */
  buyerChannel: BuyerChannel;
  outbox: BuyerChannel;
  /** Null when notices go to the outbox. */
  robot: { kind: 'dingtalk' | 'wecom'; queue: RobotQueue } | null;
  config: MessagingConfig;
  clock: Clock;
  logger: Logger;
  /** Messages being handed to a channel by this process: one it claimed and is not sending, it let go of. */
  inFlight: Set<string>;
  /** The running instances: a `sending` message claimed by another living instance is that one's to finish. */
  instances: Pick<Instances, 'self' | 'alive'>;
  /** The phrase check of everything leaving for a buyer (built-in phrases and the keeper's). */
  compliance: ComplianceCheck;
  /** Buyers' numbers decrypted at send time for the SMS channel (held in memory for that send only). */
  phones: ReceiverPhones;
}

export const nowInstant = (d: Pick<OutboundDeps, 'clock'>) => toInstant(d.clock.now());

/**
 * The claim `m` was read under (its claimer and its attempt, which every claim counts up): a write about that claim
 * must not land on a later one, made by another instance after this one was taken for dead.
 */
export const sameClaim =
  (m: OutboundMessage) =>
  (x: OutboundMessage): boolean =>
    x.claimedBy === m.claimedBy && x.attempts === m.attempts;

/** Appends one attempt; errors are masked (provider texts can echo a number). */
export async function logAttempt(
  d: OutboundDeps,
  m: OutboundMessage,
  outcome: SendAttempt['outcome'],
  extra: { error?: string; providerId?: string; channel?: ChannelKind } = {},
): Promise<void> {
  const attempt: SendAttempt = {
    messageId: m.id,
    kind: m.kind,
    channel: extra.channel ?? m.channel,
    at: nowInstant(d),
    outcome,
    ...(extra.error ? { error: maskText(extra.error) } : {}),
    ...(extra.providerId ? { providerId: extra.providerId } : {}),
  };
  await d.repo.appendAttempt(attempt);
  d.logger.info(
    { messageId: m.id, kind: m.kind, channel: attempt.channel, outcome, error: attempt.error },
    'message attempt',
  );
}

export function channelOf(d: OutboundDeps, kind: ChannelKind): BuyerChannel | undefined {
  if (kind === 'outbox') return d.outbox;
  return d.buyerChannel.kind === kind ? d.buyerChannel : undefined;
}
