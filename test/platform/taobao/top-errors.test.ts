import { describe, expect, it } from 'vitest';
import {
  banMsFromSubMsg,
  topErrorFrom,
  TopAppKeyError,
  TopBusinessError,
  TopRateLimitError,
  TopSessionError,
  TopSignatureError,
  TopTimestampError,
  TopUpstreamFaultError,
} from '../../../src/platform/taobao/index.js';
import type { TopErrorBody } from '../../../src/platform/top/wire.js';
import { UpstreamError } from '../../../src/shared/errors.js';

describe('topErrorFrom', () => {
  const table: [string, TopErrorBody, abstract new (...args: never[]) => Error, boolean][] = [
    [
      'code 7 app call limited',
      {
        code: 7,
        msg: 'App Call Limited',
        sub_code: 'accesscontrol.limited-by-app-access-count',
        sub_msg: 'This ban will last for 12 more seconds',
      },
      TopRateLimitError,
      true,
    ],
    [
      'an api flow limit without code 7',
      { code: 15, msg: 'Remote service error', sub_code: 'accesscontrol.limited-by-api-access-count' },
      TopRateLimitError,
      true,
    ],
    [
      'isp.* under code 15',
      { code: 15, msg: 'Remote service error', sub_code: 'isp.top-remote-connection-timeout' },
      TopUpstreamFaultError,
      true,
    ],
    ['code 10 with no sub code', { code: 10, msg: 'Service Currently Unavailable' }, TopUpstreamFaultError, true],
    [
      'isv.* under code 15',
      { code: 15, msg: 'Remote service error', sub_code: 'isv.trade-not-exist' },
      TopBusinessError,
      false,
    ],
    [
      'code 11 insufficient ISV permissions',
      { code: 11, msg: 'Insufficient ISV Permissions' },
      TopBusinessError,
      false,
    ],
    ['code 41 invalid arguments', { code: 41, msg: 'Invalid Arguments:tid' }, TopBusinessError, false],
    ['code 25 invalid signature', { code: 25, msg: 'Invalid signature' }, TopSignatureError, false],
    ['code 26 missing session', { code: 26, msg: 'Missing session' }, TopSessionError, false],
    [
      'code 27 invalid session',
      { code: 27, msg: 'Invalid session', sub_code: 'invalid-sessionkey' },
      TopSessionError,
      false,
    ],
    ['code 29 invalid app key', { code: 29, msg: 'Invalid app Key' }, TopAppKeyError, false],
    ['code 31 invalid timestamp', { code: 31, msg: 'Invalid timestamp' }, TopTimestampError, false],
  ];
  for (const [what, body, cls, retriable] of table) {
    it(`when the gateway reports ${what}, then it is a ${cls.name} with retriable=${retriable}`, () => {
      const err = topErrorFrom({ ...body, request_id: 'r1' });
      expect(err).toBeInstanceOf(cls);
      expect(err).toBeInstanceOf(UpstreamError);
      expect(err.retriable).toBe(retriable);
      expect([err.topCode, err.subCode, err.requestId, err.upstream]).toEqual([
        body.code,
        body.sub_code,
        'r1',
        'taobao',
      ]);
    });
  }

  it('when the ban names its seconds, then retryAfterMs carries them', () => {
    expect(topErrorFrom(table[0]![1]).retryAfterMs).toBe(12_000);
  });

  it('when a gateway sends sub_code as a number, then it is still mapped, not a TypeError', () => {
    const err = topErrorFrom({ code: 15, msg: 'Remote service error', sub_code: 123 as unknown as string });
    expect(err).toBeInstanceOf(TopBusinessError);
    expect(err.message).toContain('123');
  });

  it('when the session is invalid, then the message tells the admin to renew the session key', () => {
    expect(topErrorFrom({ code: 27, msg: 'Invalid session' }).message).toMatch(/renew/i);
    expect(topErrorFrom({ code: 27, msg: 'Invalid session' }).message).toContain('session key');
  });
});

describe('banMsFromSubMsg', () => {
  it.each([
    ['This ban will last for 12 more seconds', 12_000],
    ['This ban will last for 1 more second', 1000],
    ['禁止访问，该限制将在5秒后解除', 5000],
    ['访问频率超限，还需等待 30 秒', 30_000],
    ['1s内调用超过100次，还需等待30秒', 30_000],
    ['60秒内调用超过限制，还需等待12秒', 12_000],
    ['This ban will last for 1.5 more seconds', 1500],
    ['This ban will last for 2 more minutes', 120_000],
    ['访问受限，请2分钟后再试', 120_000],
    ['app 21312312 is limited', undefined],
    [undefined, undefined],
  ])('when the sub message is %j, then the ban is %j ms', (msg, ms) => {
    expect(banMsFromSubMsg(msg)).toBe(ms);
  });
});
