/**
 * The outbound message repository (src/messaging/outbound/message-repository.ts) on lowdb and on PostgreSQL: a
 * message is stored once per idempotency key, every state change is a compare-and-set, the lists the dispatcher and
 * the console read, opt-outs, the attempt log; on PostgreSQL two instances inserting one key at once store it once,
 * and two instances claiming one queued message at once give it to exactly one of them.
 */
import { expect, it } from 'vitest';
import { createMessageRepository, type MessageRepository } from '../../src/messaging/outbound/message-repository.js';
import { messageIdFor, type OutboundMessage, type SendAttempt } from '../../src/messaging/outbound/message.js';
import { parseInstant } from '../../src/shared/time.js';
import { describeEachStore } from '../support/each-store.js';
import { BUYER, SHIPPED_BUYER, SHIPPED_TID, UNPAID_TID } from '../messaging/support/world.js';

function message(key: string, over: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    id: messageIdFor(key),
    key,
    kind: 'payment-reminder-first',
    audience: 'buyer',
    tid: UNPAID_TID,
    buyerNick: BUYER,
    reason: '下单未付款 30 分钟',
    channel: 'aliyun-sms',
    text: '亲，您拍下的宝贝还没有付款哦',
    to: '138****5678',
    state: 'queued',
    dueAt: '2026-11-23T10:00:00.000+08:00',
    createdAt: '2026-11-23T09:30:00.000+08:00',
    createdBy: 'job:payment-reminder',
    attempts: 0,
    ...over,
  };
}

const REMIND = message(`payment-reminder-first:${UNPAID_TID}`);

/** Queued → sending by `who`, as the dispatcher claims a message. */
const claim = (repo: MessageRepository, id: string, who: string) =>
  repo.transition(id, ['queued'], (m) => ({
    ...m,
    state: 'sending',
    attempts: m.attempts + 1,
    sendingSince: '2026-11-23T10:00:01.000+08:00',
    claimedBy: who,
  }));

