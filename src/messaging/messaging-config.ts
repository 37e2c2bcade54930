/**
 * Messaging settings. The defaults run the sandbox: buyer messages and staff notices both land in
 * the outbox, the quiet hours are the handbook's. Real channels need their credentials, and every
 * missing one is reported at once by the config loader (the refinements name their keys).
 */
import { z } from 'zod';
import { MESSAGE_KINDS } from './templates/metadata.js';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:mm (Asia/Shanghai)');
/** [start, end) in shop time; end before start wraps past midnight. */
const window = z.strictObject({ start: clockTime, end: clockTime });

const aliyunSms = z.strictObject({
  accessKeyId: z.string().min(1),
  accessKeySecret: z.string().min(1),
  /** 短信签名, as approved in the Aliyun console. */
  signName: z.string().min(1),
  /** Approved template code (SMS_123456789) per message kind; kinds without one go to the outbox. */
  templateCodes: z
    .partialRecord(z.enum(MESSAGE_KINDS), z.string().regex(/^SMS_\d+$/, 'an Aliyun template code like SMS_123456789'))
    .default({}),
  endpoint: z.url().default('https://dysmsapi.aliyuncs.com'),
  regionId: z.string().min(1).default('cn-hangzhou'),
  timeoutMs: z.number().int().positive().default(10_000),
});

const robotLimit = z.number().int().min(1).max(20).default(20);
const dingtalk = z.strictObject({
  /** https://oapi.dingtalk.com/robot/send?access_token=… */
  webhook: z.url(),
  /** The robot's 加签 secret (SEC…); without it the robot must use keywords or an IP list. */
  secret: z.string().min(1).optional(),
  perMinute: robotLimit,
});
const wecom = z.strictObject({
  /** https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… */
  webhook: z.url(),
  perMinute: robotLimit,
});

export const messagingConfigSchema = z
  .strictObject({
    /** How messages reach buyers: the outbox (staff paste them into chat) or Aliyun SMS. */
    buyerChannel: z.enum(['outbox', 'aliyun-sms']).default('outbox'),
    /** Where internal notices (handover reports, alerts) go. */
    robotChannel: z.enum(['outbox', 'dingtalk', 'wecom']).default('outbox'),
    /** No buyer message in these hours. */
    quietHours: window.default({ start: '21:00', end: '09:00' }),
    /** Review-repair messages go out only here (the night shift's 20:00 hour). */
    reviewRepairWindow: window.default({ start: '20:00', end: '21:00' }),
    /** Marketing messages (birthday greetings) only here. */
    marketingWindow: window.default({ start: '08:00', end: '22:00' }),
    /** Messages one buyer may get per Shanghai day, all kinds together; the rest wait for the next day. */
    perBuyerDailyCap: z.number().int().min(1).max(20).default(2),
    /** Tries per message before it is marked failed (provider caps and system errors count). */
    maxAttempts: z.number().int().min(1).max(20).default(5),
    /** The staff name in messages the system queues by itself (scheduled reminders). */
    systemStaffName: z.string().min(1).max(16).default('小二'),
    aliyunSms: aliyunSms.optional(),
    dingtalk: dingtalk.optional(),
    wecom: wecom.optional(),
  })
  .superRefine((c, ctx) => {
    const need = (when: boolean, key: 'aliyunSms' | 'dingtalk' | 'wecom', why: string) => {
      if (when && !c[key]) ctx.addIssue({ code: 'custom', path: [key], message: `required when ${why}` });
    };
    need(c.buyerChannel === 'aliyun-sms', 'aliyunSms', 'buyerChannel is aliyun-sms');
    need(c.robotChannel === 'dingtalk', 'dingtalk', 'robotChannel is dingtalk');
    need(c.robotChannel === 'wecom', 'wecom', 'robotChannel is wecom');
  });

export type MessagingConfig = z.output<typeof messagingConfigSchema>;
export type MessagingConfigInput = z.input<typeof messagingConfigSchema>;
export type SendWindow = z.output<typeof window>;
