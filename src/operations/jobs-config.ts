/**
 * The `jobs` section of the config: schedules (cron in Asia/Shanghai), catch-up windows, shift hours,
 * public holidays and the operating rules of the shop's day (../shared/spec/operations.md). Every key
 * has the shop's default, so `{}` is a complete config.
 */
import { z } from 'zod';
import { parseCron } from '../scheduler/index.js';
import { shopDate } from '../shared/shop-date.js';

export const JOB_NAMES = [
  'order-sync',
  'logistics-refresh',
  'payment-reminders',
  'birthday-greetings',
  'review-repair',
  'stuck-parcels',
  'transfer-checks',
  'transfer-register',
  'refund-register',
  'revisit-list',
  'handover-day',
  'handover-night',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** Jobs other modules run every minute on a fixed schedule (not in `schedules`); named below with the rest. */
export const FIXED_JOB_NAMES = ['remark-outbox', 'message-dispatch'] as const;
export type FixedJobName = (typeof FIXED_JOB_NAMES)[number];

/**
 * What staff read for each job (任务调度 via GET /api/labels): the only copy. A job's own `description`
 * is an engineer's note in English.
 */
export const JOB_LABELS: Readonly<Record<JobName | FixedJobName, string>> = {
  'order-sync': '订单同步',
  'logistics-refresh': '物流刷新',
  'payment-reminders': '催付',
  'birthday-greetings': '发送生日祝福', // the message kind itself is 生日祝福
  'review-repair': '中差评修复',
  'stuck-parcels': '检查异常包裹',
  'transfer-checks': '汇款核对',
  'transfer-register': '汇款销售记录表',
  'refund-register': '退款登记导出',
  'revisit-list': '回访名单',
  'handover-day': '白班交接',
  'handover-night': '夜班交接',
  'remark-outbox': '重试未写入平台的备注',
  'message-dispatch': '发送到期的消息',
};

/**
 * Jobs that run once for each time of day the config lists (print batches at 12:00, 15:00, 17:00): their names come
 * from data, `<kind>-HHMM` (print-batch-1200), and staff read `<label> HH:MM` (打印批次 12:00). A kind is added here,
 * with the config value that lists its times; jobLabels names every one the config schedules.
 */
export const TIMED_JOBS: readonly { kind: string; label: string; times: (c: JobsConfig) => readonly string[] }[] = [
  { kind: 'print-batch', label: '打印批次', times: (c) => c.printBatches.times },
];

/** print-batch + '12:00' → print-batch-1200: a name `xiaoer jobs run` takes as typed. */
export const timedJobName = (kind: string, time: string): string => `${kind}-${time.replace(':', '')}`;

/** Every job's name for staff under this config: JOB_LABELS and each timed job it schedules (GET /api/labels, CLI). */
export function jobLabels(config: JobsConfig): Record<string, string> {
  const labels: Record<string, string> = { ...JOB_LABELS };
  for (const t of TIMED_JOBS)
    for (const time of t.times(config)) labels[timedJobName(t.kind, time)] = `${t.label} ${time}`;
  return labels;
}

export const DEFAULT_SCHEDULES: Readonly<Record<JobName, string>> = {
  'order-sync': '*/5 * * * *',
  'logistics-refresh': '*/30 * * * *',
  'payment-reminders': '*/10 * * * *',
  'birthday-greetings': '0 9 * * *',
  'review-repair': '0 20 * * *',
  'stuck-parcels': '0 10,16 * * *',
  'transfer-checks': '0 10 * * *',
  'transfer-register': '30 22 * * *',
  'refund-register': '30 17 * * *',
  'revisit-list': '0 9 * * *',
  'handover-day': '15 16 * * *',
  'handover-night': '0 23 * * *',
};

/** Minutes after its due time a missed daily run may still be made up on start. */
export const DEFAULT_CATCH_UP_MINUTES: Readonly<Partial<Record<JobName, number>>> = {
  'birthday-greetings': 12 * 60, // until 21:00: greetings are not sent at night
  'review-repair': 60, // the 20:00–21:00 reminder window of the night shift
  'stuck-parcels': 5 * 60,
  'transfer-checks': 8 * 60,
  'transfer-register': 90,
  'refund-register': 6 * 60,
  'revisit-list': 9 * 60,
  'handover-day': 6 * 60,
  'handover-night': 10 * 60, // still useful to the day shift arriving at 09:00
};

const cronExpr = z.string().superRefine((v, ctx) => {
  try {
    parseCron(v);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
});
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');
const shift = z.object({ start: hhmm, end: hhmm }).strict();

const scheduleShape = Object.fromEntries(JOB_NAMES.map((n) => [n, cronExpr.default(DEFAULT_SCHEDULES[n])])) as Record<
  JobName,
  z.ZodDefault<typeof cronExpr>
>;
const catchUpShape = Object.fromEntries(
  JOB_NAMES.map((n) => [
    n,
    z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .optional(),
  ]),
) as Record<JobName, z.ZodOptional<z.ZodNumber>>;

export const jobsConfigSchema = z
  .object({
    schedules: z.object(scheduleShape).strict().prefault({}),
    /** Overrides of DEFAULT_CATCH_UP_MINUTES; 0 turns catch-up off for that job. */
    catchUpMinutes: z.object(catchUpShape).strict().prefault({}),
    shifts: z
      .object({
        day: shift.default({ start: '09:00', end: '16:30' }),
        night: shift.default({ start: '15:30', end: '23:00' }),
      })
      .strict()
      .prefault({}),
    /** Public holidays (YYYY-MM-DD): not working days for the complaint clocks. */
    holidays: z.array(shopDate).default([]),
    paymentReminders: z
      .object({
        firstAfterMinutes: z.number().int().min(1).default(30),
        lastBeforeCloseMinutes: z.number().int().min(1).default(120),
      })
      .strict()
      .prefault({}),
    /**
     * 打单 (the handbook's 日常工作流程): the day's print batches, Shanghai times from early to late; the last is the
     * cut-off, so an order paid after it waits for the next day's first batch. `defaultCourier` (a kuaidi100 code such
     * as zhongtong) is the courier of an order whose memo names none (发圆通快递); null: listed as not named.
     */
    printBatches: z
      .object({
        times: z
          .array(hhmm)
          .min(1)
          .max(12)
          .default(['12:00', '15:00', '17:00'])
          .refine((ts) => ts.every((t, i) => i === 0 || ts[i - 1]! < t), '打单时间须从早到晚排列，不能重复'),
        defaultCourier: z.string().min(1).nullable().default(null),
        /** How late a batch missed while the service was stopped is still made up on start; 0 turns it off. */
        catchUpMinutes: z
          .number()
          .int()
          .min(0)
          .max(24 * 60)
          .default(120),
      })
      .strict()
      .prefault({}),
    reviewWindowDays: z.number().int().min(1).max(180).default(30),
    stuckParcelHours: z.number().int().min(1).default(48),
    revisitAfterDays: z.number().int().min(1).default(60),
    /** A customer is on the revisit list at most once in this many days (a quarter). */
    revisitEveryDays: z.number().int().min(1).default(90),
  })
  .strict();

export type JobsConfig = z.infer<typeof jobsConfigSchema>;

export const defaultJobsConfig = (): JobsConfig => jobsConfigSchema.parse({});

export function catchUpMinutesOf(config: JobsConfig, name: string): number | undefined {
  const own = (config.catchUpMinutes as Partial<Record<string, number>>)[name];
  return own ?? (DEFAULT_CATCH_UP_MINUTES as Partial<Record<string, number>>)[name];
}
