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

  it('when items are open, then every kind appears, grouped by owner and oldest first, late ones flagged', async () => {
    const { ops, late } = await preparedShop();
    const r = await ops.handoverReport('day', '2026-11-23');
    const kinds = new Set(r.openItems.flatMap((g) => g.items.map((i) => i.kind)));
    expect([...kinds].sort()).toEqual(Object.keys(KIND_TEXT).sort());
    const groups = Object.fromEntries(r.openItems.map((g) => [g.owner ?? '-', g.items.map((i) => i.key)]));
    expect(groups.azhang).toEqual(['task:task-1', expect.stringMatching(/^complaint:/)]);
    expect(groups.xiaoli).toEqual(['claim:tc1', `complaint:${late.id}`, 'follow:parcel:yuantong:YT1:no_scan']);
    for (const g of r.openItems) {
      const since = g.items.map((i) => i.since);
      expect(since).toEqual([...since].sort());
    }
    // groups themselves start with the oldest problem
    expect(r.openItems.map((g) => g.items[0]!.since)).toEqual(r.openItems.map((g) => g.items[0]!.since).sort());
    const lateKeys = r.openItems
      .flatMap((g) => g.items)
      .filter((i) => i.late)
      .map((i) => i.key);
    expect(lateKeys.sort()).toEqual(['claim:tc1', `complaint:${late.id}`].sort());
    expect(r.lateCount).toBe(2);
    const memo = r.openItems.flatMap((g) => g.items).filter((i) => i.kind === 'memo');
    // an 18–19 digit tid is an id, not a bank card or ID number: it is never masked
    expect(memo.map((i) => i.tid).sort()).toEqual(['3001', '4012345678901234567']);
    expect(r.diary).toHaveLength(1);
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
      /^## 2026-11-23 夜班交接班\n\n### ⚠️ 上一班（2026-11-23 白班）交接未确认/,
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
    expect(sink.held.map((d) => d.title)).toEqual(['2026-11-23 夜班交接班']);
    expect(sink.delivered[0]!.markdown).toContain('### 未完成事项');
    expect(sink.delivered[0]!.markdown).not.toContain('13812345678');
    clock.advance(61_000);
    await ops.runJob('handover-night');
    expect(sink.delivered).toHaveLength(2);
  });
});
