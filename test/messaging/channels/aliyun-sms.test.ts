/** Aliyun SendSms/QuerySendDetails over the real POP protocol: signature, parameters and answer codes. */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAliyunSmsChannel } from '../../../src/messaging/channels/aliyun-sms/aliyun-sms-channel.js';
import { percentEncode, popSignature } from '../../../src/messaging/channels/aliyun-sms/pop-signature.js';
import type { OutboundMessage } from '../../../src/messaging/outbound/message.js';
import { fixedClock } from '../../../src/shared/time.js';
import { expectedSignature, fakeSms, SMS_ORIGIN, smsFixture } from './sms-support.js';

const SECRET = 'testSecret';
// 00:30 in Shanghai is still the previous day in UTC and in Los Angeles.
const clock = fixedClock('2026-11-23T00:30:00.000+08:00');
const channel = () =>
  createAliyunSmsChannel({
    accessKeyId: 'testId',
    accessKeySecret: SECRET,
    signName: '拾光衣橱',
    templateCodes: { 'payment-reminder-first': 'SMS_20261123' },
    endpoint: SMS_ORIGIN,
    regionId: 'cn-hangzhou',
    clock,
    nonce: () => '45e25e9b-0a6f-4070-8c85-2956eda1b466',
  });
const message = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({
  id: 'msg-0123456789abcdef0123',
  key: 'payment-reminder-first:3912345678901234',
  kind: 'payment-reminder-first',
  audience: 'buyer',
  tid: '3912345678901234',
  buyerNick: 'tb_lily2024',
  reason: 'test',
  channel: 'aliyun-sms',
  text: '…',
  smsParams: { name: '王女士', item: '纯棉短袖T恤 (M)*2 ~新品' },
  state: 'sending',
  dueAt: '2026-11-23T00:30:00.000+08:00',
  createdAt: '2026-11-23T00:30:00.000+08:00',
  createdBy: 'system',
  attempts: 1,
  sendingSince: '2026-11-23T00:30:00.000+08:00',
  ...over,
});

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('POP signature', () => {
  it("when Aliyun's published SendSms example is signed, then the signature is the documented zJDF+Lrzhj/ThnlvIToysFRq6t4=", () => {
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(popSignature('GET', params, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('when values hold a space, a star, a tilde or a plus, then they are encoded as %20, %2A, ~ and %2B', () => {
    expect(percentEncode('a b*c~d+e')).toBe('a%20b%2Ac~d%2Be');
    expect(percentEncode("(x)!'")).toBe('%28x%29%21%27');
  });
});

describe('SendSms', () => {
  it('when a message is sent, then one signed POST carries every protocol parameter, our id as OutId, and the answer is sent with the BizId', async () => {
    const sms = fakeSms(() => smsFixture('send-ok.json'));
    const out = await channel().send({ message: message(), phone: '13812345678' });
    expect(out).toEqual({ outcome: 'sent', providerId: '900619746936498440^0' });
    expect(sms.requests).toHaveLength(1);
    const { Signature, ...signed } = sms.requests[0]!;
    expect(signed).toEqual({
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'JSON',
      RegionId: 'cn-hangzhou',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      Timestamp: '2026-11-22T16:30:00Z',
      Version: '2017-05-25',
      PhoneNumbers: '13812345678',
      SignName: '拾光衣橱',
      TemplateCode: 'SMS_20261123',
      TemplateParam: '{"name":"王女士","item":"纯棉短袖T恤 (M)*2 ~新品"}',
      OutId: 'msg-0123456789abcdef0123',
    });
    expect(Signature).toBe(expectedSignature(signed, SECRET));
  });

  const codes: [string, string, string][] = [
    ['send-business-limit.json', 'capped', 'isv.BUSINESS_LIMIT_CONTROL'],
    ['send-day-limit.json', 'capped', 'isv.DAY_LIMIT_CONTROL'],
    ['send-system-error.json', 'retry', 'isp.SYSTEM_ERROR'],
    ['send-mobile-illegal.json', 'failed', 'isv.MOBILE_NUMBER_ILLEGAL'],
  ];
  for (const [file, outcome, code] of codes) {
    it(`when Aliyun answers ${code}, then the outcome is ${outcome} and nothing is retried by itself`, async () => {
      const sms = fakeSms(() => smsFixture(file));
      const out = await channel().send({ message: message(), phone: '13812345678' });
      expect(out.outcome).toBe(outcome);
      expect('error' in out && out.error).toContain(code);
      expect(sms.requests).toHaveLength(1);
    });
  }

  it('when the refusal text echoes the number, then the error we keep has it masked', async () => {
    fakeSms(() => smsFixture('send-mobile-illegal.json'));
    const out = await channel().send({ message: message(), phone: '13812345678' });
    expect(JSON.stringify(out)).not.toContain('13812345678');
    expect(JSON.stringify(out)).toContain('138****5678');
  });

  it("when the signature is refused with HTTP 400, then the outcome is failed with Aliyun's code", async () => {
    fakeSms(() => [400, smsFixture('signature-mismatch.json')]);
    expect(await channel().send({ message: message(), phone: '13812345678' })).toMatchObject({
      outcome: 'failed',
      error: expect.stringContaining('SignatureDoesNotMatch'),
    });
  });

  it('when the connection drops before an answer, then the outcome is unknown (it may have been sent) and it is not sent again', async () => {
    const sms = fakeSms(() => 'network-error');
    expect(await channel().send({ message: message(), phone: '13812345678' })).toMatchObject({ outcome: 'unknown' });
    expect(sms.requests).toHaveLength(1);
  });

  it('when the kind has no approved template code, then the channel says it cannot carry it and sends nothing', async () => {
    const sms = fakeSms(() => smsFixture('send-ok.json'));
    expect(channel().supports('birthday')).toBe(false);
    expect(await channel().send({ message: message({ kind: 'birthday' }), phone: '13812345678' })).toMatchObject({
      outcome: 'failed',
    });
    expect(sms.requests).toHaveLength(0);
  });
});

describe('QuerySendDetails', () => {
  it('when the send is listed under our OutId, then it resolves as sent; the query asks for the Shanghai date of the send', async () => {
    const sms = fakeSms(() => smsFixture('query-found.json', 'msg-0123456789abcdef0123'));
    expect(await channel().resolve({ message: message(), phone: '13812345678' })).toEqual({ outcome: 'sent' });
    expect(sms.requests[0]).toMatchObject({
      Action: 'QuerySendDetails',
      PhoneNumber: '13812345678',
      SendDate: '20261123',
      PageSize: '50',
      CurrentPage: '1',
    });
    const { Signature, ...signed } = sms.requests[0]!;
    expect(Signature).toBe(expectedSignature(signed, SECRET));
  });

  it('when only another message is listed, then ours resolves as not sent', async () => {
    fakeSms(() => smsFixture('query-found.json', 'msg-someone-else'));
    expect(await channel().resolve({ message: message(), phone: '13812345678' })).toEqual({ outcome: 'not_sent' });
  });

  it('when the list is empty, then it resolves as not sent; when the query fails, then the outcome stays unknown', async () => {
    fakeSms(() => smsFixture('query-empty.json'));
    expect(await channel().resolve({ message: message(), phone: '13812345678' })).toEqual({ outcome: 'not_sent' });
    nock.cleanAll();
    fakeSms(() => smsFixture('send-system-error.json'));
    expect(await channel().resolve({ message: message(), phone: '13812345678' })).toMatchObject({ outcome: 'unknown' });
  });
});