describeEachStore('the outbound message repository', (s) => {
  it('stores a message once per idempotency key and answers the stored one to a repeat', async () => {
    const repo = createMessageRepository(s.store);
    expect(await repo.insertNew(REMIND)).toEqual({ created: true, message: REMIND });
    const repeat = { ...REMIND, text: '另一个文本', createdBy: 'xiaoli' };
    expect(await repo.insertNew(repeat)).toEqual({ created: false, message: REMIND });
    const atOnce = await Promise.all([1, 2, 3].map(() => repo.insertNew(message('birthday:tb_a:2026'))));
    expect(atOnce.filter((r) => r.created)).toHaveLength(1);
    const again = createMessageRepository(await s.reopen());
    expect(again.get(REMIND.id)).toEqual(REMIND);
    expect(again.list({})).toHaveLength(2);
  });

  it('changes a state only from the states given and while the guard holds; else answers undefined', async () => {
    const repo = createMessageRepository(s.store);
    await repo.insertNew(REMIND);
    expect(await repo.transition('msg-none', ['queued'], (m) => m)).toBeUndefined();
    const sending = await claim(repo, REMIND.id, 'host-a');
    expect(sending).toMatchObject({ state: 'sending', attempts: 1, claimedBy: 'host-a' });
    // Claimed already: a second claim finds it moved on.
    expect(await claim(repo, REMIND.id, 'host-b')).toBeUndefined();
    // An answer for another claim (host-b's) does not touch host-a's send.
    const sent = (m: OutboundMessage): OutboundMessage => ({
      ...m,
      state: 'sent',
      sentAt: '2026-11-23T10:00:02.000+08:00',
    });
    expect(await repo.transition(REMIND.id, ['sending'], sent, (m) => m.claimedBy === 'host-b')).toBeUndefined();
    expect(repo.get(REMIND.id)!.state).toBe('sending');
    expect(await repo.transition(REMIND.id, ['sending'], sent, (m) => m.claimedBy === 'host-a')).toMatchObject({
      state: 'sent',
    });
    expect(createMessageRepository(await s.reopen()).get(REMIND.id)).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('lists by state, kind, order, buyer and audience, newest first; due ones oldest due first', async () => {
    const repo = createMessageRepository(s.store);
    const later = message(`logistics-shipped:${SHIPPED_TID}`, {
      kind: 'logistics-shipped',
      tid: SHIPPED_TID,
      buyerNick: SHIPPED_BUYER,
      createdAt: '2026-11-23T09:40:00.000+08:00',
      dueAt: '2026-11-23T09:45:00.000+08:00',
    });
    const notice = message('staff-notice:handover:2026-11-23', {
      kind: 'staff-notice',
      audience: 'staff',
      tid: null,
      buyerNick: '',
      channel: 'dingtalk',
      createdAt: '2026-11-23T09:50:00.000+08:00',
      dueAt: '2026-11-23T11:00:00.000+08:00',
    });
    const held = message('birthday:tb_b:2026', {
      kind: 'birthday',
      tid: null,
      state: 'held',
      buyerNick: 'tb_b',
      createdAt: '2026-11-23T09:20:00.000+08:00',
    });
    for (const m of [REMIND, later, notice, held]) await repo.insertNew(m);
    const ids = (list: OutboundMessage[]) => list.map((m) => m.key);
    expect(ids(repo.list({}))).toEqual([notice.key, later.key, REMIND.key, held.key]);
    expect(ids(repo.list({ state: ['held'] }))).toEqual([held.key]);
    expect(ids(repo.list({ kind: 'logistics-shipped' }))).toEqual([later.key]);
    expect(ids(repo.list({ tid: UNPAID_TID }))).toEqual([REMIND.key]);
    expect(ids(repo.list({ buyer: SHIPPED_BUYER }))).toEqual([later.key]);
    expect(ids(repo.list({ audience: 'staff' }))).toEqual([notice.key]);
    expect(ids(repo.due(parseInstant('2026-11-23T10:00:00.000+08:00')))).toEqual([later.key, REMIND.key]);
    expect(ids(repo.due(parseInstant('2026-11-23T09:59:59.999+08:00')))).toEqual([later.key]);
    expect(ids(repo.inState('held'))).toEqual([held.key]);
  });

  it('counts a buyer’s messages that left on a Shanghai day, keeps an opt-out once and the attempts in order', async () => {
    const repo = createMessageRepository(s.store);
    await repo.insertNew(REMIND);
    await claim(repo, REMIND.id, 'host-a');
    expect(repo.reachedBuyerOn(BUYER, parseInstant('2026-11-23T23:59:00.000+08:00'))).toBe(1);
    expect(repo.reachedBuyerOn(BUYER, parseInstant('2026-11-24T00:00:00.000+08:00'))).toBe(0);
    expect(repo.reachedBuyerOn(SHIPPED_BUYER, parseInstant('2026-11-23T12:00:00.000+08:00'))).toBe(0);
    const first = { nick: BUYER, at: '2026-11-23T10:00:00.000+08:00', by: 'xiaoli', source: 'staff' } as const;
    expect(await repo.addOptOut(first)).toEqual(first);
    expect(await repo.addOptOut({ ...first, by: 'buyer', source: 'buyer-reply' })).toEqual(first);
    const attempt = (outcome: SendAttempt['outcome'], at: string): SendAttempt => ({
      messageId: REMIND.id,
      kind: REMIND.kind,
      channel: 'aliyun-sms',
      at,
      outcome,
    });
    await repo.appendAttempt(attempt('retry', '2026-11-23T10:00:01.000+08:00'));
    await repo.appendAttempt({ ...attempt('sent', '2026-11-23T10:00:02.000+08:00'), messageId: 'msg-other' });
    await repo.appendAttempt(attempt('sent', '2026-11-23T10:05:00.000+08:00'));
    const again = createMessageRepository(await s.reopen());
    expect(again.optOut(BUYER)).toEqual(first);
    expect((await again.attempts(REMIND.id)).map((a) => a.outcome)).toEqual(['retry', 'sent']);
  });

  if (s.kind === 'postgres') {
    it('stores one message when two instances insert one key at the same moment', async () => {
      const [a, b] = await s.instances();
      const [repoA, repoB] = [createMessageRepository(a), createMessageRepository(b)];
      const fromA = { ...REMIND, createdBy: 'host-a' };
      const fromB = { ...REMIND, createdBy: 'host-b' };
      const answers = await Promise.all([repoA.insertNew(fromA), repoB.insertNew(fromB)]);
      expect(answers.filter((r) => r.created)).toHaveLength(1);
      // Both answer the one stored: the loser learns the winner's message, not its own.
      expect(answers[0]!.message).toEqual(answers[1]!.message);
      await Promise.all([a.catchUp(), b.catchUp()]);
      expect(repoA.get(REMIND.id)).toEqual(answers[0]!.message);
      expect(repoB.get(REMIND.id)).toEqual(answers[0]!.message);
      const { rows } = await a.pool.query('select count(*)::int as n from messages');
      expect(rows[0].n).toBe(1);
    });

    it('gives a queued message to exactly one of two instances claiming it at once', async () => {
      const [a, b] = await s.instances();
      const [repoA, repoB] = [createMessageRepository(a), createMessageRepository(b)];
      const queued = Array.from({ length: 6 }, (_, i) => message(`payment-reminder-first:39123456789${i}`));
      for (const m of queued) await repoA.insertNew(m);
      await b.catchUp();
      for (const m of queued) {
        const [byA, byB] = await Promise.all([claim(repoA, m.id, 'host-a'), claim(repoB, m.id, 'host-b')]);
        expect([byA, byB].filter(Boolean)).toHaveLength(1);
        const winner = (byA ?? byB)!.claimedBy;
        await Promise.all([a.catchUp(), b.catchUp()]);
        expect(repoA.get(m.id)).toMatchObject({ state: 'sending', attempts: 1, claimedBy: winner });
        expect(repoB.get(m.id)).toEqual(repoA.get(m.id));
      }
    });
  }
});
