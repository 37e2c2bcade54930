import { describe, expect, it } from 'vitest';
import { startOpsHttp, startOpsRig } from './support/ops-rig.js';

describe('operations over HTTP with a real login', () => {
  it('when staff list the jobs, then each shows its cron, Asia/Shanghai and the next run; only admin may run one', async () => {
    const rig = await startOpsRig({ now: '2026-11-23T16:20:00+08:00' });
    const { as } = await startOpsHttp(rig);
    const list = await as('xiaoli').get('/jobs');
    expect(list.status).toBe(200);
    const byName = Object.fromEntries(list.body.jobs.map((j: { name: string }) => [j.name, j]));
    expect(Object.keys(byName).sort()).toEqual([
      'handover-day',
      'handover-night',
      'payment-reminders',
      'review-window-1100',
      'review-window-1500',
      'review-window-2000',
      'revisit-list',
      'stuck-parcels',
    ]);
    expect(byName['handover-night']).toMatchObject({
      schedule: '0 23 * * *',
      timeZone: 'Asia/Shanghai',
      nextRun: '2026-11-23T23:00:00.000+08:00',
      lastRun: null,
    });
    expect(rig.ops.missingJobs.map((m) => m.job).sort()).toEqual(
      ['refund-register', 'transfer-checks', 'transfer-register', 'birthday-greetings'].sort(),
    );

    expect((await as('xiaoli').post('/jobs/revisit-list/run')).status).toBe(403);
    const ran = await as('admin').post('/jobs/revisit-list/run');
    expect(ran.status).toBe(200);
    expect(ran.body.run).toMatchObject({
      job: 'revisit-list',
      outcome: 'ok',
      reason: 'manual',
      counts: { customers: 0 },
    });
    expect((await as('admin').post('/jobs/nope/run')).status).toBe(404);
    expect(
      (await as('xiaoli').get('/jobs')).body.jobs.find((j: { name: string }) => j.name === 'revisit-list').lastRun
        .outcome,
    ).toBe('ok');
  });

  it('when a complaint goes through its steps over HTTP, then the logged-in person is recorded at each one', async () => {
    const rig = await startOpsRig({ now: '2026-11-23T10:00:00+08:00' });
    const { as } = await startOpsHttp(rig);
    const bad = await as('xiaoli').post('/complaints', {
      buyerNick: '小红',
      channel: 'fax',
      category: 'quality',
      content: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('channel');
    const created = await as('xiaoli').post('/complaints', {
      buyerNick: '小红',
      tid: '1001',
      channel: 'wangwang',
      category: 'quality',
      content: '开线',
      staff: 'admin',
    });
    expect(created.status).toBe(400); // no staff field: the name comes from the login
    const ok = await as('xiaoli').post('/complaints', {
      buyerNick: '小红',
      tid: '1001',
      channel: 'wangwang',
      category: 'quality',
      content: '开线',
    });
    expect(ok.status).toBe(201);
    const id = ok.body.complaint.id;
    expect(ok.body.complaint).toMatchObject({
      staffName: '小丽',
      respondBy: '2026-11-24T10:00:00.000+08:00',
      verifyBy: '2026-11-27T00:00:00.000+08:00',
    });
    expect((await as('azhang').post(`/complaints/${id}/verify`, { note: 'x' })).status).toBe(409);
    await as('azhang')
      .post(`/complaints/${id}/respond`, { note: '已回复' })
      .then((r) => expect(r.status).toBe(200));
    await as('azhang')
      .post(`/complaints/${id}/verify`, { note: '质量问题' })
      .then((r) => expect(r.status).toBe(200));
    await as('azhang')
      .post(`/complaints/${id}/outcome`, { note: '退款' })
      .then((r) => expect(r.status).toBe(200));
    const closed = await as('xiaoli').post(`/complaints/${id}/satisfaction`, { level: 'satisfied' });
    expect(closed.body.complaint).toMatchObject({
      stage: 'closed',
      response: { byName: '阿张' },
      satisfaction: { level: 'satisfied', byName: '小丽' },
    });
    expect((await as('xiaoli').get('/complaints')).body.complaints).toEqual([]);
    expect((await as('xiaoli').get('/complaints?state=all')).body.complaints).toHaveLength(1);
  });

  it('when the next shift reads, notes and acknowledges the handover over HTTP, then the report shows it', async () => {
    const rig = await startOpsRig({ now: '2026-11-23T16:40:00+08:00' });
    const { as } = await startOpsHttp(rig);
    await as('xiaoli')
      .post('/intents', { buyerNick: '犹豫客', items: '开衫', hesitation: '运费' })
      .then((r) => expect(r.status).toBe(201));
    const note = await as('xiaoli').post('/handover/diary', { text: '明早先回访犹豫客' });
    expect(note.body.note).toMatchObject({ shift: 'night', date: '2026-11-23', byName: '小丽' }); // 16:40: the day shift has ended
    await as('xiaoli').post('/handover/diary', { text: '白班遗留', shift: 'day', date: '2026-11-23' });
    const day = await as('xiaozhou').get('/handover?shift=day&date=2026-11-23');
    expect(day.status).toBe(200);
    expect(day.body.report.diary.map((n: { text: string }) => n.text)).toEqual(['白班遗留']);
    // the intent is the one who noted it (the handover's owner rule table)
    const next = day.body.report.openItems.find((g: { owner: string }) => g.owner === 'xiaoli');
    expect(next.items.filter((i: { kind: string }) => i.kind === 'intent')).toMatchObject([
      { buyerNick: '犹豫客', title: '意向未成交：开衫' },
    ]);
    const ack = await as('xiaozhou').post('/handover/ack', { shift: 'day', date: '2026-11-23' });
    expect(ack.body.handover.ack).toMatchObject({ by: 'xiaozhou', at: '2026-11-23T16:40:00.000+08:00' });
    const md = await as('xiaozhou').get('/handover?shift=day&date=2026-11-23&format=markdown');
    expect(md.type).toBe('text/markdown');
    expect(md.text).toContain('✅ 小周 已于 2026-11-23 16:40 确认接班');
    expect((await as('xiaozhou').get('/handover?shift=evening')).status).toBe(400);
  });
});
