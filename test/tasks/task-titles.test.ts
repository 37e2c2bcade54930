/** Task types have one list of names (tasks/task.ts), in Chinese only: staff read them on the handover and notices. */
import { describe, expect, it } from 'vitest';
import { TASK_TITLES } from '../../src/tasks/index.js';
import { preparedShop } from '../handover/support/prepared-shop.js';
import { copiesOutside } from '../support/literal-copies.js';

describe('task titles', () => {
  it('when the source is searched, then no file but tasks/task.ts spells a task title', () => {
    const titles = Object.values(TASK_TITLES);
    expect(titles).toEqual(['改面单', '撤单', '联系快递和买家跟进', '验收退货', '退货验收后退款']);
    expect(copiesOutside(titles, ['src/tasks/task.ts'])).toEqual({});
  });

  it('when a title is read, then it is Chinese only, with no English note for staff to skip', () => {
    for (const [type, title] of Object.entries(TASK_TITLES)) expect(title, type).toMatch(/^[\u4e00-\u9fff]+$/);
  });

  it('when an open task is on the handover, then its title is the Chinese name alone, in JSON and Markdown', async () => {
    const { ops } = await preparedShop();
    const report = await ops.handoverReport('day', '2026-11-23');
    const task = report.openItems.flatMap((g) => g.items).find((i) => i.key === 'task:task-1');
    expect(task?.title).toBe('改面单');
    expect(await ops.handoverMarkdown('day', '2026-11-23')).not.toMatch(/fix the shipping label/);
  });
});
