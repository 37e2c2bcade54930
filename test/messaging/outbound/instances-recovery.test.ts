/**
 * Several instances on one database (issue 20): a message in `sending` names the instance that claimed it. Another
 * instance's dispatch leaves it alone while that instance is alive — it is mid-send, not crashed — and takes it for a
 * crash's leftover only once its claimer is dead: then the provider is asked, and when it cannot tell, the message is
 * held for a person (outcome_unknown), never sent again automatically. Two messaging modules share one store here,
 * each with its own view of which instances live (the registry itself is tested on PostgreSQL, test/storage/postgres).
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createMessagingModule, type MessagingConfigInput } from '../../../src/messaging/index.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { MINUTE } from '../../../src/shared/time.js';
import { SMS_ORIGIN, smsFixture } from '../channels/sms-support.js';
import { templates, UNPAID_TID, world, type World } from '../support/world.js';

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
const A = 'host-a:101:aaaa';
const B = 'host-b:202:bbbb';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

/**
 * Aliyun whose SendSms requests answer only when the test lets each go (its sender is mid-send until then) and
 * whose QuerySendDetails answers with `query` (the fixture's text).
 */
function heldAliyun(query: () => string) {
  const requests: Record<string, string>[] = [];
  const held: ((text: string) => void)[] = [];
  nock(SMS_ORIGIN)
    .persist()
    .post('/')
    .reply((_uri, body, callback) => {
      const p = Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : ''));
      requests.push(p);
      const reply = (text: string) => callback(null, [200, text, { 'Content-Type': 'application/json' }]);
      if (p['Action'] === 'SendSms') held.push(reply);
      else reply(query());
    });
  // A send still held when a test ends is answered, so nothing waits past it.
  onTestFinished(() => held.forEach((reply) => reply(smsFixture('send-ok.json'))));
  return {
    requests,
    /** Answers the nth SendSms (from 0) with a fixture's text. */
    release: (text: string, nth = 0) => held[nth]!(text),
    actions: () => requests.map((p) => p['Action']),
  };
}

/** Two instances of the service over one store; `living` is what every instance's registry answers. */
async function twoInstances(living: Set<string>, alive?: (id: string) => boolean) {
  const w = await world({ config: SMS });
  const set = await templates();
  const instance = (self: string) =>
    createMessagingModule({
      store: w.store,
      orders: w.orders,
      parcels: w.parcels,
      templates: set,
      platform: w.platform,
      clock: w.clock,
      logger: silentLogger(),
      config: SMS,
      shopName: '拾光衣橱',
      instances: { self, alive: alive ?? ((id) => living.has(id)) },
    });
  return { w, a: instance(A), b: instance(B) };
}

/** A queues the reminder and starts sending it; answers once Aliyun holds A's SendSms. */
async function aMidSend(w: World, a: ReturnType<typeof createMessagingModule>, sms: ReturnType<typeof heldAliyun>) {
  const r = await a.service.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'x' });
  expect(r.queued).toBe(true);
  const run = a.service.dispatchDue();
  await vi.waitFor(() => expect(sms.actions()).toEqual(['SendSms']));
  const [m] = w.store.all<{ id: string; state: string; claimedBy?: string }>('messages');
  expect(m).toMatchObject({ state: 'sending', claimedBy: A });
  return { run, id: m!.id };
}

