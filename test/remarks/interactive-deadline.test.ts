/**
 * A person at the console gets an answer within the interactive deadline: past it the remark is queued (pending) and
 * the outbox lands it exactly once. A memo overwrite already sent is not abandoned: the order stays locked until its
 * answer is in, and an unknown answer is settled by the outbox's read-back, never by a resend.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/accounts/accounts.js';
import type { WriteResult } from '../../src/remarks/index.js';
import { INTERACTIVE_DEADLINE_MS } from '../../src/remarks/interactive-deadline.js';
import { fixedClock } from '../../src/shared/time.js';
import { createFakePlatform } from './support/fake-platform.js';
import { startHarness, NOW } from './support/harness.js';
import { holdable, loggingLock } from './support/held-platform.js';
import { seedOrders } from './support/orders.js';

const ENTRY = 'A1023+可申请折扣8.5元+小丽/11.23';
const FIELDS = { sku: 'A1023', type: 'discount', amount: '8.5' };
/** Short, so the tests do not wait the real 5 s; the default is tested on its own with fake timers. */
const DEADLINE = 250;
/** What a loaded machine may add to an HTTP round trip; the answer would never come without the deadline. */
const MARGIN = 2_000;
const occurrences = (memo: string, entry: string) => memo.split('；').filter((e) => e === entry).length;

