/**
 * The transfer calls a person waits on (closing the platform trade of a new transfer order, the keeper's one click
 * on a duplicate trade) carry the person's patience: through the real TOP adapter, a 30 s ban is told at once
 * instead of being waited out. The gateway is nock; the adapter's sleeps are recorded, not slept.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TopRateLimitError } from '../../../src/platform/taobao/index.js';
import { fakeGateway, testPlatform } from '../../platform/taobao/top-gateway.js';
import { orderBody, platformOrder, startTransfers, XIAOLI, XIAOZHOU } from './support/transfer-harness.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const BAN_30S =
  '{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 30 more seconds"}}';

/** The harness's transfers module, its platform calls answered by the TOP adapter against a gateway in a 30 s ban. */
async function bannedTransfers(orders?: Parameters<typeof startTransfers>[0]) {
  const h = await startTransfers(orders);
  const gw = fakeGateway(() => BAN_30S);
  const { platform: top, sleeps } = testPlatform();
  // The module holds this very object: its calls now go through the adapter.
  h.shop.platform.getOrder = top.getOrder.bind(top);
  h.shop.platform.closeTrade = top.closeTrade.bind(top);
  return { h, gw, sleeps };
}

describe('transfer calls a person waits on, during a 30 s ban', () => {
  it('when staff create a transfer order for a platform trade, then the ban is told at once', async () => {
    const { h, gw, sleeps } = await bannedTransfers();
    await expect(h.service.create(orderBody({ tid: '3001' }), XIAOLI)).rejects.toBeInstanceOf(TopRateLimitError);
    expect(sleeps).toEqual([]);
    expect(gw.methods()).toEqual(['taobao.trade.fullinfo.get']);
  });

  it('when the keeper closes a duplicate trade, then the ban is told at once and nothing is sent into it', async () => {
    const { h, gw, sleeps } = await bannedTransfers({
      orders: [
        platformOrder({
          tid: '4001',
          buyerNick: '毛毛雨',
          createdAt: '2026-11-23T12:00:00.000+08:00',
          itemNos: ['A100'],
        }),
      ],
    });
    const t = await h.service.create(orderBody(), XIAOLI);
    await expect(h.service.closeDuplicate(t.id, '4001', XIAOZHOU)).rejects.toBeInstanceOf(TopRateLimitError);
    expect(sleeps).toEqual([]);
    // The close met the ban; the read that checks a lost answer was not sent into it.
    expect(gw.methods()).toEqual(['taobao.trade.close']);
    expect(h.service.get(t.id).audit.at(-1)?.action).not.toBe('duplicate-closed');
  });
});
