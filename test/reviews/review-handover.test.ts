/**
 * A review on the handover: the window's job makes it one open item whose title says its state and whose detail says
 * the last call; the owner is whoever is on duty when the next window starts; the report counts reviews by state;
 * a closed review leaves the list. Through the operations module as the service wires it.
 */
import { describe, expect, it } from 'vitest';
import type { Review } from '../../src/orders/order.js';
import { DEMO_ROSTER, onDuty } from '../../src/roster/index.js';
import { parseInstant } from '../../src/shared/time.js';
import { startOpsRig } from '../operations/support/ops-rig.js';

const bad: Review = {
  tid: '5001',
  oid: '5001-1',
  buyerNick: '买家甲',
  result: 'bad',
  content: '洗了一次就缩水',
  reply: '',
  itemTitle: '羊毛开衫',
  createdAt: '2026-11-23T09:30:00.000+08:00',
};
const xiaoli = { username: 'xiaoli', displayName: '小丽' };

describe('reviews on the handover', () => {
  it('when a review is read and called, then its one item shows the state and the call, and the report counts states', async () => {
    const { ops } = await startOpsRig({
      now: '2026-11-23T11:00:00+08:00',
      reviews: [bad],
      deps: { initialRoster: DEMO_ROSTER },
    });
    expect((await ops.runJob('review-window-1100')).counts).toEqual({ fetched: 1, new: 1, changed: 0, open: 1 });
    const items = async () =>
      (await ops.handoverReport('day', '2026-11-23')).openItems
        .flatMap((g) => g.items)
        .filter((i) => i.kind === 'review');
    const [fresh] = await items();
    expect(fresh).toMatchObject({
      key: 'review:5001:5001-1',
      title: '差评待联系：羊毛开衫',
      ownerRule: 'repair_window',
      // a 09:30 review is whoever is on duty when the 11:00 window starts (the day shift)
      owner: onDuty(DEMO_ROSTER, parseInstant('2026-11-23T11:00:00+08:00'))[0],
    });
    expect(await items()).toHaveLength(1);

    await ops.reviews.recordCall('5001:5001-1', xiaoli, 'no_answer', '没人接');
    const [called] = await items();
    expect(called!.title).toBe('差评已打电话（未接通）：羊毛开衫');
    expect(called!.detail).toMatch('11-23 11:00 小丽 电话未接通：没人接');
    const report = await ops.handoverReport('day', '2026-11-23');
    expect(report.reviews).toEqual({ new: 0, called: 1, messaged: 0, resolved: 0, changed: 0, given_up: 0 });
    expect(await ops.handoverMarkdown('day', '2026-11-23')).toMatch(
      '- 中差评：待联系 0，已打电话 1，已发短信 0，已解决 0，买家已改评 0，已放弃 0',
    );

    await ops.reviews.giveUp('5001:5001-1', xiaoli, '职业差评师');
    expect(await items()).toEqual([]);
    expect((await ops.handoverReport('day', '2026-11-23')).reviews.given_up).toBe(1);
  });

  it('when the owner marks the review done on the handover, then it is 已解决 in the review book too, by her', async () => {
    const { ops } = await startOpsRig({ now: '2026-11-23T11:00:00+08:00', reviews: [bad] });
    await ops.runJob('review-window-1100');
    const admin = { username: 'admin', displayName: '管理员', role: 'admin' as const };
    await ops.handover.items.done('review:5001:5001-1', admin, '买家已同意修改');
    expect(ops.reviews.get('5001:5001-1')).toMatchObject({
      state: 'resolved',
      closedBy: 'admin',
      note: '买家已同意修改',
    });
    expect((await ops.handoverReport('day', '2026-11-23')).reviews).toMatchObject({ new: 0, resolved: 1 });
  });
});
