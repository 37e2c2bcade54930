/**
 * The ports the message service talks to. Domain code never knows which adapter is behind them:
 * the outbox (staff paste into chat), Aliyun SMS, or a DingTalk/WeCom group robot for notices.
 * Outcomes are values: a refused number is not an exception, it is an answer.
 */
import type { BuyerChannelKind, OutboundMessage } from './message.js';
import type { MessageKind } from '../templates/metadata.js';

export interface BuyerSendRequest {
  message: OutboundMessage;
  /** The buyer's number, read from the order at send time (channels that need one). */
  phone?: string;
}

export type SendOutcome =
  | { outcome: 'sent'; providerId?: string }
  /** Stored for staff to paste into the chat; they mark it sent. */
  | { outcome: 'outbox' }
  /** Not sent; worth another try later (a provider system error). */
  | { outcome: 'retry'; error: string }
  /** Not sent; the provider's flow or day limit is reached: not again today. */
  | { outcome: 'capped'; error: string }
  /** Refused for good (bad number, bad template): never retried. */
  | { outcome: 'failed'; error: string }
  /** The request may or may not have gone out (timeout, lost answer): resolve before any resend. */
  | { outcome: 'unknown'; error: string };

export type ResolveOutcome =
  | { outcome: 'sent'; providerId?: string }
  | { outcome: 'failed'; error: string }
  /** The provider has no trace of it: safe to send again. */
  | { outcome: 'not_sent' }
  | { outcome: 'unknown'; error: string };

export interface BuyerChannel {
  readonly kind: BuyerChannelKind;
  readonly needsPhone: boolean;
  /** Whether this channel can carry the kind (SMS needs an approved template code per kind). */
  supports(kind: MessageKind): boolean;
  send(req: BuyerSendRequest): Promise<SendOutcome>;
  /** For a message found in `sending` (a crash or an unknown answer): did the send happen? */
  resolve(req: BuyerSendRequest): Promise<ResolveOutcome>;
}

export interface RobotNotice {
  title: string;
  /** Markdown text. */
  markdown: string;
}

export type RobotOutcome =
  | { outcome: 'sent' }
  /** The robot's own rate limit answered (DingTalk 130101, WeCom 45009): wait and send again. */
  | { outcome: 'too_fast'; error: string }
  | { outcome: 'failed'; error: string };

export interface RobotChannel {
  readonly kind: 'dingtalk' | 'wecom';
  send(notice: RobotNotice): Promise<RobotOutcome>;
}

/** Robot notices in the order they were pushed, paced to the robot's per-minute limit. */
export interface RobotQueue {
  /** Resolves once the notice is sent, or refused for good; never before its turn. */
  push(notice: RobotNotice): Promise<RobotOutcome>;
  /** Notices waiting (not counting the one being sent). */
  waiting(): number;
}
