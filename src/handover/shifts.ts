/**
 * The reports' windows, from the roster's shift hours (day 09:00–16:30, night 15:30–23:00), Shanghai time. Every
 * moment belongs to one report: the day report runs from the day shift's start to its end, the night report from
 * there to the next day shift's start (work at 01:15 is the night's).
 */
import { DUTY_LABELS, type Roster } from '../roster/index.js';
import { DAY, MINUTE, shanghaiDate, shanghaiParts, startOfShanghaiDay } from '../shared/time.js';

export const SHIFT_NAMES = ['day', 'night'] as const;
export type ShiftName = (typeof SHIFT_NAMES)[number];
export interface ShiftHours {
  start: string;
  end: string;
}
export type ShiftTable = Record<ShiftName, ShiftHours>;

export const SHIFT_TEXT: Record<ShiftName, string> = { day: DUTY_LABELS.day, night: DUTY_LABELS.night };

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Each shift from its first period's start to its last period's end. */
export function shiftTableOf(roster: Roster): ShiftTable {
  const span = (s: ShiftName) => {
    const p = roster.shifts[s].periods;
    return { start: p[0]!.start, end: p[p.length - 1]!.end };
  };
  return { day: span('day'), night: span('night') };
}

/** The report's window [start, end) in epoch ms: the day shift's hours; the night from there to the next day. */
export function shiftWindow(shift: ShiftName, date: string, table: ShiftTable): { start: number; end: number } {
  const day0 = startOfShanghaiDay(date);
  const dayStart = day0 + minutes(table.day.start) * MINUTE;
  const dayEnd = day0 + minutes(table.day.end) * MINUTE;
  return shift === 'day' ? { start: dayStart, end: dayEnd } : { start: dayEnd, end: dayStart + DAY };
}

/** The shift that hands over to this one: night of the day before → day; day → night of the same day. */
export function previousShift(shift: ShiftName, date: string): { shift: ShiftName; date: string } {
  return shift === 'night'
    ? { shift: 'day', date }
    : { shift: 'night', date: shanghaiDate(startOfShanghaiDay(date) - DAY) };
}

/** The shift a note written now belongs to: the day shift until it ends, then the night shift. */
export function currentShift(now: number, table: ShiftTable): { shift: ShiftName; date: string } {
  const date = shanghaiDate(now);
  const p = shanghaiParts(now);
  const m = p.hour * 60 + p.minute;
  if (m < minutes(table.day.start)) return { shift: 'night', date: shanghaiDate(now - DAY) };
  return { shift: m < minutes(table.day.end) ? 'day' : 'night', date };
}
