/**
 * The same as instances-recovery.test.ts, end to end on a real PostgreSQL (issue 20): two instances, each with its
 * own PostgreSQL store and its own registry on one database. While A is mid-send, B's dispatch leaves A's message
 * alone; once A's heartbeat is a minute old (killed), B's next run holds it as outcome unknown and nothing sends it
 * again.
 */
import { sql } from 'kysely';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createParcelRepository } from '../../../src/logistics/parcel-repository.js';
import { createMessagingModule, type MessagingConfigInput } from '../../../src/messaging/index.js';
import { createOrderRepository } from '../../../src/orders/order-repository.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { MINUTE } from '../../../src/shared/time.js';
import {
  createPostgresInstances,
  openPostgresStore,
  type PostgresInstances,
  type PostgresStore,
} from '../../../src/storage/postgres/index.js';
import { startPostgres, type TestPostgres } from '../../support/postgres.js';
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

let pg: TestPostgres;
const stores: PostgresStore[] = [];
const registries: PostgresInstances[] = [];
const held: ((text: string) => void)[] = [];

beforeAll(async () => {
  nock.disableNetConnect();
  // The test's PostgreSQL is local: only Aliyun is faked.
  nock.enableNetConnect('127.0.0.1');
  pg = await startPostgres();
}, 120_000);
afterEach(() => {
  held.splice(0).forEach((reply) => reply(smsFixture('send-ok.json')));
  nock.cleanAll();
});
afterAll(async () => {
  await Promise.all(registries.map((r) => r.stop()));
  await Promise.all(stores.map((s) => s.close()));
  await pg?.stop();
});

/** Aliyun: SendSms waits for the test (its sender is mid-send until then); QuerySendDetails cannot answer. */
function aliyun() {
  const actions: string[] = [];
  nock(SMS_ORIGIN)
    .persist()
    .post('/')
    .reply((_uri, body, callback) => {
      const p = Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : ''));
      actions.push(p['Action']!);
      const reply = (text: string) => callback(null, [200, text, { 'Content-Type': 'application/json' }]);
      if (p['Action'] === 'SendSms') held.push(reply);
      else reply(smsFixture('send-system-error.json'));
    });
  return actions;
}

/** One instance: its own store and registry on the database; the world's clock and fake platform. */
async function instance(url: string, id: string, w: World) {
  const store = await openPostgresStore({ url, instanceId: id, pollMs: 60_000 });
  stores.push(store);
  // Beats every minute: within the test only the table's age says whether it lives.
  const instances = createPostgresInstances(store.db, { id, heartbeatMs: 60_000 });
  registries.push(instances);
  await instances.start();
  const module = createMessagingModule({
    store,
    orders: createOrderRepository(store),
    parcels: createParcelRepository(store),
    templates: await templates(),
    platform: w.platform,
    clock: w.clock,
    logger: silentLogger(),
    config: SMS,
    shopName: '拾光衣橱',
    instances,
  });
  return { store, module };
}

describe('a message another instance is sending, on PostgreSQL', () => {
  it('when A is alive, then B leaves its send alone; when A is killed, then B holds it as outcome unknown and never sends it', async () => {
    const url = await pg.createDatabase('two_senders');
    const a0 = await openPostgresStore({ url, instanceId: 'seed', pollMs: 60_000 });
    stores.push(a0);
    // The shop's orders, seeded through the world (its clock and fake platform are shared by both instances).
    const w = await world({ store: a0, config: SMS });
    const a = await instance(url, 'host-a:1:aaaa', w);
    const b = await instance(url, 'host-b:2:bbbb', w);
    const actions = aliyun();

    const r = await a.module.service.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'x' });
    expect(r.queued).toBe(true);
    const aRun = a.module.service.dispatchDue();
    await vi.waitFor(() => expect(actions).toEqual(['SendSms']));

    await b.store.catchUp();
    expect(b.module.service.list({})).toMatchObject([{ state: 'sending', claimedBy: 'host-a:1:aaaa' }]);
    expect(await b.module.service.dispatchDue()).toMatchObject({ held: 0, resolved: 0, unresolved: 0 });
    expect(actions).toEqual(['SendSms']);

    // A is killed: its row stays, its beat grows old.
    await b.store.db
      .updateTable('instances')
      .set({ heartbeat_at: sql<Date>`now() - interval '61 seconds'` })
      .where('id', '=', 'host-a:1:aaaa')
      .execute();
    w.clock.advance(MINUTE);
    expect(await b.module.service.dispatchDue()).toMatchObject({ held: 1, sent: 0 });
    await a.store.catchUp();
    expect(a.module.service.list({})).toMatchObject([{ state: 'held', stateReason: 'outcome_unknown' }]);

    w.clock.advance(60 * MINUTE);
    expect(await b.module.service.dispatchDue()).toMatchObject({ due: 0, sent: 0 });
    held.splice(0).forEach((reply) => reply(smsFixture('send-ok.json')));
    await aRun;
    await b.store.catchUp();
    expect(b.module.service.list({})).toMatchObject([{ state: 'held', stateReason: 'outcome_unknown' }]);
    expect(actions.filter((x) => x === 'SendSms')).toHaveLength(1);
  });
});
