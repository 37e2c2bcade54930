/**
 * A job's message waiting for a value is an open item on the handover: its title names the missing value in the
 * template's Chinese label, it goes to the person the job named (else by the rule table), and it leaves the list
 * once a person fills or dismisses it. The handover's other sources are empty here (a stand-in answers [] for each).
 */
import { describe, expect, it } from 'vitest';
import type { HandoverSources } from '../../src/handover/handover-sources.js';
import { createOpenItemActions } from '../../src/handover/open-item-actions.js';
import { createOpenItemStates } from '../../src/handover/open-item-state.js';
import { allOpenItems } from '../../src/handover/report-open-items.js';
import { DEMO_ROSTER } from '../../src/roster/index.js';
import { BUYER, world } from '../messaging/support/world.js';

const NAMES: Record<string, string> = { xiaoli: '小丽', azhang: '阿张', xiaozhou: '小周', admin: '管理员' };

/** Friday 2026-11-20 10:00: 小丽 and 小周 on the day shift, 阿张 on the night shift (DEMO_ROSTER). */
async function handoverOver() {
  const w = await world({ now: '2026-11-20T10:00:00.000+08:00' });
  const known: Partial<HandoverSources> = {
    clock: w.clock,
    roster: () => DEMO_ROSTER,
    staffName: (u) => NAMES[u] ?? u,
    isStaff: (u) => u in NAMES,
    lastActor: () => null,
    states: createOpenItemStates(w.store),
    messages: w.module.service,
  };
  // Every other source is empty: called as src.openTasks() or as src.followUps.list(), it answers [].
  const empty = () => [];
  const none = new Proxy(empty, { get: () => empty });
  const src = new Proxy(known, {
    get: (t, k) => (k in t ? t[k as keyof HandoverSources] : none),
  }) as HandoverSources;
  const actions = createOpenItemActions(src, { task: async () => {}, followUp: async () => {} });
  return { w, actions, items: () => allOpenItems(src).filter((i) => i.kind === 'message') };
}

describe('a message waiting for a value on the handover', () => {
  it('when a job could not say how much a transfer brought, then the item names 汇款金额 and belongs to the staff named', async () => {
    const { w, items } = await handoverOver();
    const s = w.module.service;
    const r = await s.enqueue({ kind: 'transfer-received', buyerNick: BUYER, reason: '到账', owner: 'azhang' });
    expect(items()).toEqual([
      expect.objectContaining({
        key: `message:${r.message!.id}`,
        title: '汇款到账通知 待补充：汇款金额',
        owner: 'azhang',
        ownerName: '阿张',
        ownerRule: 'named',
        buyerNick: BUYER,
      }),
    ]);
    await s.dismiss(r.message!.id, { username: 'azhang', displayName: '阿张' }, '买家已在旺旺上知道');
    expect(items()).toEqual([]);
  });

  it('when the job named nobody, then whoever is on duty takes it by the rule table', async () => {
    const { w, items } = await handoverOver();
    await w.module.service.enqueue({
      kind: 'transfer-not-found',
      buyerNick: BUYER,
      reason: '三天未到账',
      transfer: { amount: 0, reference: '' },
    });
    const [item] = items();
    expect(item).toMatchObject({ owner: 'xiaoli', ownerRule: 'last_actor' });
    expect(item?.title).toMatch(/^汇款未查到 待补充：/);
  });

  it('when its owner marks it done on the handover, then the message itself is closed with her name and note', async () => {
    const { w, actions, items } = await handoverOver();
    const s = w.module.service;
    const r = await s.enqueue({ kind: 'transfer-received', buyerNick: BUYER, reason: '到账', owner: 'azhang' });
    const [item] = items();
    await actions.done(item!.key, { username: 'azhang', displayName: '阿张', role: 'assistant' }, '已电话告知');
    expect((await s.get(r.message!.id)).message).toMatchObject({
      state: 'cancelled',
      stateReason: 'dismissed_by_staff',
      closedBy: { username: 'azhang', note: '已电话告知' },
    });
    expect(items()).toEqual([]);
  });
});
