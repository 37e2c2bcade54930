import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/accounts/accounts.js';
import { createComplaintService } from '../../src/complaints/index.js';
import { fixedClock, HOUR } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';

const [xiaoli, azhang] = DEMO_ACCOUNTS;
const input = {
  buyerNick: '小红',
  tid: '1001',
  channel: 'wangwang' as const,
  category: 'quality' as const,
  content: '衣服开线了',
};

describe('complaint clocks', () => {
  it('when a complaint is recorded, then it has a 24-hour response and a 3-working-day verification deadline', async () => {
    const clock = fixedClock('2026-11-20T15:00:00+08:00'); // Friday
    const svc = createComplaintService({ store: createMemoryStore(), clock, holidays: ['2026-11-24'] });
    const c = await svc.record(input, xiaoli!);
    expect(c).toMatchObject({ staff: 'xiaoli', staffName: '小丽', stage: 'awaiting_response', late: false });
    expect(c.respondBy).toBe('2026-11-21T15:00:00.000+08:00');
    expect(c.verifyBy).toBe('2026-11-27T00:00:00.000+08:00'); // Mon, (Tue holiday), Wed, Thu
  });

  it('when nobody responds within 24 hours, then it is late; a response after the deadline stays late', async () => {
    const clock = fixedClock('2026-11-23T10:00:00+08:00');
    const svc = createComplaintService({ store: createMemoryStore(), clock });
    const c = await svc.record(input, xiaoli!);
    clock.advance(24 * HOUR + 1);
    expect(svc.get(c.id)).toMatchObject({ responseLate: true, late: true });
    const responded = await svc.respond(c.id, azhang!, '已联系买家');
    expect(responded).toMatchObject({
      stage: 'awaiting_verification',
      responseLate: true,
      response: { by: 'azhang', byName: '阿张' },
    });
    expect(svc.list({ late: true }).map((x) => x.id)).toEqual([c.id]);
  });

  it('when the steps run in order, then the complaint closes with satisfaction; out of order is refused', async () => {
    const clock = fixedClock('2026-11-23T10:00:00+08:00');
    const svc = createComplaintService({ store: createMemoryStore(), clock });
    const c = await svc.record(input, xiaoli!);
    await expect(svc.verify(c.id, xiaoli!, '')).rejects.toMatchObject({ code: 'complaint_stage' });
    await svc.respond(c.id, xiaoli!, '');
    await svc.verify(c.id, xiaoli!, '确认质量问题');
    await svc.tellOutcome(c.id, xiaoli!, '退款并承担来回运费');
    const closed = await svc.recordSatisfaction(c.id, xiaoli!, 'satisfied');
    expect(closed).toMatchObject({ stage: 'closed', late: false, satisfaction: { level: 'satisfied' } });
    expect(svc.list({ state: 'open' })).toEqual([]);
    expect((await svc.respond(c.id, azhang!, 'again')).response!.by).toBe('xiaoli');
  });
});
