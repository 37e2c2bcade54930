import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTaobaoPlatform } from '../../../src/platform/taobao/index.js';
import { NotFoundError, ValidationError } from '../../../src/shared/errors.js';
import { BASE_OPTIONS, fakeGateway, fixture, testPlatform } from './top-gateway.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const TID = '4137654321098765432';

describe('getOrder', () => {
  it('when the platform has the order, then it comes back mapped with its exact tid', async () => {
    fakeGateway(() => fixture('trade-fullinfo-get.json'));
    const { platform } = testPlatform();
    const order = await platform.getOrder(TID);
    expect([order.tid, order.items[0]!.oid, order.payment]).toEqual([TID, '4137654321098765433', 128850]);
  });

  it('when the platform says isv.trade-not-exist, then it is a NotFoundError after one call', async () => {
    fakeGateway(() => fixture('error-trade-not-exist.json'));
    const { platform } = testPlatform();
    await expect(platform.getOrder('1234567890123456789')).rejects.toBeInstanceOf(NotFoundError);
    expect(platform.stats().calls).toBe(1);
  });

  it('when the tid is not a number, then it is refused before any call', async () => {
    const gw = fakeGateway(() => fixture('trade-fullinfo-get.json'));
    const { platform } = testPlatform();
    await expect(platform.getOrder('12; DROP')).rejects.toMatchObject({ field: 'tid' });
    expect(gw.requests).toHaveLength(0);
  });
});

describe('updateMemo', () => {
  it('when a memo and flag are written, then both are sent and the new modified time returned', async () => {
    const gw = fakeGateway(() => fixture('trade-memo-update.json'));
    const { platform } = testPlatform();
    await expect(platform.updateMemo(TID, '补发袜子+小李/11.23', 3)).resolves.toEqual({
      modifiedAt: '2026-11-23T17:02:03.000+08:00',
    });
    const p = gw.requests[0]!;
    expect([p.get('method'), p.get('tid'), p.get('memo'), p.get('flag'), p.get('reset')]).toEqual([
      'taobao.trade.memo.update',
      TID,
      '补发袜子+小李/11.23',
      '3',
      null,
    ]);
  });

  it('when the memo is emptied, then the reset switch is sent instead of an empty memo', async () => {
    const gw = fakeGateway(() => fixture('trade-memo-update.json'));
    const { platform } = testPlatform();
    await platform.updateMemo(TID, '');
    expect([gw.requests[0]!.get('memo'), gw.requests[0]!.get('reset'), gw.requests[0]!.get('flag')]).toEqual([
      null,
      'true',
      null,
    ]);
  });

  it('when the memo is over 1000 UTF-8 bytes or the flag out of range, then it is refused locally', async () => {
    const gw = fakeGateway(() => fixture('trade-memo-update.json'));
    const { platform } = testPlatform();
    const memo = '备'.repeat(334); // 1002 bytes, though only 334 characters
    const err = await platform.updateMemo(TID, memo).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ field: 'memo' });
    await expect(platform.updateMemo(TID, 'ok', 11)).rejects.toMatchObject({ field: 'flag' });
    await expect(platform.updateMemo(TID, 'ok', -1)).rejects.toMatchObject({ field: 'flag' });
    await expect(platform.updateMemo(TID, '备'.repeat(333), 10)).resolves.toBeTruthy();
    expect(gw.requests).toHaveLength(1);
  });
});

describe('closeTrade', () => {
  it('when a trade is closed, then close_reason is sent and the new status returned', async () => {
    const gw = fakeGateway(() => fixture('trade-close.json'));
    const { platform } = testPlatform();
    await expect(platform.closeTrade('4137654321098765499', '买家不想买了')).resolves.toEqual({
      status: 'TRADE_CLOSED_BY_TAOBAO',
      modifiedAt: '2026-11-23T17:05:00.000+08:00',
    });
    expect([gw.requests[0]!.get('method'), gw.requests[0]!.get('close_reason')]).toEqual([
      'taobao.trade.close',
      '买家不想买了',
    ]);
  });
});

describe('traceByTid', () => {
  it('when the platform has a trace, then company, waybill and steps come back with instants', async () => {
    const gw = fakeGateway(() => fixture('logistics-trace-search.json'));
    const { platform } = testPlatform();
    await expect(platform.traceByTid('3987654321012345678')).resolves.toEqual({
      tid: '3987654321012345678',
      companyName: '顺丰速运',
      waybill: 'SF1234567890123',
      status: '运输中',
      steps: [
        { at: '2026-11-21T14:02:00.000+08:00', description: '顺丰速运 已收取快件', action: 'GOT' },
        { at: '2026-11-22T03:40:12.000+08:00', description: '快件到达 【杭州转运中心】', action: 'ARRIVAL' },
      ],
    });
    expect(gw.methods()).toEqual(['taobao.logistics.trace.search']);
  });
});

describe('createTaobaoPlatform', () => {
  it('when pointed at the sandbox gateway, then it calls that address and reports kind sandbox', async () => {
    const scope = nock('http://127.0.0.1:8123')
      .post('/sandbox/router/rest')
      .reply(200, fixture('trade-fullinfo-get.json'));
    const platform = createTaobaoPlatform({
      ...BASE_OPTIONS,
      gatewayUrl: 'http://127.0.0.1:8123/sandbox/router/rest',
      kind: 'sandbox',
    });
    expect(platform.kind).toBe('sandbox');
    await expect(platform.getOrder(TID)).resolves.toMatchObject({ tid: TID });
    expect(scope.isDone()).toBe(true);
  });

  it('when several options are wrong, then one ValidationError names them all', () => {
    const make = () =>
      createTaobaoPlatform({ ...BASE_OPTIONS, appKey: '', signMethod: 'sha1' as never, pageSize: 101 });
    expect(make).toThrow(ValidationError);
    expect(make).toThrow(/appKey.*signMethod.*pageSize/);
  });
});
