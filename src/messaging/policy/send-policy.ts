/**
 * The send policy, the same for every channel that reaches a buyer, as pure decisions over facts
 * the service gathers. Checked when a message is queued (refusals come back as values) and again
 * right before it is sent (a message may have become pointless or untimely while it waited).
 */
import type { MessageKind } from '../templates/metadata.js';
import {
  isWithin,
  nextAllowedAt,
  nextDayOpening,
  windowFor,
  type WindowName,
  type WindowSettings,
} from './send-windows.js';
import type { StateCheck } from './state-checks.js';

export interface PolicySettings extends WindowSettings {
  perBuyerDailyCap: number;
}

/**
 * `needs_values`: not queued, but kept for a person to fill (a job's message that lacks a value). `non_compliant`: a
 * job's message whose text holds a forbidden phrase, kept held for a person (a person's own is refused with a 400).
 */
export type EnqueueRefusal =
  | 'opted_out'
  | 'duplicate'
  | 'order_not_found'
  | 'missing_values'
  | 'needs_values'
  | 'no_template'
  | 'state_changed'
  | 'non_compliant';

export interface EnqueueFacts {
  optedOut: boolean;
  /** A message with the same idempotency key already exists (in any state). */
  duplicate: boolean;
  state: StateCheck;
}

/** The first refusal that applies, in the order a person would explain it; null = may be queued. */
export function enqueueRefusal(f: EnqueueFacts): { reason: EnqueueRefusal; detail?: string } | null {
  if (f.optedOut) return { reason: 'opted_out' };
  if (f.duplicate) return { reason: 'duplicate' };
  if (!f.state.ok)
    return f.state.reason === 'order_not_found'
      ? { reason: 'order_not_found' }
      : { reason: 'state_changed', detail: f.state.reason };
  return null;
}

/** When a message queued now for `dueAt` will first be allowed out. */
export function firstSendTime(
  kind: MessageKind,
  marketing: boolean,
  dueAt: number,
  s: WindowSettings,
): { at: number; window: WindowName } {
  const { name, window } = windowFor(kind, marketing, s);
  return { at: nextAllowedAt(dueAt, window), window: name };
}

export interface SendFacts {
  kind: MessageKind;
  marketing: boolean;
  now: number;
  optedOut: boolean;
  /** Messages that already reached this buyer on the Shanghai day of `now` (sent, in the outbox, or being sent). */
  sentToBuyerToday: number;
  state: StateCheck;
}

export type SendDecision =
  | { action: 'send' }
  | { action: 'defer'; until: number; reason: 'quiet_hours' | 'outside_window' | 'daily_cap' }
  | { action: 'cancel'; reason: string };

export function sendDecision(f: SendFacts, s: PolicySettings): SendDecision {
  if (f.optedOut) return { action: 'cancel', reason: 'opted_out' };
  if (!f.state.ok) return { action: 'cancel', reason: f.state.reason };
  const { name, window } = windowFor(f.kind, f.marketing, s);
  if (!isWithin(f.now, window)) {
    return {
      action: 'defer',
      until: nextAllowedAt(f.now, window),
      reason: name === 'normal' ? 'quiet_hours' : 'outside_window',
    };
  }
  if (f.sentToBuyerToday >= s.perBuyerDailyCap)
    return { action: 'defer', until: nextDayOpening(f.now, window), reason: 'daily_cap' };
  return { action: 'send' };
}
