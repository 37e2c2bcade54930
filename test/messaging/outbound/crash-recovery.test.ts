/**
 * Never twice: the message is `sending` on disk before Aliyun is asked. A crash after the request
 * but before the outcome is recorded leaves it `sending`; the restarted service asks Aliyun
 * (QuerySendDetails by our OutId) and sends again only when Aliyun has no trace of it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { MessagingConfigInput } from '../../../src/messaging/index.js';
import { MINUTE } from '../../../src/shared/time.js';
import { openLowdbStore } from '../../../src/storage/index.js';
import type { Store } from '../../../src/storage/store.js';
import { fakeSms, SMS_ORIGIN, smsFixture } from '../channels/sms-support.js';
import { UNPAID_TID, world } from '../support/world.js';

const SMS: MessagingConfigInput = {
  buyerChannel: 'aliyun-sms',
  aliyunSms: {
    accessKeyId: 'testId',
    accessKeySecret: 'testSecret',
    signName: '拾光衣橱',
    templateCodes: { 'payment-reminder-first': 'SMS_20261123' },
    endpoint: SMS_ORIGIN,
  },
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'xiaoer-messages-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The store as the dying process sees it: once `crash()` is called, no write lands any more. */
function dyingStore(store: Store) {
  let dead = false;
  const proxy = new Proxy(store, {
    get(target, prop) {
      if (prop === 'transact')
        return (fn: Parameters<Store['transact']>[0]) =>
          dead ? Promise.reject(new Error('process died')) : target.transact(fn);
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return {
    store: proxy as Store,
    crash: () => {
      dead = true;
    },
  };
}

describe('a crash between sending and recording', () => {
  it('when the process dies after Aliyun took the SMS, then after restart the send is confirmed by OutId and not sent again', async () => {
    const dir = await tempDir();
    const first = await openLowdbStore({ dir });
    const dying = dyingStore(first);
    const w = await world({ store: dying.store, config: SMS });
    const sms = fakeSms((p) => {
      if (p['Action'] === 'SendSms') {
        dying.crash();
        return smsFixture('send-ok.json');
      }
      return smsFixture('query-found.json', p['PhoneNumber'] === '13812345678' ? sent[0]!['OutId'] : 'other');
    });
    const sent = sms.requests;
    const queued = await w.module.service.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'x' });
    expect(queued.queued).toBe(true);
    await expect(w.module.service.dispatchDue()).rejects.toThrow('process died');
    await first.close();

    const second = await openLowdbStore({ dir });
    onTestFinished(() => second.close());
    const restarted = await world({ store: second, config: SMS, seed: false, now: '2026-11-23T10:10:00.000+08:00' });
    const left = restarted.module.service.list({ tid: UNPAID_TID });
    expect(left).toMatchObject([{ state: 'sending', attempts: 1 }]);
    expect(left[0]!.id).toBe(sent[0]!['OutId']);

    expect(await restarted.module.service.dispatchDue()).toMatchObject({ resolved: 1, sent: 0 });
    expect(sms.actions()).toEqual(['SendSms', 'QuerySendDetails']);
    expect(restarted.module.service.list({ tid: UNPAID_TID })[0]).toMatchObject({
      state: 'sent',
      stateReason: 'confirmed_by_provider',
    });
    expect(await restarted.module.service.dispatchDue()).toMatchObject({ due: 0, resolved: 0 });
    expect(sms.actions().filter((a) => a === 'SendSms')).toHaveLength(1);
  });

  it('when the process died before the request left, then after the grace period Aliyun has no trace and it is sent exactly once', async () => {
    const w = await world({ config: SMS });
    const sms = fakeSms((p) =>
      p['Action'] === 'SendSms' ? smsFixture('send-ok.json') : smsFixture('query-empty.json'),
    );
    const r = await w.module.service.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'x' });
    const id = r.queued ? r.message.id : '';
    // The claim is on disk; the process dies before Aliyun is called.
    await w.store.transact((tx) => {
      const m = tx.get<Record<string, unknown>>('messages', id)!;
      tx.put('messages', id, { ...m, state: 'sending', attempts: 1, sendingSince: m['dueAt'] });
    });

    const restarted = w.restart();
    w.clock.advance(MINUTE);
    expect(await restarted.service.dispatchDue()).toMatchObject({ unresolved: 1, sent: 0 });
    expect(sms.actions()).toEqual(['QuerySendDetails']);

    w.clock.advance(10 * MINUTE);
    expect(await restarted.service.dispatchDue()).toMatchObject({ resolved: 1, sent: 1 });
    expect(sms.actions()).toEqual(['QuerySendDetails', 'QuerySendDetails', 'SendSms']);
    expect(restarted.service.list({ tid: UNPAID_TID })[0]).toMatchObject({
      state: 'sent',
      attempts: 2,
      providerId: '900619746936498440^0',
    });
    expect(await restarted.service.dispatchDue()).toMatchObject({ due: 0 });
    expect(sms.actions().filter((a) => a === 'SendSms')).toHaveLength(1);
  });

  it('when the SendSms answer is lost (connection reset), then the message stays unresolved and the next run confirms it instead of resending', async () => {
    const w = await world({ config: SMS });
    const sms = fakeSms((p) =>
      p['Action'] === 'SendSms' ? 'network-error' : smsFixture('query-found.json', sms.requests[0]!['OutId']),
    );
    await w.module.service.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'x' });
    expect(await w.module.service.dispatchDue()).toMatchObject({ unresolved: 1 });
    expect(w.module.service.list({ tid: UNPAID_TID })[0]).toMatchObject({
      state: 'sending',
      stateReason: 'outcome_unknown',
    });
    w.clock.advance(MINUTE);
    expect(await w.module.service.dispatchDue()).toMatchObject({ resolved: 1 });
    expect(sms.actions()).toEqual(['SendSms', 'QuerySendDetails']);
    expect(w.module.service.list({ tid: UNPAID_TID })[0]).toMatchObject({ state: 'sent' });
  });

  it('when Aliyun cannot be asked either, then the message is held for a person, never resent blindly', async () => {
    const w = await world({ config: SMS });
    const sms = fakeSms((p) => (p['Action'] === 'SendSms' ? 'network-error' : smsFixture('send-system-error.json')));
    const r = await w.module.service.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'x' });
    await w.module.service.dispatchDue();
    w.clock.advance(MINUTE);
    expect(await w.module.service.dispatchDue()).toMatchObject({ held: 1 });
    w.clock.advance(60 * MINUTE);
    await w.module.service.dispatchDue();
    expect(sms.actions().filter((a) => a === 'SendSms')).toHaveLength(1);
    const detail = await w.module.service.get(r.queued ? r.message.id : '');
    expect(detail.message).toMatchObject({ state: 'held', stateReason: 'outcome_unknown' });
    expect(detail.attempts.map((a) => a.outcome)).toEqual(['unknown', 'held']);
    expect(JSON.stringify(detail.attempts)).not.toContain('13812345678');
  });

  it('when an outbox message was left sending, then the restart delivers it to the outbox once', async () => {
    const w = await world();
    const r = await w.module.service.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'x' });
    const id = r.queued ? r.message.id : '';
    await w.store.transact((tx) =>
      tx.put('messages', id, {
        ...tx.get<object>('messages', id)!,
        state: 'sending',
        attempts: 1,
        sendingSince: '2026-11-23T10:00:00.000+08:00',
      }),
    );
    const restarted = w.restart();
    expect(await restarted.service.dispatchDue()).toMatchObject({ resolved: 1, outbox: 1 });
    expect(restarted.service.list({})).toMatchObject([{ id, state: 'outbox' }]);
  });
});

