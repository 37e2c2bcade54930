/** Internal notices through a configured DingTalk robot: signed, sent, recorded; refusals are values. */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeRobot, robotFixture, DINGTALK_ORIGIN } from '../channels/robot-support.js';
import { world } from '../support/world.js';

const config = {
  robotChannel: 'dingtalk' as const,
  dingtalk: { webhook: `${DINGTALK_ORIGIN}/robot/send?access_token=t`, secret: 'SECabc' },
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('staff notices through DingTalk', () => {
  it('when a handover report is sent, then the robot gets it signed, and it is recorded as a sent staff message', async () => {
    const fake = fakeRobot(DINGTALK_ORIGIN, '/robot/send', () => robotFixture('dingtalk-ok.json'));
    const w = await world({ config, now: '2026-11-23T23:00:00.000+08:00', sleep: async () => {} });
    const m = await w.module.service.notifyStaff({
      title: '交接班报告',
      text: '- 未完成 2 单',
      reason: 'handover-report',
    });
    expect(m).toMatchObject({ audience: 'staff', channel: 'dingtalk', state: 'sent', attempts: 1 });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.query.get('sign')).toBeTruthy();
    expect(fake.requests[0]!.body).toEqual({
      msgtype: 'markdown',
      markdown: { title: '交接班报告', text: '- 未完成 2 单' },
    });
  });

  it('when the robot refuses, then the notice is failed with the errcode and nothing throws', async () => {
    fakeRobot(DINGTALK_ORIGIN, '/robot/send', () => robotFixture('dingtalk-bad-sign.json'));
    const w = await world({ config, sleep: async () => {} });
    const m = await w.module.service.notifyStaff({ title: '告警', text: 'x' });
    expect(m).toMatchObject({ state: 'failed', lastError: expect.stringContaining('310000') });
  });

  it('when a notice was left sending by a crash, then the restart holds it for a person (a robot cannot be asked)', async () => {
    const w = await world({ config, sleep: async () => {} });
    await w.store.transact((tx) =>
      tx.put('messages', 'msg-notice', {
        id: 'msg-notice',
        key: 'staff-notice:x',
        kind: 'staff-notice',
        audience: 'staff',
        tid: null,
        buyerNick: '',
        reason: 'notice',
        channel: 'dingtalk',
        text: 'x',
        title: 't',
        state: 'sending',
        dueAt: '2026-11-23T10:00:00.000+08:00',
        createdAt: '2026-11-23T10:00:00.000+08:00',
        createdBy: 'system',
        attempts: 1,
        sendingSince: '2026-11-23T10:00:00.000+08:00',
      }),
    );
    expect(await w.restart().service.dispatchDue()).toMatchObject({ held: 1 });
    expect(w.module.service.list({ audience: 'staff' })[0]).toMatchObject({
      state: 'held',
      stateReason: 'outcome_unknown',
    });
  });
});
