/** DingTalk robot: 加签 signing against a fixed vector, markdown body, errcode answers. */
import { createHmac } from 'node:crypto';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDingtalkRobot } from '../../../src/messaging/channels/dingtalk/dingtalk-robot.js';
import { dingtalkSign, signedWebhook } from '../../../src/messaging/channels/dingtalk/dingtalk-sign.js';
import { fixedClock } from '../../../src/shared/time.js';
import { DINGTALK_ORIGIN, fakeRobot, robotFixture } from './robot-support.js';

const SECRET = 'SEC1f0c1e0d2e3b4a5968778695a4b3c2d1e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b';
const TS = 1_795_000_000_123;
const webhook = `${DINGTALK_ORIGIN}/robot/send?access_token=tok123`;
const noSleep = async () => {};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('DingTalk signing', () => {
  it('when a timestamp and secret are signed, then the sign is base64(HMAC-SHA256(secret, timestamp\\nsecret)) computed independently', () => {
    const expected = createHmac('sha256', Buffer.from(SECRET, 'utf8'))
      .update(Buffer.from(`${TS}\n${SECRET}`, 'utf8'))
      .digest()
      .toString('base64');
    expect(dingtalkSign(TS, SECRET)).toBe(expected);
  });

  it('when the webhook is signed, then timestamp and the URL-encoded sign are appended to its query', () => {
    const url = new URL(signedWebhook(webhook, TS, SECRET));
    expect(url.searchParams.get('access_token')).toBe('tok123');
    expect(url.searchParams.get('timestamp')).toBe(String(TS));
    expect(url.searchParams.get('sign')).toBe(dingtalkSign(TS, SECRET));
    // The raw query must be percent-encoded: '+', '/' and '=' of base64 would otherwise be misread.
    expect(signedWebhook(webhook, TS, SECRET)).toContain(`sign=${encodeURIComponent(dingtalkSign(TS, SECRET))}`);
    expect(signedWebhook(webhook, TS, SECRET)).not.toMatch(/sign=[^&]*[+/=]/);
  });

  it('when no secret is configured, then the webhook is used as it is', () => {
    expect(signedWebhook(webhook, TS, undefined)).toBe(webhook);
  });
});

describe('DingTalk robot', () => {
  const robot = () => createDingtalkRobot({ webhook, secret: SECRET, clock: fixedClock(TS), sleep: noSleep });

  it('when a notice is sent, then one markdown message goes to the signed webhook and the answer is sent', async () => {
    const fake = fakeRobot(DINGTALK_ORIGIN, '/robot/send', () => robotFixture('dingtalk-ok.json'));
    expect(await robot().send({ title: '交接班报告', markdown: '### 交接班\n- 待处理 3 单' })).toEqual({
      outcome: 'sent',
    });
    expect(fake.requests).toHaveLength(1);
    const { query, body } = fake.requests[0]!;
    expect(query.get('timestamp')).toBe(String(TS));
    expect(query.get('sign')).toBe(dingtalkSign(TS, SECRET));
    expect(body).toEqual({ msgtype: 'markdown', markdown: { title: '交接班报告', text: '### 交接班\n- 待处理 3 单' } });
  });

  it('when DingTalk answers HTTP 200 with errcode 130101, then the outcome is too_fast (to be waited out, not dropped)', async () => {
    fakeRobot(DINGTALK_ORIGIN, '/robot/send', () => robotFixture('dingtalk-too-fast.json'));
    expect(await robot().send({ title: 't', markdown: 'x' })).toMatchObject({
      outcome: 'too_fast',
      error: expect.stringContaining('130101'),
    });
  });

  it('when DingTalk answers 502, then the post is not sent again (it may have reached the group) and the outcome is failed', async () => {
    let posts = 0;
    nock(DINGTALK_ORIGIN)
      .persist()
      .post((uri) => uri.startsWith('/robot/send'))
      .reply(() => {
        posts++;
        return [502, 'Bad Gateway'];
      });
    expect(await robot().send({ title: '交接班报告', markdown: 'x' })).toMatchObject({
      outcome: 'failed',
      error: expect.stringContaining('502'),
    });
    expect(posts).toBe(1);
  });

  it('when DingTalk answers HTTP 200 with another errcode, then the outcome is failed with the code', async () => {
    fakeRobot(DINGTALK_ORIGIN, '/robot/send', () => robotFixture('dingtalk-bad-sign.json'));
    expect(await robot().send({ title: 't', markdown: 'x' })).toMatchObject({
      outcome: 'failed',
      error: expect.stringContaining('310000'),
    });
  });
});
