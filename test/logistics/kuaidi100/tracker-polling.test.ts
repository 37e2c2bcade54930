import { Writable } from 'node:stream';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKuaidi100Tracker } from '../../../src/logistics/kuaidi100/tracker.js';
import { createLogger } from '../../../src/shared/logger.js';
import { fixedClock, MINUTE } from '../../../src/shared/time.js';
import { fixture } from './fixtures.js';

const BASE = 'https://poll.kuaidi100.test';
const PHONE = '13812345678';

function recordParams(): { params: Record<string, unknown>[]; bodies: string[] } {
  const params: Record<string, unknown>[] = [];
  const bodies: string[] = [];
  nock(BASE)
    .post('/poll/query.do')
    .times(10)
    .reply((_uri, body) => {
      bodies.push(String(body));
      params.push(JSON.parse(new URLSearchParams(String(body)).get('param') ?? '{}') as Record<string, unknown>);
      return [200, fixture('query-ok-signed')];
    });
  return { params, bodies };
}

function make(clock = fixedClock('2026-11-20T16:00:00+08:00')) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  return {
    clock,
    lines,
    tracker: createKuaidi100Tracker({ customer: 'C', key: 'K', baseUrl: BASE, clock, logger, sleep: async () => {} }),
  };
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('kuaidi100 tracker, phone tail', () => {
  it.each(['shunfeng', 'zhongtong'])(
    'when tracking a %s parcel, then only the last four digits of the phone are sent and logged nowhere',
    async (company) => {
      const { params, bodies } = recordParams();
      const { tracker, lines } = make();
      await tracker.track(company, 'W-PHONE-1', PHONE);
      expect(params[0]!.phone).toBe('5678');
      expect(bodies[0]).not.toContain(PHONE);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join('\n')).not.toContain(PHONE);
    },
  );

  it.each(['yuantong', 'yunda', 'jd'])(
    'when tracking a %s parcel, then no phone is sent even when one is known',
    async (company) => {
      const { params } = recordParams();
      await make().tracker.track(company, 'W-PHONE-2', PHONE);
      expect(params[0]).not.toHaveProperty('phone');
    },
  );

  it('when an SF parcel has no phone, then the query goes out without one (kuaidi100 decides)', async () => {
    const { params } = recordParams();
    await make().tracker.track('shunfeng', 'W-PHONE-3');
    expect(params[0]).not.toHaveProperty('phone');
  });
});

describe('kuaidi100 tracker, one query per waybill per half hour', () => {
  it('when the same waybill is asked again within 30 minutes, then the remembered result comes back without a request', async () => {
    const scope = nock(BASE).post('/poll/query.do').once().reply(200, fixture('query-ok-signed'));
    const { tracker, clock } = make();
    const first = await tracker.track('shunfeng', 'SF1400000000001', PHONE);
    clock.advance(29 * MINUTE + 59_000);
    const second = await tracker.track('顺丰', 'SF1400000000001', PHONE);
    expect(scope.isDone()).toBe(true);
    expect(second).toEqual(first);
    expect(second.checkedAt).toBe('2026-11-20T16:00:00.000+08:00');
  });

  it('when 30 minutes have passed, then a new request is sent and checkedAt moves', async () => {
    const { params } = recordParams();
    const { tracker, clock } = make();
    await tracker.track('shunfeng', 'SF1400000000001', PHONE);
    clock.advance(30 * MINUTE);
    const again = await tracker.track('shunfeng', 'SF1400000000001', PHONE);
    expect(params).toHaveLength(2);
    expect(again.checkedAt).toBe('2026-11-20T16:30:00.000+08:00');
  });

  it('when different waybills or couriers are asked, then each is queried', async () => {
    const { params } = recordParams();
    const { tracker } = make();
    await tracker.track('shunfeng', 'A1', PHONE);
    await tracker.track('shunfeng', 'A2', PHONE);
    await tracker.track('yunda', 'A1');
    expect(params.map((p) => `${p.com}:${p.num}`)).toEqual(['shunfeng:A1', 'shunfeng:A2', 'yunda:A1']);
  });

  it('when the same waybill is asked twice at once, then one request serves both', async () => {
    const { params } = recordParams();
    const { tracker } = make();
    const [a, b] = await Promise.all([tracker.track('shunfeng', 'B1', PHONE), tracker.track('shunfeng', 'B1', PHONE)]);
    expect(params).toHaveLength(1);
    expect(a).toEqual(b);
  });

  it('when a query fails, then it is not remembered and the next ask queries again', async () => {
    nock(BASE).post('/poll/query.do').reply(200, fixture('error-503-bad-sign'));
    const { tracker } = make();
    await expect(tracker.track('shunfeng', 'C1', PHONE)).rejects.toMatchObject({ code: 'kuaidi100_503' });
    const { params } = recordParams();
    await tracker.track('shunfeng', 'C1', PHONE);
    expect(params).toHaveLength(1);
  });

  it('when a remembered result is changed by the caller, then the next caller still gets the original', async () => {
    recordParams();
    const { tracker } = make();
    const first = await tracker.track('shunfeng', 'D1', PHONE);
    first.events.length = 0;
    const second = await tracker.track('shunfeng', 'D1', PHONE);
    expect(second.events).toHaveLength(6);
  });
});
