/**
 * The sandbox shop after its day's jobs have run, through the real service: every open item of the handover has an
 * owner who can log in and close it, and the Markdown lists every one of them.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/accounts/accounts.js';
import { serviceRig } from '../support/service-rig.js';

interface Item {
  key: string;
  owner: string;
  title: string;
}
const DAY_JOBS = ['logistics-refresh', 'payment-reminders', 'review-window-1100', 'stuck-parcels', 'transfer-checks'];

describe('the sandbox shop handover', () => {
  let rig: Awaited<ReturnType<typeof serviceRig>>;
  beforeAll(async () => {
    rig = await serviceRig();
    for (const job of DAY_JOBS) await rig.svc.operations.runJob(job);
  });
  afterAll(() => rig?.close());

  it('when the day has run, then every open item has an owner with an account, and the owner can close one', async () => {
    const token = await rig.login('admin');
    const res = await request(rig.svc.url).get('/api/handover?shift=day').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    const items: Item[] = res.body.report.openItems.flatMap((g: { items: Item[] }) => g.items);
    expect(items.length).toBeGreaterThan(0);
    const accounts = new Set(DEMO_ACCOUNTS.map((a) => a.username));
    for (const i of items) expect(accounts.has(i.owner), `${i.key} → ${i.owner}`).toBe(true);
    console.info(
      `sandbox day handover: ${items.length} open items, by owner`,
      res.body.report.openItems.map((g: { owner: string; count: number }) => `${g.owner} ${g.count}`).join(', '),
    );

    const md = await request(rig.svc.url)
      .get(`/api/handover?shift=day&date=${res.body.report.date}&format=markdown`)
      .set('Authorization', `Bearer ${token}`);
    expect(md.text).not.toMatch(/另有|见控制台/);
    for (const i of items) expect(md.text).toContain(i.title);

    const first = items[0]!;
    const ownerToken = await rig.login(first.owner);
    const done = await request(rig.svc.url)
      .post(`/api/open-items/${encodeURIComponent(first.key)}/done`)
      .set('Authorization', `Bearer ${ownerToken}`)
      .send({ note: '已处理' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.done).toMatchObject({ by: first.owner });
  });
});
