import { describe, expect, it } from 'vitest';
import { DEMO_ROSTER } from '../../src/roster/index.js';
import { splitMarkdown } from '../../src/handover/handover-markdown.js';
import { createRemarkRepository } from '../../src/remarks/remark-repository.js';
import type { RemarkEntry } from '../../src/remarks/remark-entry.js';
import { makeOrder } from '../remarks/support/orders.js';
import { startOpsRig } from '../operations/support/ops-rig.js';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

async function busyShop() {
  const memos = [
    ...Array.from({ length: 8 }, (_, i) => makeOrder({ tid: `51${i}`, sellerMemo: '小林/11.22' })),
    ...Array.from({ length: 4 }, (_, i) => makeOrder({ tid: `52${i}`, sellerMemo: '蕾/11.22' })),
  ];
  const rig = await startOpsRig({ orders: memos, deps: { initialRoster: DEMO_ROSTER } });
  for (let i = 0; i < 60; i++)
    await rig.ops.followUps.open({
      id: `parcel:yunda:43704151055${String(i).padStart(2, '0')}:no_scan`,
      kind: 'stuck_parcel',
      tid: `60${i}`,
      buyerNick: `买家${i}`,
      title: `联系快递跟进 韵达快递 43704151055${String(i).padStart(2, '0')}`,
      detail: '超过48小时无物流更新，请联系快递查明原因并告知买家预计送达时间',
      owner: null,
      ownerName: null,
      shift: null,
    });
  return rig;
}

describe('the handover Markdown', () => {
  it('when there are many items, then every one is listed, numbered under its owner, and nothing is left for the console', async () => {
    const { ops } = await busyShop();
    const r = await ops.handoverReport('day', '2026-11-23');
    expect(r.openCount).toBeGreaterThanOrEqual(62);
    const md = await ops.handoverMarkdown('day', '2026-11-23');
    expect(md).not.toMatch(/另有|见控制台/);
    for (const item of r.openItems.flatMap((g) => g.items)) expect(md).toContain(item.title);
    for (const g of r.openItems) {
      expect(md).toContain(`#### ${g.ownerName}（${g.count} 项`);
      expect(md).toContain(`\n${g.count}. `);
    }
    // memo findings are one line per cause, with counts per name, not 12 items
    expect(md).toContain('- 12 条备注：客服姓名不在员工名单中（小林 8，蕾 4）');
    expect(r.memoHygiene.orders).toHaveLength(12);
  });

  it('when it is pushed to the staff robot, then it goes in messages of at most 4,096 bytes that together hold it all', async () => {
    const { ops, sink } = await busyShop();
    const run = await ops.runJob('handover-day');
    const sent = [...sink.delivered, ...sink.held];
    expect(sent.length).toBeGreaterThan(1);
    expect(run.counts).toMatchObject({ pushed: sent.length });
    // the WeCom robot sends `### title\n` + the text as one markdown message
    for (const m of sent) expect(bytes(`### ${m.title}\n${m.markdown}`)).toBeLessThanOrEqual(4096);
    expect(sent.map((m) => m.title)).toEqual(sent.map((_, i) => `2026-11-23 白班交接班（${i + 1}/${sent.length}）`));
    const md = await ops.handoverMarkdown('day', '2026-11-23');
    const joined = sent.map((m) => m.markdown).join('\n');
    for (const line of md.split('\n')) expect(joined).toContain(line);
  });

  it('when a line is longer than a message, then it is cut at a character, never inside one', () => {
    const parts = splitMarkdown(`### 标题\n${'很长的一行'.repeat(400)}`, 1000);
    for (const p of parts) expect(bytes(p)).toBeLessThanOrEqual(1000);
    expect(parts.join('').replace(/\n|### 标题（续）|### 标题/g, '')).toBe('很长的一行'.repeat(400));
  });

  it('when staff work after 23:00, then the night report has it and the next day report starts at 09:00', async () => {
    const { ops, store } = await busyShop();
    const entry: RemarkEntry = {
      id: 'r-late',
      tid: '600',
      kind: 'price.ordinary',
      variant: 'default',
      fields: {},
      text: '阿张',
      flag: null,
      staff: '阿张',
      username: 'azhang',
      at: '2026-11-24T01:15:00.000+08:00',
      day: '2026-11-24',
      status: 'written',
      platform: { attempts: 1, lastError: null, landedAt: null, flagAfter: null },
      taskId: null,
    };
    await createRemarkRepository(store).save(entry);
    const night = await ops.handoverReport('night', '2026-11-23');
    expect(night.window).toEqual({ start: '2026-11-23T16:30:00.000+08:00', end: '2026-11-24T09:00:00.000+08:00' });
    expect(night.activity.remarksByStaff).toEqual([{ username: 'azhang', staffName: '阿张', count: 1 }]);
    const day = await ops.handoverReport('day', '2026-11-24');
    expect(day.window.start).toBe(night.window.end);
    expect(day.activity.remarksByStaff).toEqual([]);
  });
});
