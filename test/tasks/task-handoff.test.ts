/** Hand-off tasks: opened by the remark that hands work off, closed by the follow-up, the opener notified. */
import { beforeEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../src/shared/time.js';
import { startHarness, type Harness } from '../remarks/support/harness.js';

const ADDRESS = '浙江省杭州市西湖区文三路90号';
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});

describe('hand-off tasks', () => {
  it('when 小丽 changes the address of a printed order naming 阿张, then 阿张 has a task until his label_fixed closes it and 小丽 is notified', async () => {
    const opened = await h.remark('xiaoli', '2002', 'address.change', {
      field: 'address',
      value: ADDRESS,
      assistant: '阿张',
    });
    expect(opened.status).toBe(201);
    expect(opened.body.entry).toBe(`地址须更改为:${ADDRESS},待改面单,已交阿张处理+小丽/11.23`);
    expect(opened.body.task).toMatchObject({
      type: 'fix_label',
      tid: '2002',
      state: 'open',
      assignee: 'azhang',
      assigneeName: '阿张',
      openedBy: 'xiaoli',
    });

    h.clock.advance(1.5 * HOUR);
    const mine = (await h.as('azhang').get('/tasks?assignee=me')).body.tasks;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: opened.body.task.id, ageMinutes: 90 });
    expect((await h.as('xiaoli').get('/tasks?assignee=me')).body.tasks).toEqual([]);

    const fixed = await h.remark('azhang', '2002', 'address.label_fixed');
    expect(fixed.body.entry).toBe('面单地址已改+阿张/11.23');
    expect(fixed.body.task).toMatchObject({
      id: opened.body.task.id,
      state: 'closed',
      closedBy: 'azhang',
      ageMinutes: 90,
    });
    expect((await h.as('azhang').get('/tasks?assignee=me&state=open')).body.tasks).toEqual([]);
    expect((await h.as('azhang').get('/tasks?assignee=me&state=closed')).body.tasks).toHaveLength(1);
    expect(h.platform.order('2002').sellerMemo).toBe(
      `11.22；地址须更改为:${ADDRESS},待改面单,已交阿张处理+小丽/11.23；面单地址已改+阿张/11.23`,
    );

    const notes = (await h.as('xiaoli').get('/tasks/notifications')).body.notifications;
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ recipient: 'xiaoli', tid: '2002', read: false });
    expect(notes[0].message).toContain('阿张');
    const read = await h.as('xiaoli').post(`/tasks/notifications/${notes[0].id}/read`);
    expect(read.body.notification.read).toBe(true);
    expect((await h.as('xiaoli').get('/tasks/notifications?unread=1')).body.notifications).toEqual([]);
    expect((await h.as('azhang').get('/tasks/notifications')).body.notifications).toEqual([]);
  });

  it("when the waybill cannot be revoked, then the assistant's task closes and a courier follow-up opens for the original staff, who closes it by hand", async () => {
    const cancel = await h.remark('xiaoli', '2002', 'cancel.request', { assistant: 'azhang' });
    expect(cancel.body.task).toMatchObject({ type: 'cancel_waybill', assignee: 'azhang' });

    const notRevoked = await h.remark('xiaoli', '2002', 'cancel.waybill_not_revoked', { courierContact: '王师傅' });
    expect(notRevoked.body.entry).toBe(
      '面单未找到(快递已发),已联系快递王师傅退回,并拜托买家拒签+已交售后登记+小丽/11.23',
    );
    expect(notRevoked.body.task).toMatchObject({ type: 'courier_followup', assignee: 'xiaoli', state: 'open' });
    const all = (await h.as('admin').get('/tasks?tid=2002&state=all')).body.tasks;
    expect(all.map((t: { type: string; state: string }) => `${t.type}:${t.state}`).sort()).toEqual([
      'cancel_waybill:closed',
      'courier_followup:open',
    ]);

    const forbidden = await h.as('azhang').post(`/tasks/${notRevoked.body.task.id}/close`, { note: '不是我的' });
    expect(forbidden.status).toBe(403);
    const closed = await h.as('xiaoli').post(`/tasks/${notRevoked.body.task.id}/close`, { note: '买家已拒签' });
    expect(closed.body.task).toMatchObject({ state: 'closed', note: '买家已拒签', closedByEntry: null });
  });

  it('when a follow-up remark finds no open task, then it is written with task null', async () => {
    const res = await h.remark('azhang', '2002', 'cancel.waybill_revoked', { keeper: 'xiaozhou' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ entry: '单已撤,可以退款+已提交小周上架+阿张/11.23', task: null });
  });

  it('when the hand-off remark is repeated, then there is still one task', async () => {
    await h.remark('xiaoli', '2002', 'exchange.request', { fromSku: 'A1', toSku: 'B2', assistant: '阿张' });
    await h.remark('xiaoli', '2002', 'exchange.request', { fromSku: 'A1', toSku: 'B2', assistant: 'azhang' });
    expect((await h.as('azhang').get('/tasks?assignee=me')).body.tasks).toHaveLength(1);
  });
});
