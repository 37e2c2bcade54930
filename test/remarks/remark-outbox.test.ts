/** Platform failures: the entry waits in the outbox as pending and lands exactly once after recovery. */
import { beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.js';

const ENTRY = 'A1023+可申请折扣8.5元+小丽/11.23';
const FIELDS = { sku: 'A1023', type: 'discount', amount: '8.5' };
const occurrences = (memo: string, entry: string) => memo.split('；').filter((e) => e === entry).length;

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});

describe('the remark outbox', () => {
  it('when the platform is down, then the write answers pending, the history shows it, and the job lands it once after recovery', async () => {
    h.platform.down = true;
    const res = await h.remark('xiaoli', '2001', 'refund.in_trade', FIELDS);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', entry: ENTRY, memo: ENTRY, flag: 1 });
    const history = (await h.as('xiaoli').get('/orders/2001/remarks')).body;
    expect(history.pending).toBe(1);
    expect(history.history[0]).toMatchObject({ status: 'pending', text: ENTRY, staff: '小丽' });
    expect(history.history[0].platform.lastError).toContain('socket hang up');

    expect(await h.module.service.runOutbox()).toMatchObject({ queued: 1, stillPending: 1, written: 0 });
    h.platform.down = false;
    expect(await h.module.service.runOutbox()).toMatchObject({ queued: 1, written: 1 });
    expect(await h.module.service.runOutbox()).toMatchObject({ queued: 0 });
    expect(h.platform.order('2001')).toMatchObject({ sellerMemo: ENTRY, sellerFlag: 1 });
    expect(h.orders.get('2001')?.sellerMemo).toBe(ENTRY);
    const after = (await h.as('xiaoli').get('/orders/2001/remarks')).body;
    expect(after.history[0]).toMatchObject({ status: 'written', platform: { attempts: 3, flagAfter: 1 } });
  });

  it('when the write landed but its answer was lost, then the retry finds it and the memo holds it exactly once', async () => {
    h.platform.editByHand('2001', '顾客要发顺丰');
    h.platform.failNext('updateMemo', 'lost_response');
    const res = await h.remark('xiaoli', '2001', 'refund.in_trade', FIELDS);
    expect(res.body.status).toBe('pending');
    expect(occurrences(h.platform.order('2001').sellerMemo, ENTRY)).toBe(1);

    expect(await h.module.service.runOutbox()).toMatchObject({ alreadyPresent: 1, written: 0 });
    expect(h.platform.order('2001').sellerMemo).toBe(`顾客要发顺丰；${ENTRY}`);
    expect(h.platform.calls.updateMemo).toBe(1);
    const entry = (await h.as('xiaoli').get('/orders/2001/remarks')).body.history[0];
    expect(entry.status).toBe('already_present');
  });

  it('when a retry fails again, then the entry stays pending with its attempts counted, and staff repeating the request get pending, not a second entry', async () => {
    h.platform.failNext('updateMemo', 'upstream', 'upstream');
    await h.remark('xiaoli', '2001', 'refund.in_trade', FIELDS);
    const again = await h.remark('xiaoli', '2001', 'refund.in_trade', FIELDS);
    expect(again.body.status).toBe('pending');
    expect(await h.module.service.runOutbox()).toMatchObject({ stillPending: 1 });
    expect(await h.module.service.runOutbox()).toMatchObject({ written: 1 });
    expect(occurrences(h.platform.order('2001').sellerMemo, ENTRY)).toBe(1);
    expect((await h.as('xiaoli').get('/orders/2001/remarks')).body.history).toHaveLength(1);
  });

  it('when the memo was filled by hand while the entry waited, then the outbox marks it failed instead of truncating', async () => {
    h.platform.down = true;
    await h.remark('xiaoli', '2001', 'refund.in_trade', FIELDS);
    h.platform.down = false;
    h.platform.editByHand('2001', '顾客要求'.repeat(82));
    expect(await h.module.service.runOutbox()).toMatchObject({ failed: 1 });
    const entry = (await h.as('xiaoli').get('/orders/2001/remarks')).body.history[0];
    expect(entry.status).toBe('failed');
    expect(entry.platform.lastError).toContain('1000');
    expect(await h.module.service.runOutbox()).toMatchObject({ queued: 0 });
  });

  it('when the composition root asks for jobs, then the outbox job runs every minute and returns its counts', async () => {
    const [job] = h.module.jobs;
    expect(job).toMatchObject({ name: 'remark-outbox', schedule: '* * * * *' });
    h.platform.failNext('getOrder', 'network');
    await h.remark('xiaoli', '2001', 'sale.record');
    expect(await job!.run()).toMatchObject({ queued: 1, written: 1 });
    expect(h.platform.order('2001')).toMatchObject({ sellerMemo: '小丽', sellerFlag: 3 });
  });
});
