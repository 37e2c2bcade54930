/**
 * Knowledge entries in the store: seeded once, written by the keeper and the admin only, each write in the entry's
 * history with who (from the caller's login), when, and the words before and after; a deleted entry leaves the
 * search but keeps its history, and the search follows every write.
 */
import { describe, expect, it } from 'vitest';
import type { User } from '../../src/accounts/index.js';
import { createKnowledgeModule } from '../../src/knowledge/index.js';
import { fixedClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';

const keeper: User = { username: 'xiaozhou', displayName: '小周', role: 'keeper' };
const admin: User = { username: 'admin', displayName: '管理员', role: 'admin' };
const staff: User = { username: 'xiaoli', displayName: '小丽', role: 'staff' };
const assistant: User = { username: 'azhang', displayName: '阿张', role: 'assistant' };

async function world(store = createMemoryStore()) {
  const clock = fixedClock('2026-11-23T10:00:00+08:00');
  const k = await createKnowledgeModule({
    store,
    clock,
    quickReplies: { list: () => [], render: async () => ({ text: '', missingPrompts: [] }) },
    statusOf: () => undefined,
    notifier: { notify: async () => {} },
  });
  return { k, clock, store };
}

const body = {
  question: '能寄到香港吗？',
  answer: '可以寄香港，运费另算。',
  category: 'shipping' as const,
  tags: ['香港'],
};

describe('knowledge entries', () => {
  it('when a store opens for the first time, then it holds the seed entries, each created by the system', async () => {
    const { k } = await world();
    const all = k.entries.search('');
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(k.entries.get('size-choose').history).toEqual([
      expect.objectContaining({ by: 'system', action: 'create', before: null }),
    ]);
  });

  it('when staff or the assistant write, edit or delete, then it is refused and nothing changes', async () => {
    const { k } = await world();
    for (const who of [staff, assistant]) {
      await expect(k.entries.create(body, who)).rejects.toMatchObject({ code: 'knowledge_forbidden' });
      await expect(k.entries.edit('fade', body, who)).rejects.toMatchObject({ code: 'knowledge_forbidden' });
      await expect(k.entries.remove('fade', who)).rejects.toMatchObject({ code: 'knowledge_forbidden' });
    }
    expect(k.entries.get('fade').history).toHaveLength(1);
  });

  it('when the keeper writes and the admin edits, then the history says who, when and the words before and after', async () => {
    const { k, clock } = await world();
    const made = await k.entries.create(body, keeper);
    clock.advance(60_000);
    const edited = await k.entries.edit(made.id, { ...body, answer: '可以寄香港，顺丰到付。' }, admin);
    expect(edited.history).toEqual([
      expect.objectContaining({ by: 'xiaozhou', byName: '小周', action: 'create', before: null, after: body }),
      {
        at: '2026-11-23T10:01:00.000+08:00',
        by: 'admin',
        byName: '管理员',
        action: 'edit',
        before: body,
        after: { ...body, answer: '可以寄香港，顺丰到付。' },
      },
    ]);
    // Saving the same words again is no revision.
    expect((await k.entries.edit(made.id, { ...body, answer: '可以寄香港，顺丰到付。' }, admin)).history).toHaveLength(
      2,
    );
  });

  it('when an entry is written, edited and deleted, then the search follows each step', async () => {
    const { k } = await world();
    const made = await k.entries.create(body, keeper);
    expect(k.entries.search('寄香港要多久')[0]?.id).toBe(made.id);
    await k.entries.edit(made.id, { ...body, question: '能寄到澳门吗？', tags: ['澳门'] }, keeper);
    expect(k.entries.search('寄澳门要多久')[0]?.id).toBe(made.id);
    const gone = await k.entries.remove(made.id, keeper);
    expect(gone.history.at(-1)).toMatchObject({ action: 'delete', by: 'xiaozhou', after: null });
    expect(k.entries.search('寄澳门要多久').map((e) => e.id)).not.toContain(made.id);
    expect(() => k.entries.get(made.id)).toThrow(/没有找到这条知识/);
  });

  it('when the keeper deletes a seed entry and the store opens again, then the seed does not come back', async () => {
    const { k, store } = await world();
    await k.entries.remove('coupon', keeper);
    const again = await world(store);
    expect(again.k.entries.search('').map((e) => e.id)).not.toContain('coupon');
    expect(again.k.entries.search('有优惠券吗').map((e) => e.id)).not.toContain('coupon');
  });

  it('when a question or answer is blank, then it is refused naming the field', async () => {
    const { k } = await world();
    await expect(k.entries.create({ ...body, answer: '  ' }, keeper)).rejects.toMatchObject({ field: 'answer' });
  });
});

describe('the search’s list', () => {
  it('when a question is searched, then entries sharing only a common word with it are left out', async () => {
    const { k } = await world();
    const found = k.entries.search('退货地址发我一下');
    expect(found[0]?.id).toBe('return-address');
    expect(found.length).toBeLessThan(10);
    const best = found[0]!.score!;
    for (const e of found) expect(e.score!).toBeGreaterThanOrEqual(best * 0.15 - 0.01);
  });
});
