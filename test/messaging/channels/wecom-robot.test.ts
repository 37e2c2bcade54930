/** WeCom robot: markdown body and errcode answers. */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWecomRobot } from '../../../src/messaging/channels/wecom/wecom-robot.js';
import { fakeRobot, robotFixture, WECOM_ORIGIN } from './robot-support.js';

const robot = () =>
  createWecomRobot({ webhook: `${WECOM_ORIGIN}/cgi-bin/webhook/send?key=k-123`, sleep: async () => {} });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('WeCom robot', () => {
  it('when a notice is sent, then a markdown message with the title as heading goes to the keyed webhook', async () => {
    const fake = fakeRobot(WECOM_ORIGIN, '/cgi-bin/webhook/send', () => robotFixture('wecom-ok.json'));
    expect(await robot().send({ title: '告警', markdown: '同步失败 3 次' })).toEqual({ outcome: 'sent' });
    expect(fake.requests[0]!.query.get('key')).toBe('k-123');
    expect(fake.requests[0]!.body).toEqual({ msgtype: 'markdown', markdown: { content: '### 告警\n同步失败 3 次' } });
  });

  it('when WeCom answers errcode 45009, then the outcome is too_fast', async () => {
    fakeRobot(WECOM_ORIGIN, '/cgi-bin/webhook/send', () => robotFixture('wecom-too-fast.json'));
    expect(await robot().send({ title: 't', markdown: 'x' })).toMatchObject({
      outcome: 'too_fast',
      error: expect.stringContaining('45009'),
    });
  });

  it('when WeCom answers another errcode, then the outcome is failed with the code', async () => {
    fakeRobot(WECOM_ORIGIN, '/cgi-bin/webhook/send', () => robotFixture('wecom-bad-key.json'));
    expect(await robot().send({ title: 't', markdown: 'x' })).toMatchObject({
      outcome: 'failed',
      error: expect.stringContaining('93000'),
    });
  });
});
