import { describe, expect, it } from 'vitest';
import { DEMO_ROSTER } from '../../src/roster/index.js';
import { startOpsHttp, startOpsRig } from '../operations/support/ops-rig.js';

function ok<T extends { status: number; body: unknown }>(res: T, status: number): T {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res;
}

async function rig() {
  // Friday 2026-11-20 16:15: 小丽 (day) and 阿张 (night) overlap at the handover, 小周 is on the day shift.
  const ops = await startOpsRig({ now: '2026-11-20T16:15:00+08:00', deps: { initialRoster: DEMO_ROSTER } });
  return { ...ops, http: await startOpsHttp(ops) };
}

describe('/api/roster', () => {
  it('when any logged-in person asks, then they get the roster, its breaks, today and who is on duty now', async () => {
    const { http } = await rig();
    const res = ok(await http.as('xiaoli').get('/roster'), 200);
    expect(res.body.roster.keeper).toBe('xiaozhou');
    expect(res.body.breaks.day).toEqual([{ start: '12:00', end: '12:30' }]);
    expect(res.body.today).toEqual({ date: '2026-11-20', day: ['xiaoli', 'xiaozhou'], night: ['azhang'] });
    expect(res.body.onDuty).toEqual(['xiaoli', 'xiaozhou', 'azhang']);
  });

  it('when the admin replaces it, then it is stored with who and when; staff may not', async () => {
    const { http, ops } = await rig();
    const next = {
      ...DEMO_ROSTER,
      keeper: 'admin',
      exceptions: [{ date: '2026-11-20', username: 'azhang', duty: 'off' }],
    };
    ok(await http.as('xiaoli').put('/roster', next), 403);
    const res = ok(await http.as('admin').put('/roster', next), 200);
    expect(res.body.roster).toMatchObject({
      keeper: 'admin',
      updatedBy: 'admin',
      updatedAt: '2026-11-20T16:15:00.000+08:00',
    });
    expect(res.body.onDuty).toEqual(['xiaoli', 'xiaozhou']);
    expect(ops.roster.get().keeper).toBe('admin');
  });

  it('when a roster is wrong, then the refusal names the field in Chinese and nothing changes', async () => {
    const { http, ops } = await rig();
    const unknown = ok(await http.as('admin').put('/roster', { ...DEMO_ROSTER, keeper: 'xiaolin' }), 400);
    expect(unknown.body.error).toMatchObject({ code: 'unknown_staff', field: 'keeper' });
    expect(unknown.body.error.message).toContain('xiaolin');
    const badTime = structuredClone(DEMO_ROSTER) as unknown as { shifts: { day: { periods: { start: string }[] } } };
    badTime.shifts.day.periods[0]!.start = '9点';
    const res = ok(await http.as('admin').put('/roster', badTime), 400);
    expect(res.body.error.message).toMatch(/开始时间/);
    expect(res.body.error.message).not.toMatch(/[A-Za-z]{3,}/);
    expect(ops.roster.get().updatedAt).toBeNull();
  });
});
