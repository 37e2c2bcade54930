/** The handover report's read side, and the service fitting the scheduler's ports (jobs/ports.ts). */
import { describe, expect, it } from 'vitest';
import type { MessageSink } from '../../../src/messaging/message-sink.js';
import type { MessageStats } from '../../../src/handover/handover-ports.js';
import { parseInstant } from '../../../src/shared/time.js';
import { BUYER, SHIPPED_TID, UNPAID_TID, world } from '../support/world.js';

const staff = { username: 'xiaoli', displayName: '小丽' };

describe('message stats', () => {
  it('when messages were sent, refused and held, then counts per kind and the open problems are reported; a cancelled problem drops off', async () => {
    const w = await world();
    const s = w.module.service;
    await s.enqueueAndSend({ kind: 'logistics-shipped', tid: SHIPPED_TID, reason: 'x', user: staff });
    const held = await s.enqueue({
      kind: 'payment-reminder-first',
      tid: UNPAID_TID,
      reason: 'x',
      dueAt: '2026-11-23T15:00:00.000+08:00',
    });
    const id = held.queued ? held.message.id : '';
    await w.store.transact((tx) =>
      tx.put('messages', id, { ...tx.get<object>('messages', id)!, state: 'held', stateReason: 'outcome_unknown' }),
    );

    const day = [parseInstant('2026-11-23T00:00:00.000+08:00'), parseInstant('2026-11-24T00:00:00.000+08:00')] as const;
    expect(s.countsBetween(...day)).toEqual({
      'logistics-shipped': { queued: 1, sent: 1, failed: 0 },
      'payment-reminder-first': { queued: 1, sent: 0, failed: 0 },
    });
    expect(s.problems()).toEqual([
      {
        id,
        kind: 'payment-reminder-first',
        tid: UNPAID_TID,
        buyerNick: BUYER,
        state: 'held',
        at: '2026-11-23T10:00:00.000+08:00',
        reason: 'outcome_unknown',
        owner: null,
      },
    ]);
    await s.cancel(id, staff);
    expect(s.problems()).toEqual([]);
  });

  it('when the scheduler uses the service through its ports, then enqueue answers queued or the refusal reason, and notices take markdown', async () => {
    const w = await world();
    const s = w.module.service;
    // notifyStaff answers the stored notice; the scheduler's port wants Promise<void>, so the root wraps it.
    const sink: MessageSink = {
      enqueue: s.enqueue,
      notifyStaff: async (n) => {
        await s.notifyStaff(n);
      },
    };
    const stats: MessageStats = w.module.service;
    expect(
      await sink.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, buyerNick: BUYER, reason: 'scheduler' }),
    ).toMatchObject({ queued: true });
    expect(
      await sink.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, buyerNick: BUYER, reason: 'scheduler' }),
    ).toMatchObject({ queued: false, reason: 'duplicate' });
    await sink.notifyStaff({ title: '交接班报告', markdown: '- 待处理 1 单' });
    expect(w.module.service.list({ audience: 'staff' })[0]).toMatchObject({ text: '- 待处理 1 单', state: 'outbox' });
    expect(stats.problems()).toEqual([]);
  });
});
