/**
 * Every automatic message either sends or asks a person (issue 15, part 4): a job's message that lacks a value is
 * kept as `needs_values` (待补充) with what it needs, found again by the job's rerun, listed for the handover with the
 * values' names, and filled (queued, sent when due) or dismissed by a person, whose name it keeps.
 */
import { describe, expect, it } from 'vitest';
import { createMessagingModule } from '../../../src/messaging/index.js';
import { loadTemplates } from '../../../src/messaging/templates/index.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { fixedClock, parseInstant } from '../../../src/shared/time.js';
import { createMemoryStore } from '../../../src/storage/index.js';
import { createParcelRepository } from '../../../src/logistics/parcel-repository.js';
import { createOrderRepository } from '../../../src/orders/order-repository.js';
import { fixedOrder, templateDir } from '../templates/fixtures.js';
import { fakeDecrypt } from '../support/fake-decrypt.js';
import { BUYER, UNPAID_TID, world } from '../support/world.js';

const xiaoli = { username: 'xiaoli', displayName: '小丽' };
const REVIEW_REPAIR = { kind: 'review-repair' as const, tid: UNPAID_TID, reason: '差评修复：T恤' };

/** The review-repair window is 20:00–21:00: at 20:10 a filled message goes out at once. */
async function finishedOrderWorld(now = '2026-11-23T20:10:00.000+08:00') {
  const w = await world({ now });
  await w.orders.upsertMany([
    fixedOrder({ status: 'TRADE_FINISHED', paidAt: now, modifiedAt: '2026-11-23T20:00:02.000+08:00' }),
  ]);
  return w;
}

describe('a job message that lacks a value', () => {
  it('when a job enqueues it, then one needs_values message keeps what is missing, and the rerun finds it instead of making another', async () => {
    const w = await finishedOrderWorld();
    const s = w.module.service;
    const first = await s.enqueue(REVIEW_REPAIR);
    expect(first).toMatchObject({
      queued: false,
      reason: 'needs_values',
      missing: [{ name: 'resolution', label: '解决办法' }],
      message: { state: 'needs_values', stateReason: 'needs_values', createdBy: 'system', tid: UNPAID_TID },
    });
    const again = await s.enqueue(REVIEW_REPAIR);
    expect(again).toMatchObject({ queued: false, reason: 'needs_values', message: { id: first.message?.id } });
    expect(s.list({ tid: UNPAID_TID })).toHaveLength(1);
    // It waits for a person: the dispatcher neither sends it nor counts it as due.
    expect(await s.dispatchDue()).toMatchObject({ due: 0, outbox: 0, sent: 0, dropped: 0 });
    expect(s.list({ tid: UNPAID_TID })[0]?.state).toBe('needs_values');
    // Nor is it counted as queued on the handover's figures: it is an open item there.
    const day = [parseInstant('2026-11-23T00:00:00+08:00'), parseInstant('2026-11-24T00:00:00+08:00')] as const;
    expect(s.countsBetween(...day)).toEqual({});
  });

  it('when a person enqueues it, then it is still refused with the prompt to fill, and nothing is stored', async () => {
    const w = await finishedOrderWorld();
    expect(await w.module.service.enqueue({ ...REVIEW_REPAIR, user: xiaoli })).toEqual({
      queued: false,
      reason: 'missing_values',
      missing: [{ name: 'resolution', label: '解决办法' }],
    });
    expect(w.module.service.list({})).toEqual([]);
  });

  it('when the handover asks for problems, then it is listed with the missing value and the person the job named', async () => {
    const w = await world();
    const s = w.module.service;
    // A transfer-received from a job that did not say how much arrived: the amount is the missing value.
    const r = await s.enqueue({ kind: 'transfer-received', buyerNick: BUYER, reason: '到账', owner: 'xiaoli' });
    expect(r).toMatchObject({ reason: 'needs_values', missing: [{ name: 'amount', label: '汇款金额' }] });
    expect(s.problems()).toEqual([
      expect.objectContaining({
        id: r.message?.id,
        kind: 'transfer-received',
        state: 'needs_values',
        owner: 'xiaoli',
        missing: [{ name: 'amount', label: '汇款金额' }],
      }),
    ]);
  });

  it('when a person fills the value, then it is rendered with their name, queued and sent once, and it leaves the problems', async () => {
    const w = await finishedOrderWorld();
    const s = w.module.service;
    const held = await s.enqueue(REVIEW_REPAIR);
    const id = held.message!.id;
    const filled = await s.fillValues(id, { resolution: '给您免费补发一份' }, xiaoli);
    expect(filled).toMatchObject({ queued: true, window: 'review-repair', message: { id, state: 'outbox' } });
    expect(filled.message?.text).toContain('我是拾光衣橱的客服小丽');
    expect(filled.message?.text).toContain('给您免费补发一份');
    expect(filled.message?.text).not.toContain('请填写');
    expect(filled.message).toMatchObject({ filledBy: { username: 'xiaoli', displayName: '小丽' } });
    expect(filled.message?.missing).toBeUndefined();
    expect(await s.dispatchDue()).toMatchObject({ due: 0, outbox: 0 });
    const detail = await s.get(id);
    expect(detail.attempts.map((a) => a.outcome)).toEqual(['needs-values', 'filled', 'outbox']);
    expect(s.problems()).toEqual([]);
    // Filled once: a second fill and the job's rerun find it moved on.
    await expect(s.fillValues(id, { resolution: '再补一份' }, xiaoli)).rejects.toMatchObject({
      code: 'not_waiting_for_values',
      message: '这条消息待复制发送，不需要再补充内容',
    });
    expect(await s.enqueue(REVIEW_REPAIR)).toMatchObject({ queued: false, reason: 'duplicate' });
  });

  it('when the value is left empty or says something the platform forbids, then it is refused by field and keeps waiting', async () => {
    const w = await finishedOrderWorld();
    const s = w.module.service;
    const id = (await s.enqueue(REVIEW_REPAIR)).message!.id;
    await expect(s.fillValues(id, { resolution: '  ' }, xiaoli)).rejects.toMatchObject({
      code: 'values_missing',
      field: 'values.resolution',
      message: '还要填写：解决办法',
    });
    await expect(s.fillValues(id, { resolution: '好评返现5元' }, xiaoli)).rejects.toMatchObject({
      code: 'non_compliant_value',
      field: 'values.resolution',
      params: { phrase: '好评返现' },
    });
    await expect(s.fillValues(id, { refund: '1' }, xiaoli)).rejects.toMatchObject({ field: 'values.refund' });
    expect((await s.get(id)).message.state).toBe('needs_values');
  });

  it('when a person dismisses it, then it is cancelled with their name and note, and it leaves the problems', async () => {
    const w = await finishedOrderWorld();
    const s = w.module.service;
    const id = (await s.enqueue(REVIEW_REPAIR)).message!.id;
    const closed = await s.dismiss(id, xiaoli, '已电话联系，买家不需要');
    expect(closed).toMatchObject({
      state: 'cancelled',
      stateReason: 'dismissed_by_staff',
      closedBy: { username: 'xiaoli', displayName: '小丽', note: '已电话联系，买家不需要' },
    });
    expect(s.problems()).toEqual([]);
    await expect(s.fillValues(id, { resolution: '补发' }, xiaoli)).rejects.toMatchObject({
      code: 'not_waiting_for_values',
    });
    // The job's rerun does not bring it back.
    expect(await s.enqueue(REVIEW_REPAIR)).toMatchObject({ reason: 'duplicate', message: { state: 'cancelled' } });
  });

  it('when the buyer opts out or the order changes before it is filled, then the policy stops it instead of queuing', async () => {
    const w = await finishedOrderWorld();
    const s = w.module.service;
    const id = (await s.enqueue(REVIEW_REPAIR)).message!.id;
    await s.optOut(BUYER, xiaoli);
    expect((await s.get(id)).message).toMatchObject({ state: 'cancelled', stateReason: 'opted_out' });
  });
});

