import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { callTop } from './third-party-client.js';
import { sandboxApp } from './fixtures.js';

const LIST = { fields: 'tid_str', type: 'fixed,step', page_size: '1' };

describe('sandbox gateway faults', () => {
  it('when a rate-limit ban is switched on through the admin endpoint, then calls get code 7 until the ban expires', async () => {
    const { app, clock } = sandboxApp();
    const set = await request(app).post('/sandbox/faults').send({ rateLimitBanSeconds: 30 });
    expect(set.status).toBe(200);
    const banned = await callTop(app, clock.now(), 'taobao.trades.sold.get', LIST);
    expect(banned.json.error_response).toMatchObject({
      code: 7,
      sub_code: 'accesscontrol.limited-by-app-access-count',
      sub_msg: 'This ban will last for 30 more seconds',
    });
    clock.advance(20_000);
    const still = await callTop(app, clock.now(), 'taobao.trades.sold.get', LIST);
    expect(still.json.error_response.sub_msg).toBe('This ban will last for 10 more seconds');
    clock.advance(10_001);
    const free = await callTop(app, clock.now(), 'taobao.trades.sold.get', LIST);
    expect(free.json.trades_sold_get_response).toBeDefined();
  });

  it('when the error rate is 0.3, then roughly 30% of 120 calls answer isp errors', async () => {
    const { app, shop, clock } = sandboxApp();
    shop.faults.set({ errorRate: 0.3 });
    let errors = 0;
    for (let i = 0; i < 120; i++) {
      const { json } = await callTop(app, clock.now(), 'taobao.trades.sold.get', LIST);
      if (json.error_response) {
        expect(json.error_response.sub_code).toMatch(/^isp\./);
        errors++;
      }
    }
    expect(errors).toBeGreaterThan(18);
    expect(errors).toBeLessThan(56);
  });

  it('when malformed bodies and 5xx are switched on, then the body is not JSON or the HTTP status is 5xx', async () => {
    const { app, shop } = sandboxApp();
    shop.faults.set({ malformedRate: 1 });
    await expect(callTop(app, shop.clock.now(), 'taobao.trades.sold.get', LIST)).rejects.toThrow(SyntaxError);
    shop.faults.set({ malformedRate: 0, http5xxRate: 1 });
    await expect(callTop(app, shop.clock.now(), 'taobao.trades.sold.get', LIST)).rejects.toThrow(/HTTP 50[234]/);
  });

  it('when the admin endpoint gets a rate outside 0–1, then 400 names the field', async () => {
    const { app } = sandboxApp();
    const res = await request(app).post('/sandbox/faults').send({ errorRate: 2 });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('errorRate');
  });
});