describe('Aliyun answers during dispatch', () => {
  it('when Aliyun says the day limit is reached, then the message waits for the next morning and is not tried again today', async () => {
    const w = await world({ config: SMS });
    const sms = fakeSms(() => smsFixture('send-day-limit.json'));
    await w.module.service.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'x' });
    expect(await w.module.service.dispatchDue()).toMatchObject({ retrying: 1 });
    expect(w.module.service.list({})[0]).toMatchObject({
      state: 'queued',
      stateReason: 'provider_capped',
      dueAt: '2026-11-24T09:00:00.000+08:00',
    });
    w.clock.advance(60 * MINUTE);
    await w.module.service.dispatchDue();
    expect(sms.requests).toHaveLength(1);
  });

  it('when Aliyun says the number is illegal, then the message fails and is never retried', async () => {
    const w = await world({ config: SMS });
    const sms = fakeSms(() => smsFixture('send-mobile-illegal.json'));
    await w.module.service.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'x' });
    expect(await w.module.service.dispatchDue()).toMatchObject({ failed: 1 });
    w.clock.advance(24 * 60 * MINUTE);
    await w.module.service.dispatchDue();
    expect(sms.requests).toHaveLength(1);
    expect(w.module.service.list({})[0]).toMatchObject({
      state: 'failed',
      lastError: expect.stringContaining('138****5678'),
    });
  });

  it('when Aliyun has a system error, then the message is queued again a few minutes later and then sent', async () => {
    const w = await world({ config: SMS });
    const sms = fakeSms(() =>
      sms.requests.length === 1 ? smsFixture('send-system-error.json') : smsFixture('send-ok.json'),
    );
    await w.module.service.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'x' });
    expect(await w.module.service.dispatchDue()).toMatchObject({ retrying: 1 });
    expect(w.module.service.list({})[0]).toMatchObject({ state: 'queued', dueAt: '2026-11-23T10:05:00.000+08:00' });
    w.clock.advance(5 * MINUTE);
    expect(await w.module.service.dispatchDue()).toMatchObject({ sent: 1 });
    expect(sms.requests).toHaveLength(2);
  });

  it('when a kind has no SMS template code, then it goes to the outbox instead', async () => {
    const w = await world({ config: SMS });
    const r = await w.module.service.enqueue({ kind: 'payment-reminder-last', tid: UNPAID_TID, reason: 'x' });
    expect(r).toMatchObject({ queued: true, message: { channel: 'outbox' } });
  });
});