async function setup(opts: { deadline?: number } = {}) {
  const log: string[] = [];
  const fake = createFakePlatform(seedOrders(), fixedClock(NOW));
  const platform = holdable(fake, log);
  const lock = loggingLock(log);
  const h = await startHarness({ platform: fake, interactiveDeadlineMs: opts.deadline ?? DEADLINE, lock });
  await h.token('xiaoli'); // logged in beforehand, so a timing covers the remark alone
  const timed = async (...args: Parameters<typeof h.remark>) => {
    const started = performance.now();
    const res = await h.remark(...args);
    return { res, ms: performance.now() - started };
  };
  return { h, fake, platform, log, timed };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('a remark written while the platform is slow', () => {
  it('when the memo read does not answer, then the POST answers pending by the deadline, the order is not held up, and the outbox lands it once after recovery', async () => {
    const { h, fake, platform, log, timed } = await setup();
    const read = platform.hold('getOrder');
    const { res, ms } = await timed('xiaoli', '2001', 'refund.in_trade', FIELDS);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', entry: ENTRY, memo: ENTRY, flag: 1 });
    expect(ms).toBeLessThan(DEADLINE + MARGIN);
    const history = (await h.as('xiaoli').get('/orders/2001/remarks')).body;
    expect(history.pending).toBe(1);
    expect(history.history[0]).toMatchObject({ status: 'pending', text: ENTRY });
    expect(history.history[0].platform.lastError).toContain('interactive_deadline');

    // Only a read was out: it does not keep the order, so another remark on it is written at once.
    const other = await h.remark('xiaoli', '2001', 'sale.record');
    expect(other.body.status).toBe('written');
    read.release();
    await vi.waitFor(() => expect(log.filter((e) => e === 'getOrder<')).toHaveLength(2));
    // The late read is not followed by a write: the person was told "queued", the outbox writes.
    expect(fake.calls.updateMemo).toBe(1);

    expect(await h.module.service.runOutbox()).toMatchObject({ queued: 1, written: 1 });
    expect(fake.order('2001').sellerMemo).toBe(`小丽；${ENTRY}`);
    const again = await h.remark('xiaoli', '2001', 'refund.in_trade', FIELDS);
    expect(again.body.status).toBe('already_present');
    expect(occurrences(fake.order('2001').sellerMemo, ENTRY)).toBe(1);
    expect(fake.calls.updateMemo).toBe(2);
  });

  it('when the memo overwrite was sent but answers after the deadline, then the POST answers pending, a repeat answers at once, the order stays locked until the answer, which marks it written', async () => {
    const { h, fake, platform, log, timed } = await setup();
    const write = platform.hold('updateMemo');
    const { res, ms } = await timed('xiaoli', '2001', 'refund.in_trade', FIELDS);
    log.push('answered');
    expect(res.body).toMatchObject({ status: 'pending', entry: ENTRY, memo: ENTRY, flag: 1 });
    expect(ms).toBeLessThan(DEADLINE + MARGIN);
    await write.arrived;

    // The same request again: the same pending entry, at once, without the lock or the platform.
    const again = await h.remark('xiaoli', '2001', 'refund.in_trade', FIELDS);
    expect(again.body).toMatchObject({ status: 'pending', id: res.body.id });
    expect(log.filter((e) => e === 'getOrder>')).toHaveLength(1);

    write.release();
    // The outbox waits for the order's lock, so it runs only once the late answer is recorded, and finds it landed.
    expect(await h.module.service.runOutbox()).toMatchObject({ written: 0, alreadyPresent: 0, stillPending: 0 });
    expect(log).toEqual([
      '+order:2001',
      'getOrder>',
      'getOrder<',
      'updateMemo>',
      'answered',
      'updateMemo<',
      '-order:2001',
      '+order:2001',
      '-order:2001',
    ]);
    expect(fake.calls.updateMemo).toBe(1);
    expect(fake.order('2001')).toMatchObject({ sellerMemo: ENTRY, sellerFlag: 1 });
    expect(h.orders.get('2001')?.sellerMemo).toBe(ENTRY);
    const history = (await h.as('xiaoli').get('/orders/2001/remarks')).body;
    expect(history.history).toHaveLength(1);
    expect(history.history[0]).toMatchObject({ status: 'written', platform: { attempts: 1, flagAfter: 1 } });
  });

  it('when the overwrite sent before the deadline loses its answer, then the entry stays pending and the outbox reads the memo back instead of sending it again', async () => {
    const { h, fake, platform } = await setup();
    h.platform.editByHand('2001', '顾客要发顺丰');
    fake.failNext('updateMemo', 'lost_response');
    const write = platform.hold('updateMemo');
    const res = await h.remark('xiaoli', '2001', 'refund.in_trade', FIELDS);
    expect(res.body).toMatchObject({ status: 'pending', memo: `顾客要发顺丰；${ENTRY}` });
    write.release();

    expect(await h.module.service.runOutbox()).toMatchObject({ queued: 1, alreadyPresent: 1, written: 0 });
    expect(fake.calls.updateMemo).toBe(1);
    expect(fake.order('2001').sellerMemo).toBe(`顾客要发顺丰；${ENTRY}`);
    const entry = (await h.as('xiaoli').get('/orders/2001/remarks')).body.history[0];
    expect(entry).toMatchObject({ status: 'already_present', platform: { attempts: 2 } });
    expect(entry.platform.lastError).toContain('socket hang up');
  });

  it('when the platform answers in time, then nothing changes: written on the spot', async () => {
    const { h, fake, log } = await setup();
    const res = await h.remark('xiaoli', '2001', 'refund.in_trade', FIELDS);
    expect(res.body).toMatchObject({ status: 'written', memo: ENTRY });
    expect(fake.order('2001').sellerMemo).toBe(ENTRY);
    expect(log).toEqual(['+order:2001', 'getOrder>', 'getOrder<', 'updateMemo>', 'updateMemo<', '-order:2001']);
  });

  it(`when no deadline is configured, then a person waits ${INTERACTIVE_DEADLINE_MS} ms and not a moment longer`, async () => {
    expect(INTERACTIVE_DEADLINE_MS).toBe(5_000);
    const log: string[] = [];
    const fake = createFakePlatform(seedOrders(), fixedClock(NOW));
    const read = holdable(fake, log).hold('getOrder');
    const h = await startHarness({ platform: fake });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let answer: WriteResult | undefined;
    const writing = h.module.service
      .write({ tid: '2001', kind: 'refund.in_trade', fields: FIELDS, user: DEMO_ACCOUNTS[0]! })
      .then((r) => (answer = r));
    await read.arrived;
    await vi.advanceTimersByTimeAsync(INTERACTIVE_DEADLINE_MS - 1);
    expect(answer).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await writing;
    expect(answer).toMatchObject({ status: 'pending', entry: ENTRY });
    read.release();
  });
});
