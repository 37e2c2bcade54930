/**
 * The read side the handover report uses (jobs/ports.ts MessageStats): counts per kind in a time
 * range, and the failed or held messages a person still has to deal with, and the ones waiting for a value.
 */
import { parseInstant } from '../../shared/time.js';
import type { OutboundMessage } from './message.js';
import type { MessageRepository } from './message-repository.js';

export interface KindCounts {
  sent: number;
  queued: number;
  failed: number;
}

export interface MessageProblem {
  id: string;
  kind: string;
  tid?: string;
  buyerNick: string;
  state: 'failed' | 'held' | 'needs_values';
  /** +08:00 instant it was queued. */
  at: string;
  reason: string;
  /** Who answers for it: the person who queued it, or the one a job named (a transfer's taking staff). */
  owner: string | null;
  /** needs_values: what a person must fill in, each with the template's label (汇款金额). */
  missing?: { name: string; label: string }[];
}

const inRange = (at: string | undefined, start: number, end: number) =>
  at !== undefined && parseInstant(at) >= start && parseInstant(at) < end;

export function createMessageStats(repo: MessageRepository) {
  function countsBetween(start: number, end: number): Record<string, KindCounts> {
    const counts: Record<string, KindCounts> = {};
    const of = (m: OutboundMessage) => (counts[m.kind] ??= { sent: 0, queued: 0, failed: 0 });
    for (const m of repo.list({})) {
      // A message waiting for a person's values is not queued: the handover lists it as an open item instead.
      if (inRange(m.createdAt, start, end) && m.state !== 'needs_values') of(m).queued++;
      // Delivered to the outbox counts as sent: it left xiaoer and waits only for a paste.
      if (inRange(m.sentAt, start, end) || (m.state === 'outbox' && inRange(m.deliveredAt, start, end))) of(m).sent++;
      if (m.state === 'failed' && inRange(m.sendingSince ?? m.createdAt, start, end)) of(m).failed++;
    }
    return counts;
  }

  function problems(): MessageProblem[] {
    return repo.list({ state: ['failed', 'held', 'needs_values'] }).map((m) => ({
      id: m.id,
      kind: m.kind,
      ...(m.tid ? { tid: m.tid } : {}),
      buyerNick: m.buyerNick,
      state: m.state as MessageProblem['state'],
      at: m.createdAt,
      reason: m.stateReason ?? m.lastError ?? m.state,
      owner: m.owner ?? (m.createdBy === 'system' ? null : m.createdBy),
      ...(m.state === 'needs_values' ? { missing: m.missing ?? [] } : {}),
    }));
  }

  return { countsBetween, problems };
}
