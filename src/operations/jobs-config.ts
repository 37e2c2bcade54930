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
  'returns-sync',
  'payment-reminders',
  'birthday-greetings',
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
  'returns-sync': '退货跟踪',
  'payment-reminders': '催付',
  'birthday-greetings': '发送生日祝福', // the message kind itself is 生日祝福
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
export const TIMED_JOBS: readonly {
  kind: string;
  label: string;
  times: (c: JobsConfig) => readonly string[];
  /** What people read after the label when a time is the start of a span (中差评处理 11:00–12:00); default the time. */
  span?: (c: JobsConfig, time: string) => string;
}[] = [
  { kind: 'print-batch', label: '打印批次', times: (c) => c.printBatches.times },
  {
    kind: 'review-window',
    label: '中差评处理',
    times: (c) => c.reviewWindows.map((w) => w.start),
    span: (c, time) => `${time}–${c.reviewWindows.find((w) => w.start === time)?.end ?? ''}`,
  },
];

/** print-batch + '12:00' → print-batch-1200: a name `xiaoer jobs run` takes as typed. */
export const timedJobName = (kind: string, time: string): string => `${kind}-${time.replace(':', '')}`;

/** Every job's name for staff under this config: JOB_LABELS and each timed job it schedules (GET /api/labels, CLI). */
export function jobLabels(config: JobsConfig): Record<string, string> {
  const labels: Record<string, string> = { ...JOB_LABELS };
  for (const t of TIMED_JOBS)
    for (const time of t.times(config))
      labels[timedJobName(t.kind, time)] = `${t.label} ${t.span?.(config, time) ?? time}`;
  return labels;
}

export const DEFAULT_SCHEDULES: Readonly<Record<JobName, string>> = {
  'order-sync': '*/5 * * * *',
  'logistics-refresh': '*/30 * * * *',
  // Return parcels move as slowly as outgoing ones: the same half-hour as their refresh.
  'returns-sync': '*/30 * * * *',
  'payment-reminders': '*/10 * * * *',
  'birthday-greetings': '0 9 * * *',
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

/**
 * The repair windows (中差评处理时段, handbook: 11:00–12:00, 15:00–16:30, and 20:00–21:00 for the night shift):
 * one scheduled job each, and the handover's repair_window owner rule, read from here.
 */
export const DEFAULT_REVIEW_WINDOWS = [
  { start: '11:00', end: '12:00' },
  { start: '15:00', end: '16:30' },
  { start: '20:00', end: '21:00' },
] as const;
const reviewWindow = shift.refine((w) => w.start < w.end, '中差评处理时段的结束时间要晚于开始时间');
const reviewWindows = z
  .array(reviewWindow)
  .min(1, '至少要有一个中差评处理时段')
  .max(6)
  .refine(
    (ws) =>
      [...ws].sort((a, b) => (a.start < b.start ? -1 : 1)).every((w, i, all) => i === 0 || all[i - 1]!.end <= w.start),
    '中差评处理时段不能重叠',
  )
  .default(DEFAULT_REVIEW_WINDOWS.map((w) => ({ ...w })));

/**
 * Jobs that no longer exist: an old config naming one is refused with what to do instead, not with "an item that
 * cannot be filled in here" (the 20:00 review-repair job became the repair windows).
 */
const RETIRED_JOBS: Readonly<Record<string, string>> = {
  'review-repair':
    '中差评修复任务（review-repair）已取消，改为每个中差评处理时段各一个任务：请删除这一项，在 jobs.reviewWindows 里设置处理时段',
};
const withoutRetired = (section: string) => (v: unknown, ctx: z.core.$RefinementCtx) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
  for (const [job, message] of Object.entries(RETIRED_JOBS)) {
    if (!(job in out)) continue;
    delete out[job];
    ctx.addIssue({ code: 'custom', message, path: [job], params: { code: 'job_retired', section } });
  }
  return out;
};

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
    schedules: z.preprocess(withoutRetired('schedules'), z.object(scheduleShape).strict()).prefault({}),
    /** Overrides of DEFAULT_CATCH_UP_MINUTES; 0 turns catch-up off for that job. */
    catchUpMinutes: z.preprocess(withoutRetired('catchUpMinutes'), z.object(catchUpShape).strict()).prefault({}),
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
    reviewWindows,
    /** A repair window missed while the service was stopped is made up on start until the window ends; false: never. */
    reviewWindowCatchUp: z.boolean().default(true),
    stuckParcelHours: z.number().int().min(1).default(48),
    revisitAfterDays: z.number().int().min(1).default(60),
    /** A customer is on the revisit list at most once in this many days (a quarter). */
    revisitEveryDays: z.number().int().min(1).default(90),
  })
  .strict();

export type JobsConfig = z.infer<typeof jobsConfigSchema>;
export type ReviewWindow = JobsConfig['reviewWindows'][number];

export const defaultJobsConfig = (): JobsConfig => jobsConfigSchema.parse({});

export function catchUpMinutesOf(config: JobsConfig, name: string): number | undefined {
  const own = (config.catchUpMinutes as Partial<Record<string, number>>)[name];
  return own ?? (DEFAULT_CATCH_UP_MINUTES as Partial<Record<string, number>>)[name];
}
