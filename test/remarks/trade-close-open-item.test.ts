/**
 * A trade a remark could not close is the writer's open item (issue 15, part 3): on the handover it is a task owned
 * by the writer (not a review, not the shift's), with its Chinese title, and marking it done closes the follow-up.
 */
import { describe, expect, it } from 'vitest';
import { startOpsHttp } from '../operations/support/ops-rig.js';
import { createFollowUps } from '../../src/tasks/index.js';
import { preparedShop } from '../handover/support/prepared-shop.js';

describe('a refused trade close among the open items', () => {
  it('when the close failed, then the handover lists it as the writer’s task, and done closes it at its source', async () => {
    const shop = await preparedShop();
    const followUps = createFollowUps({ store: shop.store, clock: shop.clock });
    await followUps.open({
      id: 'trade-close-r-abc',
      kind: 'trade_close',
      tid: '3003',
      buyerNick: '',
      title: '交易没有关闭，请到后台手动关闭（关闭原因：缺货）',
      detail: '买家已经付款，交易不能关闭，请联系买家申请退款',
      owner: 'xiaoli',
      ownerName: '小丽',
      shift: null,
    });
    const items = (await shop.ops.handoverReport('day', '2026-11-23')).openItems.flatMap((g) => g.items);
    expect(items.find((i) => i.key === 'follow:trade-close-r-abc')).toMatchObject({
      kind: 'task',
      owner: 'xiaoli',
      ownerRule: 'named',
      tid: '3003',
      title: '交易没有关闭，请到后台手动关闭（关闭原因：缺货）',
    });
    const http = await startOpsHttp(shop);
    const done = await http.as('xiaoli').post(`/open-items/${encodeURIComponent('follow:trade-close-r-abc')}/done`, {
      note: '已在后台关闭',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(followUps.list({ open: true }).map((f) => f.id)).not.toContain('trade-close-r-abc');
  });
});
