import nock from 'nock';
import { afterEach, beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
import { createKuaidi100Tracker } from '../../../src/logistics/kuaidi100/tracker.js';
import { kuaidi100Sign } from '../../../src/logistics/kuaidi100/sign.js';
import { UpstreamError, ValidationError } from '../../../src/shared/errors.js';
import { fixedClock } from '../../../src/shared/time.js';
import { fixture } from './fixtures.js';

const BASE = 'https://poll.kuaidi100.test';
const CREDS = { customer: 'CUSTOMER-1', key: 'secret-key' };
const START = '2026-11-20T16:00:00+08:00';

interface Sent {
  customer: string;
  sign: string;
  param: string;
  json: Record<string, unknown>;
}

/** Replies with each body in turn, recording every form kuaidi100 would have received. */
function kuaidi100(...bodies: unknown[]): { sent: Sent[]; scope: nock.Scope } {
  const sent: Sent[] = [];
  const scope = nock(BASE)
    .post('/poll/query.do')
    .times(bodies.length)
    .reply((_uri, body) => {
      const form = new URLSearchParams(String(body));
      const param = form.get('param') ?? '';
      sent.push({
        customer: form.get('customer') ?? '',
        sign: form.get('sign') ?? '',
        param,
        json: JSON.parse(param) as Record<string, unknown>,
      });
      return [200, bodies[sent.length - 1] as nock.Body];
    });
  return { sent, scope };
}

function tracker(clock = fixedClock(START)) {
  const sleep = vi.fn(async (_ms: number) => {});
  return { clock, sleep, tracker: createKuaidi100Tracker({ ...CREDS, baseUrl: BASE, clock, sleep }) };
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('kuaidi100 tracker, answers', () => {
  it('when kuaidi100 answers ok, then the state is normalized and the events are newest first with +08:00 instants', async () => {
    const { sent } = kuaidi100(fixture('query-ok-signed'));
    const { tracker: t } = tracker();
    const result = await t.track('顺丰速运', 'SF1400000000001', '13812345678');

    expect(result).toMatchObject({
      company: 'shunfeng',
      waybill: 'SF1400000000001',
      state: 'signed',
      subState: '301',
      checkedAt: '2026-11-20T16:00:00.000+08:00',
    });
    expect(result.events).toHaveLength(6);
    expect(result.events[0]).toEqual({
      at: '2026-11-20T15:42:10.000+08:00',
      description: expect.stringContaining('已签收'),
      location: '广州市',
      state: 'signed',
    });
    expect(result.events.map((e) => e.state)).toEqual([
      'signed',
      'dispatching',
      'in_transit',
      'in_transit',
      'in_transit',
      'collected',
    ]);
    expect(result.events[2]!.location).toBe('广东,广州市,天河区');
    // No location field and no areaName: the city comes from the 【】 prefix of the text.
    expect(result.events[3]!.location).toBe('武汉市');
    expect(result.events.at(-1)!.at).toBe('2026-11-19T06:00:02.000+08:00');

    expect(sent).toHaveLength(1);
    expect(sent[0]!.customer).toBe(CREDS.customer);
    expect(sent[0]!.sign).toBe(kuaidi100Sign(sent[0]!.param, CREDS.key, CREDS.customer));
    expect(sent[0]!.json).toEqual({
      com: 'shunfeng',
      num: 'SF1400000000001',
      phone: '5678',
      resultv2: '4',
      show: '0',
      order: 'desc',
    });
  });

  it('when traces come out of order and some carry only a state name or none, then they are sorted and named states are used', async () => {
    kuaidi100(fixture('query-ok-in-transit-basic'));
    const result = await tracker().tracker.track('yuantong', 'YT7000000000002');
    expect(result.state).toBe('in_transit');
    expect(result.subState).toBeNull();
    expect(result.events.map((e) => [e.at, e.state])).toEqual([
      ['2026-11-19T21:05:00.000+08:00', 'in_transit'],
      ['2026-11-19T11:40:00.000+08:00', 'in_transit'],
      ['2026-11-19T06:00:02.000+08:00', 'collected'],
    ]);
  });

  it('when kuaidi100 has no result yet (500), then the parcel resolves as unknown without an error', async () => {
    kuaidi100(fixture('error-500-no-result'));
    const result = await tracker().tracker.track('yunda', '4300000000001');
    expect(result).toEqual({
      company: 'yunda',
      waybill: '4300000000001',
      state: 'unknown',
      subState: null,
      events: [],
      checkedAt: '2026-11-20T16:00:00.000+08:00',
    });
  });

  it('when the company is neither known nor a code, then it is a validation error naming the field and nothing is sent', async () => {
    const { sent } = kuaidi100(fixture('query-ok-signed'));
    const err = await tracker()
      .tracker.track('某某快运', 'X1')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe('company');
    expect(sent).toHaveLength(0);
  });
});

describe('kuaidi100 tracker, state table', () => {
  // Source of the expected column: 运单快递状态(state)说明, api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc
  it.each([
    ['0', 'in_transit', null],
    ['1', 'collected', null],
    ['2', 'problem', null],
    ['3', 'signed', null],
    ['4', 'returned', null],
    ['5', 'dispatching', null],
    ['6', 'returning', null],
    ['7', 'in_transit', null],
    ['8', 'customs', null],
    ['9', 'unknown', null],
    ['10', 'customs', '10'],
    ['11', 'customs', '11'],
    ['12', 'customs', '12'],
    ['13', 'problem', '13'],
    ['14', 'refused', null],
    ['101', 'collected', '101'],
    ['103', 'collected', '103'],
    ['1001', 'in_transit', '1001'],
    ['1003', 'in_transit', '1003'],
    ['201', 'problem', '201'],
    ['202', 'problem', '202'],
    ['203', 'refused', '203'],
    ['204', 'problem', '204'],
    ['205', 'problem', '205'],
    ['210', 'problem', '210'],
    ['299', 'problem', '299'],
    ['301', 'signed', '301'],
    ['304', 'signed', '304'],
    ['401', 'returned', '401'],
    ['501', 'dispatching', '501'],
  ])('when kuaidi100 reports state %s, then the parcel is %s with subState %s', async (code, state, subState) => {
    kuaidi100({ ...fixture('query-ok-signed'), state: code });
    const result = await tracker().tracker.track('shunfeng', `SF-STATE-${code}`, '13812345678');
    expect(result.state).toBe(state);
    expect(result.subState).toBe(subState);
  });
});

describe('kuaidi100 tracker, refusals and retries', () => {
  it('when the signature is refused (503), then it fails at once, not retriable, pointing at customer and key', async () => {
    const { sent } = kuaidi100(fixture('error-503-bad-sign'), fixture('query-ok-signed'));
    const { tracker: t, sleep } = tracker();
    const err = await t.track('shunfeng', 'SF1400000000001', '13812345678').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ retriable: false, code: 'kuaidi100_503', upstream: 'kuaidi100' });
    expect((err as Error).message).toMatch(/customer and key/);
    expect(sent).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it.each([
    ['error-400-bad-param', 'kuaidi100_400'],
    ['error-408-phone', 'kuaidi100_408'],
    ['error-601-key-expired', 'kuaidi100_601'],
  ])('when kuaidi100 answers %s, then it is a non-retriable %s sent once', async (name, code) => {
    const { sent } = kuaidi100(fixture(name), fixture('query-ok-signed'));
    const err = await tracker()
      .tracker.track('yunda', 'YD1', undefined)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ retriable: false, code });
    expect(sent).toHaveLength(1);
  });

  it('when kuaidi100 is busy (502) once, then the query is retried and succeeds', async () => {
    const { sent } = kuaidi100(fixture('error-502-busy'), fixture('query-ok-signed'));
    const { tracker: t, sleep } = tracker();
    const result = await t.track('shunfeng', 'SF1400000000001', '13812345678');
    expect(result.state).toBe('signed');
    expect(sent).toHaveLength(2);
    expect(sleep).toHaveBeenCalledTimes(1);
    // The retry sends the very same signed form.
    expect(sent[1]).toEqual(sent[0]);
  });

  it('when kuaidi100 keeps failing with 501, then it gives up with a retriable error after the retries', async () => {
    const { sent } = kuaidi100(...Array.from({ length: 4 }, () => fixture('error-501-server')));
    const err = await tracker()
      .tracker.track('yunda', 'YD2')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ retriable: true, code: 'kuaidi100_501' });
    expect(sent).toHaveLength(4);
  });

  it('when the HTTP layer fails with a 503 status once, then the client retries it', async () => {
    const scope = nock(BASE)
      .post('/poll/query.do')
      .reply(503, 'busy')
      .post('/poll/query.do')
      .reply(200, fixture('query-ok-signed'));
    const result = await tracker().tracker.track('shunfeng', 'SF1400000000001', '13812345678');
    expect(result.state).toBe('signed');
    expect(scope.isDone()).toBe(true);
  });
});
