import { describe, expect, it } from 'vitest';
import {
  parseTopResponse,
  quoteBigIds,
  TopRateLimitError,
  TopSessionError,
} from '../../../src/platform/taobao/index.js';
import { UpstreamError } from '../../../src/shared/errors.js';
import { fixture } from './top-gateway.js';

describe('quoteBigIds', () => {
  it('when ids are bare numbers, then they become strings with every digit kept', () => {
    const raw =
      '{"tid":4137654321098765432,"oid" : 4137654321098765433,"refund_id":9123456789012345678,"num_iid":600000000001,"num":2}';
    expect(JSON.parse(quoteBigIds(raw))).toEqual({
      tid: '4137654321098765432',
      oid: '4137654321098765433',
      refund_id: '9123456789012345678',
      num_iid: '600000000001',
      num: 2,
    });
  });

  it('when an id-like key appears inside a string value, then the string is left alone', () => {
    const raw = '{"buyer_message":"my \\"tid\\":4137654321098765432 please","tid":1}';
    expect(JSON.parse(quoteBigIds(raw))).toEqual({ buyer_message: 'my "tid":4137654321098765432 please', tid: '1' });
  });
});

describe('parseTopResponse', () => {
  it('when the body wraps the method response, then the inner object is returned with the 19-digit tid exact', () => {
    const body = parseTopResponse('taobao.trades.sold.increment.get', fixture('trades-sold-increment-get.json'));
    expect(body.total_results).toBe(2);
    expect(body.trades!.trade.map((t) => t.tid)).toEqual(['4137654321098765499', '3987654321012345678']);
    expect(body.trades!.trade[1]!.orders!.order[1]!.refund_id).toBe('9123456789012345678');
  });

  it('when the gateway answers error_response, then the matching error class is thrown', () => {
    expect(() => parseTopResponse('taobao.trade.fullinfo.get', fixture('error-rate-limit.json'))).toThrow(
      TopRateLimitError,
    );
    expect(() => parseTopResponse('taobao.trade.fullinfo.get', fixture('error-invalid-session.json'))).toThrow(
      TopSessionError,
    );
  });

  it.each([
    ['an HTML error page', fixture('malformed-gateway-page.html')],
    ['an empty body', ''],
    ['JSON without the response key', '{"trades_sold_get_response":{}}'],
    ['a JSON scalar', '42'],
  ])('when the body is %s, then it is a retriable malformed_response', (_what, raw) => {
    let err: unknown;
    try {
      parseTopResponse('taobao.trade.fullinfo.get', raw);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ code: 'malformed_response', retriable: true, upstream: 'taobao' });
  });
});
