import { describe, expect, it } from 'vitest';
import { KIND_TEXT } from '../../src/handover/open-item.js';
import { AZHANG, preparedShop, XIAOZHOU } from './support/prepared-shop.js';

describe('handover report', () => {
  it('when the day shift ends, then the report counts what the shift did', async () => {
    const { ops } = await preparedShop();
    const r = await ops.handoverReport('day', '2026-11-23');
    expect(r.window).toEqual({ start: '2026-11-23T09:00:00.000+08:00', end: '2026-11-23T16:30:00.000+08:00' });
    expect(r.activity).toEqual({
      ordersSynced: 12,
      remarksByStaff: [
        { username: 'azhang', staffName: '阿张', count: 1 },
        { username: 'xiaoli', staffName: '小丽', count: 1 },
      ],
      salesByStaff: [{ username: 'xiaoli', staffName: '小丽', count: 1 }],
      messages: { birthday: { sent: 2, queued: 1, failed: 0 }, 'review-repair': { sent: 0, queued: 0, failed: 1 } },
      transfersConfirmed: 2,
      complaintsOpened: 1,
      complaintsClosed: 0,
    });
  });

  it('when items are open, then every kind appears, each with an owner by the rule table, grouped by owner with counts, late ones flagged', async () => {
    const { ops, late, fresh } = await preparedShop();
    const r = await ops.handoverReport('day', '2026-11-23');
    const kinds = new Set(r.openItems.flatMap((g) => g.items.map((i) => i.kind)));
    expect([...kinds].sort()).toEqual(Object.keys(KIND_TEXT).sort());
    const groups = Object.fromEntries(r.openItems.map((g) => [g.owner, g.items.map((i) => `${i.key} ${i.ownerRule}`)]));
    expect(groups).toEqual({
      // named: the complaint she recorded, the intent she noted; last actor: her sale records on 3002 and 3003
      xiaoli: [
        `complaint:${late.id} named`,
        'message:m1 last_actor',
        // on duty: the refund asked for at 10:30 on her day shift
        'refund:3004-r1 on_duty',
        'follow:parcel:yuantong:YT1:no_scan last_actor',
        expect.stringMatching(/^intent:.* named$/),
      ],
      // the review call goes to the night shift's repair window; the task to the colleague the remark named
      azhang: ['review:3002:3002-1 repair_window', 'task:task-1 named', `complaint:${fresh.id} named`],
      // money to the keeper, whoever took the claim
      xiaozhou: ['claim:tc1 keeper', 'match:bank-7 keeper'],
    });
    expect(r.openItems.map((g) => [g.ownerName, g.count, g.lateCount])).toEqual([
      ['小丽', 5, 1],
      ['阿张', 3, 0],
      ['小周', 2, 1],
    ]);
    for (const g of r.openItems) {
      const since = g.items.map((i) => i.since);
      expect(since).toEqual([...since].sort());
    }
    expect(r.highlights.overdueKeys.sort()).toEqual(['claim:tc1', `complaint:${late.id}`].sort());
    expect(r.lateCount).toBe(2);
    // memo findings are one summary, not items; an 18–19 digit tid is an id and never masked
    expect(r.memoHygiene.orders.map((o) => o.tid).sort()).toEqual(['3001', '4012345678901234567']);
    expect(r.memoHygiene.causes[0]).toEqual({ cause: '不是备注规范中的格式', count: 2, values: [] });
    expect(r.diary).toHaveLength(1);
  });

  it('when a claimed transfer is still not in the bank after three days, then the chase goes back to the staff who took it', async () => {
    const { ops } = await preparedShop();
    await ops.followUps.open({
      id: 'chase-tc9',
      kind: 'transfer_chase',
      tid: null,
      buyerNick: '',
      title: '汇款三天未到账，请联系买家',
      detail: '',
      owner: 'azhang',
      ownerName: '阿张',
      shift: null,
    });
    const items = (await ops.handoverReport('day', '2026-11-23')).openItems.flatMap((g) => g.items);
    expect(items.find((i) => i.key === 'follow:chase-tc9')).toMatchObject({ owner: 'azhang', ownerRule: 'named' });
  });

  it('when the report holds phones and names, then they are masked in JSON and Markdown', async () => {
    const { ops } = await preparedShop();
    const json = JSON.stringify(await ops.handoverReport('day', '2026-11-23'));
    const md = await ops.handoverMarkdown('day', '2026-11-23');
    for (const text of [json, md]) {
      expect(text).not.toMatch(/13812345678|13912345678|13700001111|李秀兰/);
    }
    expect(json).toContain('139****5678');
    expect(md).toContain('## 2026-11-23 白班交接班');
    expect(md).toContain('🔴 [投诉]');
    expect(md).toContain('#### 阿张');
    expect(md).toContain('⏳ 待接班同事确认');
  });

  it('when a handover is pushed and nobody acknowledges it, then it stays on top of the next one until acknowledged', async () => {
    const { ops, sink } = await preparedShop();
    const run = await ops.runJob('handover-day');
    expect(run).toMatchObject({ outcome: 'ok', counts: { pushed: 1 } });
    const night = await ops.handoverReport('night', '2026-11-23');
    expect(night.carriedOver).toMatchObject({ date: '2026-11-23', shift: 'day' });
    expect(night.carriedOver!.items.map((i) => i.key)).toContain('task:task-1');
    expect(await ops.handoverMarkdown('night', '2026-11-23')).toMatch(
      // the night report covers until the next day shift starts; the unacknowledged handover comes before the items
      /^## 2026-11-23 夜班交接班（11-23 16:30 至 11-24 09:00）\n\n- 未完成[^\n]*\n- 按负责人[^\n]*\n\n### ⚠️ 上一班（2026-11-23 白班）交接未确认/,
    );

    const acked = await ops.handover.acknowledge('day', '2026-11-23', XIAOZHOU);
    expect(acked.ack).toMatchObject({ by: 'xiaozhou', byName: '小周', at: '2026-11-23T16:15:00.000+08:00' });
    expect((await ops.handover.acknowledge('day', '2026-11-23', AZHANG)).ack!.by).toBe('xiaozhou');
    expect((await ops.handoverReport('night', '2026-11-23')).carriedOver).toBeNull();
    expect((await ops.handoverReport('day', '2026-11-23')).acknowledgement).toMatchObject({ byName: '小周' });
    expect(sink.delivered).toHaveLength(1);
  });

  it('when the handover job pushes to the staff robot, then it goes through the rate-limited channel and the limit holds the excess', async () => {
    const { ops, sink, clock } = await preparedShop();
    await ops.runJob('handover-day');
    await ops.runJob('handover-night');
    expect(sink.delivered.map((d) => d.title)).toEqual(['2026-11-23 白班交接班']);
    // The night report is long enough to go in parts (the robot's message size); every part is held.
    expect(sink.held.length).toBeGreaterThan(0);
    for (const d of sink.held) expect(d.title).toMatch(/^2026-11-23 夜班交接班(（\d\/\d）)?$/);
    expect(sink.delivered[0]!.markdown).toContain('### 未完成事项');
    expect(sink.delivered[0]!.markdown).not.toContain('13812345678');
    clock.advance(61_000);
    await ops.runJob('handover-night');
    expect(sink.delivered).toHaveLength(2);
  });
});
