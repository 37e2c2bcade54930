import { describe, expect, it } from 'vitest';
import type { OpenItem } from '../../src/handover/open-item.js';
import { startOpsHttp } from '../operations/support/ops-rig.js';
import { preparedShop, XIAOLI } from './support/prepared-shop.js';

async function rig() {
  const shop = await preparedShop();
  const http = await startOpsHttp(shop);
  const report = () => shop.ops.handoverReport('day', '2026-11-23');
  const item = async (key: string): Promise<OpenItem | undefined> =>
    (await report()).openItems.flatMap((g) => g.items).find((i) => i.key === key);
  return { ...shop, http, report, item };
}
const PARCEL = 'follow:parcel:yuantong:YT1:no_scan';
const path = (key: string, action: string) => `/open-items/${encodeURIComponent(key)}/${action}`;

describe('actions on open items', () => {
  it('when the owner marks a hand-off task done, then the task closes, who and when come from the login, and it is listed as done this shift', async () => {
    const { http, ops, item, report, store } = await rig();
    // who acted is never taken from the body
    const forged = await http.as('azhang').post(path('task:task-1', 'done'), { note: '已改', by: 'xiaoli' });
    expect(forged.status).toBe(400);
    const res = await http.as('azhang').post(path('task:task-1', 'done'), { note: '已改好面单' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.done).toMatchObject({ by: 'azhang', byName: '阿张', at: '2026-11-23T16:15:00.000+08:00' });
    expect(await item('task:task-1')).toBeUndefined();
    const { createTaskRepository } = await import('../../src/tasks/index.js');
    expect(createTaskRepository(store).get('task-1')).toMatchObject({ state: 'closed', closedBy: 'azhang' });
    expect((await report()).highlights.done).toEqual([
      expect.objectContaining({ key: 'task:task-1', title: '改面单', byName: '阿张', note: '已改好面单' }),
    ]);
    expect(await ops.handoverMarkdown('day', '2026-11-23')).toContain(
      '### ✅ 本班已完成（1）\n1. [交办任务] 改面单（订单 3001） — 阿张 16:15：已改好面单',
    );
  });

  it('when someone else tries to close it, then only its owner, the keeper and the admin may', async () => {
    const { http } = await rig();
    const refused = await http.as('xiaoli').post(path('task:task-1', 'done'), {});
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'not_item_owner' });
    expect(refused.body.error.message).toBe('这一项的负责人是阿张，只有负责人、汇款负责人或管理员可以处理');
    expect((await http.as('xiaozhou').post(path(PARCEL, 'done'), { note: '快递已派送' })).status).toBe(200);
    expect((await http.as('admin').post(path('task:task-1', 'done'), {})).status).toBe(200);
    const gone = await http.as('admin').post(path('task:task-1', 'done'), {});
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({ code: 'open_item_not_found' });
  });

  it('when an item is reassigned with a note, then it has the new owner and the note; an unknown colleague is refused by field', async () => {
    const { http, item } = await rig();
    const noNote = await http.as('xiaoli').post(path(PARCEL, 'reassign'), { to: 'azhang' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.field).toBe('note');
    expect(noNote.body.error.message).toContain('备注');
    const unknown = await http.as('xiaoli').post(path(PARCEL, 'reassign'), { to: 'xiaolin', note: '你熟悉' });
    expect(unknown.body.error).toMatchObject({ code: 'unknown_staff', field: 'to' });
    const ok = await http.as('xiaoli').post(path(PARCEL, 'reassign'), { to: 'azhang', note: '晚上快递才回电话' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(await item(PARCEL)).toMatchObject({
      owner: 'azhang',
      ownerName: '阿张',
      ownerRule: 'reassigned',
      lastNote: '小丽：晚上快递才回电话',
    });
    // now it is 阿张's: 小丽 may no longer close it
    expect((await http.as('xiaoli').post(path(PARCEL, 'done'), {})).status).toBe(403);
  });

  it('when an item is snoozed, then it leaves the open items until its time and comes back after', async () => {
    const { http, report, clock } = await rig();
    const past = await http.as('xiaoli').post(path(PARCEL, 'snooze'), { until: '2026-11-23 10:00' });
    expect(past.body.error).toMatchObject({ code: 'snooze_out_of_range', field: 'until' });
    const ok = await http.as('xiaoli').post(path(PARCEL, 'snooze'), { until: '2026-11-23 20:00', note: '等快递回电' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    let r = await report();
    expect(r.openItems.flatMap((g) => g.items).map((i) => i.key)).not.toContain(PARCEL);
    expect(r.snoozed.map((i) => [i.key, i.snoozedUntil])).toEqual([[PARCEL, '2026-11-23T20:00:00.000+08:00']]);
    clock.set('2026-11-23T20:00:00+08:00');
    r = await report();
    expect(r.openItems.flatMap((g) => g.items).map((i) => i.key)).toContain(PARCEL);
    expect(r.snoozed).toEqual([]);
  });

  it('when anyone adds a note, then the item shows it; a done complaint comes back at its next step', async () => {
    const { http, item, ops, late } = await rig();
    expect((await http.as('xiaozhou').post(path(PARCEL, 'note'), { note: '买家电话13812345678 已打过' })).status).toBe(
      200,
    );
    expect((await item(PARCEL))!.lastNote).toBe('小周：买家电话138****5678 已打过');
    const key = `complaint:${late.id}`;
    expect((await http.as('xiaoli').post(path(key, 'done'), { note: '已回复买家' })).status).toBe(200);
    expect(await item(key)).toBeUndefined();
    await ops.complaints.respond(late.id, XIAOLI, '已回复');
    expect(await item(key)).toMatchObject({ owner: 'xiaoli', kind: 'complaint' });
  });

  it('when the next shift acknowledges the handover, then it takes what is open; money stays with the keeper', async () => {
    const { http, report, ops } = await rig();
    const ack = await http.as('azhang').post('/handover/ack', { shift: 'day', date: '2026-11-23' });
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    const owners = (await report()).openItems.map((g) => [g.owner, g.count]);
    // 阿张 works the night: 小丽's five items (the refund waiting on the seller among them) are his now, beside his
    // own three; 小周 keeps the money
    expect(owners).toEqual([
      ['azhang', 8],
      ['xiaozhou', 2],
    ]);
    // a second acknowledgement changes nothing
    await ops.handover.acknowledge('day', '2026-11-23', XIAOLI);
    expect((await report()).openItems.map((g) => [g.owner, g.count])).toEqual(owners);
  });
});