describe('a message another instance is sending', () => {
  it('when its claimer is alive, then the other instance neither asks the provider nor touches it, and it is sent once', async () => {
    const { w, a, b } = await twoInstances(new Set([A, B]));
    const sms = heldAliyun(() => smsFixture('query-empty.json'));
    const { run, id } = await aMidSend(w, a, sms);

    expect(await b.service.dispatchDue()).toMatchObject({ resolved: 0, held: 0, unresolved: 0, sent: 0 });
    expect(sms.actions()).toEqual(['SendSms']);
    expect(b.service.list({ tid: UNPAID_TID })).toMatchObject([{ id, state: 'sending', claimedBy: A, attempts: 1 }]);

    sms.release(smsFixture('send-ok.json'));
    expect(await run).toMatchObject({ sent: 1 });
    expect(b.service.list({ tid: UNPAID_TID })[0]).toMatchObject({ state: 'sent', attempts: 1 });
    expect(await b.service.dispatchDue()).toMatchObject({ due: 0, resolved: 0 });
    expect(sms.actions()).toEqual(['SendSms']);
  });

  it('when the registry cannot tell whether its claimer lives, then it is left alone', async () => {
    const { w, a, b } = await twoInstances(new Set([A, B]), (id) => {
      if (id === A) throw new Error('connect ECONNREFUSED');
      return true;
    });
    const sms = heldAliyun(() => smsFixture('query-empty.json'));
    const { id } = await aMidSend(w, a, sms);
    expect(await b.service.dispatchDue()).toMatchObject({ resolved: 0, held: 0, unresolved: 0 });
    expect(sms.actions()).toEqual(['SendSms']);
    expect(b.service.list({})).toMatchObject([{ id, state: 'sending', claimedBy: A }]);
  });

  it('when its claimer died mid-send and the provider cannot tell, then the next run holds it as outcome unknown and it is never sent again', async () => {
    const living = new Set([A, B]);
    const { w, a, b } = await twoInstances(living);
    const sms = heldAliyun(() => smsFixture('send-system-error.json'));
    const { run, id } = await aMidSend(w, a, sms);
    expect(await b.service.dispatchDue()).toMatchObject({ held: 0 });

    // A stops beating (killed); B's next run, not only a start, finds the leftover.
    living.delete(A);
    w.clock.advance(MINUTE);
    expect(await b.service.dispatchDue()).toMatchObject({ held: 1, sent: 0 });
    expect(sms.actions()).toEqual(['SendSms', 'QuerySendDetails']);
    const detail = await b.service.get(id);
    expect(detail.message).toMatchObject({ state: 'held', stateReason: 'outcome_unknown', attempts: 1 });

    w.clock.advance(60 * MINUTE);
    expect(await b.service.dispatchDue()).toMatchObject({ due: 0, held: 0, sent: 0 });
    // A's answer comes after all (it was only cut off): it does not move the held message either.
    sms.release(smsFixture('send-ok.json'));
    await run;
    expect((await b.service.get(id)).message).toMatchObject({ state: 'held', stateReason: 'outcome_unknown' });
    expect(sms.actions().filter((x) => x === 'SendSms')).toHaveLength(1);
  });

  it('when its claimer died and the provider has the send, then it is confirmed sent, not sent again', async () => {
    const living = new Set([A, B]);
    const { w, a, b } = await twoInstances(living);
    let outId = '';
    // Aliyun lists the send under our OutId, the message id.
    const sms = heldAliyun(() => smsFixture('query-found.json', outId));
    const { id } = await aMidSend(w, a, sms);
    outId = id;
    living.delete(A);
    expect(await b.service.dispatchDue()).toMatchObject({ resolved: 1, sent: 0 });
    expect(sms.actions()).toEqual(['SendSms', 'QuerySendDetails']);
    expect(b.service.list({})).toMatchObject([{ id, state: 'sent', stateReason: 'confirmed_by_provider' }]);
  });

  it('when its claimer was taken for dead and the message was sent again by another, then the first answer arriving late does not overwrite the new claim', async () => {
    const living = new Set([A, B]);
    const { w, a, b } = await twoInstances(living);
    const sms = heldAliyun(() => smsFixture('query-empty.json'));
    const { run, id } = await aMidSend(w, a, sms);
    // A stalls past its heartbeat; Aliyun has no trace of its send after the grace period, so B sends it.
    living.delete(A);
    w.clock.advance(10 * MINUTE);
    const bRun = b.service.dispatchDue();
    await vi.waitFor(() => expect(sms.actions()).toEqual(['SendSms', 'QuerySendDetails', 'SendSms']));
    expect(b.service.list({})).toMatchObject([{ id, state: 'sending', claimedBy: B, attempts: 2 }]);

    sms.release(smsFixture('send-mobile-illegal.json'), 0);
    expect(await run).toMatchObject({ failed: 1 });
    expect(b.service.list({})).toMatchObject([{ id, state: 'sending', claimedBy: B, attempts: 2 }]);
    sms.release(smsFixture('send-ok.json'), 1);
    expect(await bRun).toMatchObject({ resolved: 1, sent: 1 });
    expect(b.service.list({})).toMatchObject([{ id, state: 'sent', attempts: 2 }]);
  });
});
