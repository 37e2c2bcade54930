/**
 * The roster (排班表) as data: the two shifts with their working periods (the gaps between periods are the
 * breaks), who works which shift on which date (a weekly pattern or a cycle such as the handbook's 10 days on,
 * 2 days off, plus per-date exceptions), and the keeper of money (汇款业务处理人). Validated with zod whenever
 * it is written; the functions that read it are in on-duty.ts.
 */
import { z } from 'zod';
import { shopDate } from '../shared/shop-date.js';

export const SHIFT_NAMES = ['day', 'night'] as const;
export type ShiftName = (typeof SHIFT_NAMES)[number];
/** What a person does on a date: one of the shifts, or a day off. */
export const DUTIES = ['day', 'night', 'off'] as const;
export type Duty = (typeof DUTIES)[number];
/** What staff call each duty: the roster, the handover's titles and the console (GET /api/labels) read these. */
export const DUTY_LABELS: Readonly<Record<Duty, string>> = { day: '白班', night: '夜班', off: '休息' };

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间请写成 时:分，例如 09:00');
const isoDate = shopDate;
const username = z.string().trim().min(1, '请填写员工账号').max(64);
const duty = z.enum(DUTIES, '请选择 白班、夜班 或 休息');

const period = z
  .object({ start: hhmm, end: hhmm })
  .strict()
  // A period never crosses midnight: the night shift ends at 23:00, and what follows until the day shift is
  // still the night's report (shifts.ts), not a working period.
  .refine((p) => p.start < p.end, { message: '结束时间要晚于开始时间', path: ['end'] });

const shiftDef = z
  .object({ label: z.string().trim().min(1).max(20), periods: z.array(period).min(1).max(6) })
  .strict()
  .refine((s) => s.periods.every((p, i) => i === 0 || s.periods[i - 1]!.end <= p.start), {
    message: '各段时间要按先后排列，不能重叠',
    path: ['periods'],
  });

const weekly = z
  .object({
    kind: z.literal('weekly'),
    /** Monday first, seven entries. */
    days: z.array(duty).length(7, '每周要填满 7 天（周一到周日）'),
  })
  .strict();
const cycle = z
  .object({
    kind: z.literal('cycle'),
    /** The date the cycle's first entry falls on; the cycle repeats before and after it. */
    start: isoDate,
    days: z.array(duty).min(1).max(62),
  })
  .strict();

const person = z.object({ username, pattern: z.discriminatedUnion('kind', [weekly, cycle]) }).strict();
const exception = z.object({ date: isoDate, username, duty, note: z.string().max(200).optional() }).strict();

export const rosterSchema = z
  .object({
    shifts: z.object({ day: shiftDef, night: shiftDef }).strict(),
    people: z.array(person).max(200),
    exceptions: z.array(exception).max(5000),
    keeper: username,
  })
  .strict()
  .refine((r) => new Set(r.people.map((p) => p.username)).size === r.people.length, {
    message: '同一个员工在排班表里只能出现一次',
    path: ['people'],
  });

export type Roster = z.infer<typeof rosterSchema>;
export type ShiftDef = Roster['shifts'][ShiftName];
export type Period = ShiftDef['periods'][number];
export type DutyPattern = Roster['people'][number]['pattern'];

/** What is stored: the roster and who changed it last. */
export interface RosterRecord extends Roster {
  updatedAt: string | null;
  updatedBy: string | null;
}

/** The handbook's hours (白班 9:00–12:00、12:30–16:30；夜班 15:30–17:30、18:00–23:00). */
export const HANDBOOK_SHIFTS: Roster['shifts'] = {
  day: {
    label: DUTY_LABELS.day,
    periods: [
      { start: '09:00', end: '12:00' },
      { start: '12:30', end: '16:30' },
    ],
  },
  night: {
    label: DUTY_LABELS.night,
    periods: [
      { start: '15:30', end: '17:30' },
      { start: '18:00', end: '23:00' },
    ],
  },
};

/** The handbook's rota: ten days on, two days off (每十天休息两天), as a 12-day cycle of one shift. */
export function tenOnTwoOff(shift: ShiftName, start: string): DutyPattern {
  return { kind: 'cycle', start, days: [...Array<Duty>(10).fill(shift), 'off', 'off'] };
}
