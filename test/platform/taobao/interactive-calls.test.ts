/** The TOP adapter passes a person's patience to the HTTP client: a ban longer than it fails the call at once. */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TopRateLimitError } from '../../../src/platform/taobao/index.js';
import { fakeGateway, fixture, testPlatform } from './top-gateway.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const TID = '4137654321098765432';
const BAN_30S =
  '{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 30 more seconds"}}';

describe('platform calls a person waits on', () => {
  it('when the app is banned for 30 s, then a read with 5 s of patience fails at once and a memo write is not sent into the ban', async () => {
    const gw = fakeGateway((_p, i) => (i === 0 ? BAN_30S : fixture('trade-fullinfo-get.json')));
    const { platform, sleeps } = testPlatform();
    await expect(platform.getOrder(TID, { patienceMs: 5_000 })).rejects.toBeInstanceOf(TopRateLimitError);
    await expect(platform.updateMemo(TID, '11.23 小美', undefined, { patienceMs: 5_000 })).rejects.toBeInstanceOf(
      TopRateLimitError,
    );
    await expect(platform.closeTrade(TID, '买家拍错了', { patienceMs: 5_000 })).rejects.toBeInstanceOf(
      TopRateLimitError,
    );
    expect(sleeps).toEqual([]);
    expect(gw.methods()).toEqual(['taobao.trade.fullinfo.get']);
    // Without patience (a job) the same read sits the ban out and gets the order.
    await expect(platform.getOrder(TID)).resolves.toMatchObject({ tid: TID });
    expect(sleeps).toEqual([30_000]);
  });
});
