/**
 * A question nobody could answer: logged by the one who asked (from her login), listed for the keeper, answered
 * with a new or existing entry, and the asker told through the tasks' notifications (我的任务). Suggestions: the
 * order's stage decides between answers the words leave open, and quick replies are rendered for the order.
 */
import { describe, expect, it } from 'vitest';
import type { User } from '../../src/accounts/index.js';
import { createKnowledgeModule, stageOf, type QuickReplySource } from '../../src/knowledge/index.js';
import { fixedClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';
import { createTasksModule } from '../../src/tasks/index.js';

const keeper: User = { username: 'xiaozhou', displayName: '小周', role: 'keeper' };
const staff: User = { username: 'xiaoli', displayName: '小丽', role: 'staff' };
const staff2: User = { username: 'xiaomei', displayName: '小美', role: 'staff' };
const STATUS: Record<string, string> = {
  '1001': 'WAIT_BUYER_PAY',
  '1002': 'WAIT_SELLER_SEND_GOODS',
  '1003': 'WAIT_BUYER_CONFIRM_GOODS',
  '1004': 'TRADE_BUYER_SIGNED',
  '1005': 'TRADE_CLOSED',
};

async function world() {
  const store = createMemoryStore();
  const clock = fixedClock('2026-11-23T10:00:00+08:00');
  const tasks = createTasksModule({ store, clock }).service;
  const renders: { id: string; tid?: string }[] = [];
  const replies = [
    { id: 'greeting', title: '问候', category: '售前', preview: '亲，您好！我是【店铺名】的客服【客服名】' },
    { id: 'washing', title: '洗涤保养', category: '售后', preview: '洗涤方法以水洗标为准，深浅分开洗' },
  ];
  const quickReplies: QuickReplySource = {
    list: () => replies,
    render: async (id, o) => {
      renders.push({ id, ...(o.tid ? { tid: o.tid } : {}) });
      return { text: `【${id}】为订单${o.tid ?? '无'}生成，${o.user.displayName}`, missingPrompts: [] };
    },
  };
  const k = await createKnowledgeModule({
    store,
    clock,
    quickReplies,
    statusOf: (tid) => STATUS[tid],
    notifier: { notify: async (n) => void (await tasks.notify(n)) },
  });
  return { k, tasks, renders, replies };
}

describe('questions nobody could answer', () => {
  it('when 小丽 logs one and the keeper answers with a new entry, then she is notified with a link to it', async () => {
    const { k, tasks } = await world();
    const q = await k.unanswered.log({ question: '羽绒服钻绒正常吗', tid: '1004' }, staff);
    expect(q).toMatchObject({ askedBy: 'xiaoli', askedByName: '小丽', state: 'open', tid: '1004' });
    expect(k.unanswered.list('open').map((x) => x.id)).toEqual([q.id]);
    expect(tasks.notifications('xiaoli')).toEqual([]);
    const r = await k.unanswered.answer(
      q.id,
      { question: '羽绒服钻绒正常吗？', answer: '少量钻绒正常。', category: 'quality', tags: ['钻绒'] },
      keeper,
    );
    expect(r.question).toMatchObject({ state: 'answered', answeredBy: 'xiaozhou', entryId: r.entry.id });
    expect(k.unanswered.list('open')).toEqual([]);
    const [note] = tasks.notifications('xiaoli');
    expect(note).toMatchObject({ tid: '1004', link: `#/knowledge?entry=${r.entry.id}`, read: false });
    expect(note!.message).toBe('你记下的买家问题「羽绒服钻绒正常吗」已由小周回答：羽绒服钻绒正常吗？');
    expect(k.entries.search('钻绒')[0]?.id).toBe(r.entry.id);
  });

  it('when two colleagues logged the same words, then one answer with an existing entry answers both and tells both', async () => {
    const { k, tasks } = await world();
    const a = await k.unanswered.log({ question: '衣服洗了掉色咋办' }, staff);
    await k.unanswered.log({ question: '衣服洗了掉色 咋办？' }, staff2);
    const r = await k.unanswered.answer(a.id, { entryId: 'fade' }, keeper);
    expect(r.alsoAnswered).toBe(1);
    expect(tasks.notifications('xiaoli')).toHaveLength(1);
    expect(tasks.notifications('xiaomei')).toHaveLength(1);
    expect(tasks.notifications('xiaomei')[0]!.tid).toBe('');
    await expect(k.unanswered.answer(a.id, { entryId: 'fade' }, keeper)).rejects.toMatchObject({
      code: 'question_answered',
    });
    await expect(k.unanswered.answer(a.id, { entryId: 'nope' }, keeper)).rejects.toMatchObject({
      code: 'question_answered',
    });
  });

  it('when staff try to answer, then it is refused and the question stays open', async () => {
    const { k } = await world();
    const q = await k.unanswered.log({ question: '能寄到国外吗' }, staff);
    await expect(
      k.unanswered.answer(q.id, { question: '能寄到国外吗', answer: '不能', category: 'shipping', tags: [] }, staff),
    ).rejects.toMatchObject({ code: 'knowledge_forbidden' });
    expect(k.unanswered.list('open').map((x) => x.id)).toEqual([q.id]);
  });
});

describe('suggestions by the order’s stage', () => {
  it('when the platform status is read, then it maps to the stage that decides what the buyer asks', () => {
    expect(stageOf('WAIT_BUYER_PAY')).toBe('unpaid');
    expect(stageOf('WAIT_SELLER_SEND_GOODS')).toBe('to_ship');
    expect(stageOf('WAIT_BUYER_CONFIRM_GOODS')).toBe('shipped');
    expect(stageOf('TRADE_FINISHED')).toBe('signed');
    expect(stageOf(undefined)).toBeNull();
  });

  it('when the words say nothing (在吗), then an unpaid order gets payment help, a shipped one tracking, a signed one after-sales', async () => {
    const { k } = await world();
    const cats = async (tid: string) =>
      (await k.suggester.suggest({ text: '在吗', tid }, staff)).suggestions.map((s) => s.category);
    expect((await cats('1001'))[0]).toBe('payment');
    expect((await k.suggester.suggest({ text: '在吗', tid: '1003' }, staff)).suggestions[0]?.id).toBe('tracking');
    expect(['return', 'exchange', 'quality']).toContain((await cats('1004'))[0]);
    expect((await k.suggester.suggest({ text: '在吗' }, staff)).suggestions).toEqual([]);
  });

  it('when the words fit two answers, then the order’s stage picks: 要多久 is the parcel when shipped, the refund when closed', async () => {
    const { k } = await world();
    const first = async (tid: string) => (await k.suggester.suggest({ text: '要多久？', tid }, staff)).suggestions[0];
    expect((await first('1003'))?.id).toBe('delivery-days');
    expect((await first('1005'))?.id).toBe('refund-when');
  });

  it('when messaging’s quick replies change, then the suggestions follow: an edited text is found, a removed one gone', async () => {
    const { k, replies } = await world();
    const ids = async (text: string) => (await k.suggester.suggest({ text }, staff)).suggestions.map((s) => s.id);
    expect(await ids('羊绒大衣能干洗吗')).not.toContain('washing');
    replies[1] = { ...replies[1]!, preview: '羊绒大衣请送专业干洗店干洗' };
    expect(await ids('羊绒大衣能干洗吗')).toContain('washing');
    replies.pop();
    expect(await ids('羊绒大衣能干洗吗')).not.toContain('washing');
  });

  it('when the order is unknown, then the suggestion is refused as the quick replies refuse it', async () => {
    const { k } = await world();
    await expect(k.suggester.suggest({ text: '在吗', tid: '9999' }, staff)).rejects.toMatchObject({
      code: 'order_not_found',
      message: '订单 9999 不存在',
    });
  });

  it('when a quick reply is among the three, then it is rendered for the order and the person asking', async () => {
    const { k, renders } = await world();
    const r = await k.suggester.suggest({ text: '衣服怎么洗涤保养', tid: '1004' }, staff);
    const washing = r.suggestions.find((s) => s.kind === 'quick-reply');
    expect(washing).toMatchObject({ id: 'washing', title: '洗涤保养', text: '【washing】为订单1004生成，小丽' });
    expect(renders).toEqual([{ id: 'washing', tid: '1004' }]);
    expect(r.suggestions).toHaveLength(3);
  });
});
