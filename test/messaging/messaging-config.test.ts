import { describe, expect, it } from 'vitest';
import { messagingConfigSchema } from '../../src/messaging/messaging-config.js';

describe('messaging config', () => {
  it("when nothing is configured, then the sandbox defaults apply: outbox everywhere and the handbook's hours", () => {
    expect(messagingConfigSchema.parse({})).toEqual({
      buyerChannel: 'outbox',
      robotChannel: 'outbox',
      quietHours: { start: '21:00', end: '09:00' },
      reviewRepairWindow: { start: '20:00', end: '21:00' },
      marketingWindow: { start: '08:00', end: '22:00' },
      perBuyerDailyCap: 2,
      maxAttempts: 5,
      systemStaffName: '小二',
    });
  });

  it('when real channels are chosen without their settings, then every missing one is reported at once by key', () => {
    const r = messagingConfigSchema.safeParse({ buyerChannel: 'aliyun-sms', robotChannel: 'dingtalk' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['aliyunSms', 'dingtalk']);
  });

  it('when a window or a template code is malformed, then the key is named', () => {
    const r = messagingConfigSchema.safeParse({
      quietHours: { start: '9pm', end: '09:00' },
      aliyunSms: { accessKeyId: 'a', accessKeySecret: 'b', signName: 'c', templateCodes: { birthday: '123' } },
    });
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'aliyunSms.templateCodes.birthday',
      'quietHours.start',
    ]);
  });
});
