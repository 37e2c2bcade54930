import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { kuaidi100Sign } from '../../../src/logistics/kuaidi100/sign.js';
import { SANDBOX_KUAIDI100 } from '../../../src/logistics/sandbox/credentials.js';
import { createKuaidi100SandboxRouter } from '../../../src/logistics/sandbox/kuaidi100-router.js';
import { DAY, fixedClock } from '../../../src/shared/time.js';
import { CONSIGNED_AT, fakeSource, parcel, RECEIVER_MOBILE } from './fake-parcels.js';

const PATH = '/sandbox/kuaidi100/poll/query.do';
const sf = parcel('normal', { company: 'shunfeng', waybill: 'SF-NORMAL-1' });
const yt = parcel('locker');

function app(now = CONSIGNED_AT + 3 * DAY) {
  const a = express();
  a.use('/sandbox', createKuaidi100SandboxRouter(fakeSource([sf, yt]), { clock: fixedClock(now) }));
  return a;
}

function post(param: Record<string, unknown>, opts: { key?: string; customer?: string; now?: number } = {}) {
  const text = JSON.stringify(param);
  const customer = opts.customer ?? SANDBOX_KUAIDI100.customer;
  return request(app(opts.now))
    .post(PATH)
    .type('form')
    .send({ customer, sign: kuaidi100Sign(text, opts.key ?? SANDBOX_KUAIDI100.key, customer), param: text });
}

describe('sandbox kuaidi100 router, protocol checks', () => {
  it('when the sign is made with another key, then it answers 503 验证签名失败 like kuaidi100', async () => {
    const res = await post({ com: 'yuantong', num: yt.waybill, resultv2: '4' }, { key: 'wrong' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ result: false, returnCode: '503', message: '验证签名失败' });
  });

  it('when the form is incomplete, then it answers 400', async () => {
    const res = await request(app()).post(PATH).type('form').send({ customer: SANDBOX_KUAIDI100.customer });
    expect(res.body).toMatchObject({ result: false, returnCode: '400' });
  });

  it('when the company code is unknown, then it answers 400 找不到对应公司', async () => {
    const res = await post({ com: 'nosuch', num: 'X1' });
    expect(res.body).toMatchObject({ result: false, returnCode: '400' });
  });

  it('when the waybill is unknown or under another courier, then it answers 500 查询无结果', async () => {
    expect((await post({ com: 'yuantong', num: 'NOPE' })).body).toMatchObject({
      result: false,
      returnCode: '500',
      message: '查询无结果，请隔段时间再查',
    });
    expect((await post({ com: 'yunda', num: yt.waybill })).body).toMatchObject({ returnCode: '500' });
  });

  it('when an SF query has no phone or a wrong tail, then it answers 408; the right tail gets the traces', async () => {
    expect((await post({ com: 'shunfeng', num: sf.waybill })).body).toMatchObject({ result: false, returnCode: '408' });
    expect((await post({ com: 'shunfeng', num: sf.waybill, phone: '0000' })).body).toMatchObject({ returnCode: '408' });
    const ok = await post({ com: 'shunfeng', num: sf.waybill, phone: RECEIVER_MOBILE.slice(-4), resultv2: '4' });
    expect(ok.body).toMatchObject({ message: 'ok', status: '200', com: 'shunfeng', nu: sf.waybill });
  });

  it('when asked before the parcel was consigned, then there is no result yet', async () => {
    const res = await post({ com: 'yuantong', num: yt.waybill }, { now: CONSIGNED_AT - 1000 });
    expect(res.body).toMatchObject({ returnCode: '500' });
  });
});

describe('sandbox kuaidi100 router, answers', () => {
  it('when resultv2=4, then state and traces carry detail codes, newest first, in kuaidi100 time format', async () => {
    const res = await post({ com: 'yuantong', num: yt.waybill, resultv2: '4', show: '0', order: 'desc' });
    expect(res.body.state).toBe('205');
    const data = res.body.data as {
      time: string;
      ftime: string;
      context: string;
      statusCode: string;
      status: string;
    }[];
    expect(data[0]).toMatchObject({ statusCode: '205', status: '柜或驿站超时未取' });
    expect(data[0]!.time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(data.map((d) => d.time)).toEqual([...data.map((d) => d.time)].sort().reverse());
    expect(data.at(-1)).toMatchObject({ time: '2026-11-20 10:00:00', statusCode: '1', status: '揽收' });
  });

  it('when resultv2=1, then only base states come back, without detail codes', async () => {
    const res = await post({ com: 'yuantong', num: yt.waybill, resultv2: '1' });
    expect(res.body.state).toBe('2');
    const data = res.body.data as Record<string, unknown>[];
    expect(data.every((d) => !('statusCode' in d))).toBe(true);
    expect(data[0]!.status).toBe('疑难');
  });

  it('when order=asc, then the oldest trace comes first', async () => {
    const res = await post({ com: 'yuantong', num: yt.waybill, resultv2: '4', order: 'asc' });
    expect((res.body.data as { statusCode: string }[])[0]!.statusCode).toBe('1');
  });
});