describe('a birthday greeting waiting for a value is for the birthday (MESSAGE_VALIDITY)', () => {
  /** The shipped greeting needs nothing from a person; this shop's asks for the gift, so it can wait for a value. */
  async function giftWorld(now: string) {
    const dir = await templateDir({
      'messages/birthday.hbs': [
        '---',
        'id: birthday',
        'title: 生日祝福',
        'category: 关怀',
        'channels: [outbox]',
        'kind: birthday',
        'marketing: true',
        'variables:',
        '  gift:',
        '    label: 生日礼物',
        '    prompt: 送给买家的小礼物，如：一包帆布鞋',
        '---',
        '亲，生日快乐！我们给您准备了{{gift}}，下次下单时一起寄给您~ 回TD退订',
        '',
      ].join('\n'),
    });
    const clock = fixedClock(now);
    const store = createMemoryStore();
    const module = createMessagingModule({
      store,
      orders: createOrderRepository(store),
      parcels: createParcelRepository(store),
      templates: await loadTemplates(dir),
      platform: fakeDecrypt(),
      clock,
      logger: silentLogger(),
      config: {},
      shopName: '拾光衣橱',
    });
    return { clock, s: module.service };
  }
  const GREETING = { kind: 'birthday' as const, buyerNick: BUYER, reason: 'scheduler:birthday-greetings' };

  it('when it is filled on the birthday, then it is queued for the marketing window', async () => {
    const { s } = await giftWorld('2026-11-23T09:00:00.000+08:00');
    const id = (await s.enqueue(GREETING)).message!.id;
    const r = await s.fillValues(id, { gift: '一包帆布鞋' }, xiaoli);
    expect(r).toMatchObject({ queued: true, message: { validUntil: '2026-11-24T00:00:00.000+08:00' } });
    expect(r.message?.text).toContain('一包帆布鞋');
  });

  it('when it is filled the day after, then it is dropped, not sent late', async () => {
    const { clock, s } = await giftWorld('2026-11-23T09:00:00.000+08:00');
    const id = (await s.enqueue(GREETING)).message!.id;
    clock.set('2026-11-24T09:30:00.000+08:00');
    expect(await s.fillValues(id, { gift: '一包帆布鞋' }, xiaoli)).toMatchObject({
      queued: false,
      detail: 'past_its_day',
      message: { state: 'dropped', stateReason: 'past_its_day', attempts: 0 },
    });
    expect(await s.dispatchDue()).toMatchObject({ due: 0, outbox: 0 });
    // The job's rerun of the next year is a new greeting; this year's stays dropped.
    expect(await s.enqueue(GREETING)).toMatchObject({ reason: 'duplicate', message: { state: 'dropped' } });
  });

  it('when nobody fills it by the end of the birthday, then the dispatch drops it and it leaves the handover', async () => {
    const { clock, s } = await giftWorld('2026-11-23T09:00:00.000+08:00');
    await s.enqueue(GREETING);
    expect(s.problems()).toHaveLength(1);
    clock.set('2026-11-23T23:59:00.000+08:00');
    expect(await s.dispatchDue()).toMatchObject({ dropped: 0 });
    clock.set('2026-11-24T00:00:00.000+08:00');
    expect(await s.dispatchDue()).toMatchObject({ dropped: 1 });
    expect(s.problems()).toEqual([]);
    expect(s.list({})[0]).toMatchObject({ state: 'dropped', stateReason: 'past_its_day' });
  });
});
