/** The send policy as a table: opt-out, state re-check, windows and the per-buyer daily cap. */
import { describe, expect, it } from 'vitest';
import { messagingConfigSchema } from '../../../src/messaging/messaging-config.js';
import { enqueueRefusal, sendDecision, type SendFacts } from '../../../src/messaging/policy/send-policy.js';
import { parseInstant, toInstant } from '../../../src/shared/time.js';

const settings = messagingConfigSchema.parse({ perBuyerDailyCap: 2 });
const at = (hhmm: string) => parseInstant(`2026-11-23T${hhmm}:00.000+08:00`);
const facts = (over: Partial<SendFacts> = {}): SendFacts => ({
  kind: 'payment-reminder-first',
  marketing: false,
  now: at('10:00'),
  optedOut: false,
  sentToBuyerToday: 0,
  state: { ok: true },
  ...over,
});
const decide = (over: Partial<SendFacts>) => {
  const d = sendDecision(facts(over), settings);
  return d.action === 'defer' ? { ...d, until: toInstant(d.until) } : d;
};

describe('send decision at send time', () => {
  it('when nothing stands in the way, then the message is sent', () => {
    expect(decide({})).toEqual({ action: 'send' });
  });

  it('when the buyer opted out, then the message is cancelled, even inside the window and under the cap', () => {
    expect(decide({ optedOut: true })).toEqual({ action: 'cancel', reason: 'opted_out' });
  });

  it('when the order was paid since it was queued, then the payment reminder is cancelled with that reason', () => {
    expect(decide({ state: { ok: false, reason: 'already_paid' } })).toEqual({
      action: 'cancel',
      reason: 'already_paid',
    });
  });

  it('when a normal message comes due at 21:00, then it is deferred to 09:00 the next day as quiet hours', () => {
    expect(decide({ now: at('21:00') })).toEqual({
      action: 'defer',
      until: '2026-11-24T09:00:00.000+08:00',
      reason: 'quiet_hours',
    });
  });

  it('when a normal message comes due at 20:59 or 09:00, then it is sent', () => {
    expect(decide({ now: at('20:59') })).toEqual({ action: 'send' });
    expect(decide({ now: at('09:00') })).toEqual({ action: 'send' });
  });

  it('when a normal message comes due at 08:59, then it waits one minute, until 09:00', () => {
    expect(decide({ now: at('08:59') })).toEqual({
      action: 'defer',
      until: '2026-11-23T09:00:00.000+08:00',
      reason: 'quiet_hours',
    });
  });

  it('when a review repair comes due at 19:59, then it waits for 20:00; at 20:00 and 20:59 it goes; at 21:00 it waits for tomorrow 20:00', () => {
    expect(decide({ kind: 'review-repair', now: at('19:59') })).toEqual({
      action: 'defer',
      until: '2026-11-23T20:00:00.000+08:00',
      reason: 'outside_window',
    });
    expect(decide({ kind: 'review-repair', now: at('20:00') })).toEqual({ action: 'send' });
    expect(decide({ kind: 'review-repair', now: at('20:59') })).toEqual({ action: 'send' });
    expect(decide({ kind: 'review-repair', now: at('21:00') })).toEqual({
      action: 'defer',
      until: '2026-11-24T20:00:00.000+08:00',
      reason: 'outside_window',
    });
  });

  it('when a birthday greeting comes due at 07:59 or 22:00, then it waits; at 08:00 and 21:59 it goes', () => {
    const birthday = { kind: 'birthday' as const, marketing: true };
    expect(decide({ ...birthday, now: at('07:59') })).toEqual({
      action: 'defer',
      until: '2026-11-23T08:00:00.000+08:00',
      reason: 'outside_window',
    });
    expect(decide({ ...birthday, now: at('08:00') })).toEqual({ action: 'send' });
    expect(decide({ ...birthday, now: at('21:59') })).toEqual({ action: 'send' });
    expect(decide({ ...birthday, now: at('22:00') })).toEqual({
      action: 'defer',
      until: '2026-11-24T08:00:00.000+08:00',
      reason: 'outside_window',
    });
  });

  it('when the buyer already got the daily cap today, then the message waits for the next day; one under the cap still goes', () => {
    expect(decide({ sentToBuyerToday: 2 })).toEqual({
      action: 'defer',
      until: '2026-11-24T09:00:00.000+08:00',
      reason: 'daily_cap',
    });
    expect(decide({ sentToBuyerToday: 1 })).toEqual({ action: 'send' });
  });
});

describe('refusals when queuing', () => {
  const ok = { ok: true } as const;
  it('when several rules apply, then opt-out is reported first, then a duplicate, then the order state', () => {
    expect(enqueueRefusal({ optedOut: true, duplicate: true, state: { ok: false, reason: 'already_paid' } })).toEqual({
      reason: 'opted_out',
    });
    expect(enqueueRefusal({ optedOut: false, duplicate: true, state: { ok: false, reason: 'already_paid' } })).toEqual({
      reason: 'duplicate',
    });
    expect(enqueueRefusal({ optedOut: false, duplicate: false, state: { ok: false, reason: 'already_paid' } })).toEqual(
      { reason: 'state_changed', detail: 'already_paid' },
    );
    expect(
      enqueueRefusal({ optedOut: false, duplicate: false, state: { ok: false, reason: 'order_not_found' } }),
    ).toEqual({ reason: 'order_not_found' });
    expect(enqueueRefusal({ optedOut: false, duplicate: false, state: ok })).toBeNull();
  });
});
