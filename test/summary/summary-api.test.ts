/**
 * GET /api/summary/week and /api/summary/complaints through the real HTTP app (login, role table, error table) over
 * a store holding a week of the shop's records: the figures in JSON, the Markdown in Chinese, staff may read it,
 * a mistyped week is refused in Chinese.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { COMPLAINTS } from '../../src/complaints/index.js';
import { HANDOVERS } from '../../src/handover/index.js';
import { MESSAGE_ATTEMPTS_LOG } from '../../src/messaging/index.js';
import { REMARK_ENTRIES } from '../../src/remarks/remark-repository.js';
import { fixedClock } from '../../src/shared/time.js';
import { createMemoryStore, type Store } from '../../src/storage/index.js';
import { createSummaryModule } from '../../src/summary/index.js';
import { apiApp } from '../support/api-app.js';
import { englishWords } from '../support/english-words.js';

const at = (day: number, time = '10:00') => `2026-11-${String(day).padStart(2, '0')}T${time}:00.000+08:00`;
const step = (a: string) => ({ at: a, by: 'xiaoli', byName: '小丽', note: '已处理' });

async function seed(store: Store) {
  await store.transact((tx) => {
    tx.put(COMPLAINTS, 'c1', {
      id: 'c1',
      buyerNick: 'tb_buyer',
      tid: null,
      channel: 'wangwang',
      category: 'logistics',
      content: '快递太慢',
      staff: 'xiaoli',
      staffName: '小丽',
      openedAt: at(23),
      respondBy: at(24),
      verifyBy: at(26, '23:59'),
      response: step(at(23, '11:00')),
      verification: step(at(25)),
      outcome: step(at(25, '15:00')),
      satisfaction: { ...step(at(26)), level: 'satisfied' },
    });
    tx.put(REMARK_ENTRIES, '4001', {
      tid: '4001',
      entries: [
        { id: 'r1', tid: '4001', kind: 'oos.notify', staff: '小丽', username: 'xiaoli', at: at(24), status: 'written' },
        {
          id: 'r2',
          tid: '4001',
          kind: 'sale.record',
          staff: '小丽',
          username: 'xiaoli',
          at: at(16),
          status: 'written',
        },
      ],
    });
    tx.put(HANDOVERS, '2026-11-29:night', {
      id: '2026-11-29:night',
      date: '2026-11-29',
      shift: 'night',
      builtAt: at(29, '23:00'),
      items: [{ kind: 'complaint', late: true }],
      ack: null,
    });
  });
  await store.log(MESSAGE_ATTEMPTS_LOG).append(
    { messageId: 'm1', kind: 'birthday', channel: 'outbox', at: at(24), outcome: 'sent' },
    {
      messageId: 'm2',
      kind: 'payment-reminder-first',
      channel: 'outbox',
      at: at(24),
      outcome: 'cancelled',
      error: 'opted_out',
    },
  );
}

let api: Awaited<ReturnType<typeof apiApp>>;
beforeEach(async () => {
  const store = createMemoryStore();
  const clock = fixedClock('2026-11-30T09:00:00+08:00');
  await seed(store);
  api = await apiApp({ store, clock, routes: createSummaryModule({ store, clock }).routers });
});

describe('the weekly summary over HTTP', () => {
  it('when staff ask for a week, then they get its figures, and no week means last week (the Monday meeting’s)', async () => {
    const res = await api.as('xiaoli').get('/summary/week?week=2026-W48');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      week: '2026-W48',
      from: '2026-11-23',
      to: '2026-11-29',
      complaints: { opened: 1, answeredInTime: 1, verifiedInTime: 1, satisfaction: { satisfied: 1 } },
      afterSales: { outcomesTold: 1 },
      remarks: { total: 1, byStaff: [{ staff: '小丽', total: 1, kinds: [{ title: '拍下后无货', count: 1 }] }] },
      messages: { sent: 1, refused: 1, refusedReasons: [{ reason: 'opted_out', count: 1 }] },
      carried: { from: { date: '2026-11-29', shift: 'night' }, total: 1, late: 1 },
    });
    const lastWeek = await api.as('azhang').get('/summary/week');
    expect(lastWeek.body.week).toBe('2026-W48');
  });

  it('when the Markdown is asked for, then every line is Chinese, with the figures and the names of codes', async () => {
    const res = await api.as('xiaozhou').get('/summary/week?week=2026-W48&format=markdown');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/markdown');
    expect(res.text).toContain('# 2026-W48 周报（2026-11-23 至 2026-11-29）');
    expect(res.text).toContain('- 24 小时内首次回复：1 件（100%）');
    expect(res.text).toContain('- 小丽：1 条（拍下后无货 1）');
    expect(res.text).toContain('不再发送的原因：买家已退订 1');
    expect(res.text).toContain('- 2026-11-29 夜班交接时还有 1 项，其中超时 1 项（投诉 1）');
    expect(englishWords(res.text)).toEqual([]);
  });

  it('when the month’s complaints are analysed, then causes come with their Chinese names in the Markdown', async () => {
    const json = await api.as('admin').get('/summary/complaints?month=2026-11');
    expect(json.body).toMatchObject({ month: '2026-11', total: 1 });
    expect(json.body.causes[0]).toMatchObject({ category: 'logistics', count: 1, sharePct: 100 });
    const md = await api.as('admin').get('/summary/complaints?month=2026-11&format=markdown');
    expect(md.text).toContain('| 物流 | 1 | 100% | 1 | 1 | 0 | 1 / 0 / 0 |');
    expect(englishWords(md.text)).toEqual([]);
  });

  it('when the week is mistyped, then the answer is 400 in Chinese naming the field', async () => {
    const res = await api.as('xiaoli').get('/summary/week?week=2026-48');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'week_invalid', field: 'week' });
    expect(res.body.error.message).toContain('2026-W48');
  });
});
