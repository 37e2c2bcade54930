/** Shift hours (config `jobs.shifts`): day 09:00–16:30, night 15:30–23:00, Shanghai time. */
import { DAY, MINUTE, shanghaiDate, shanghaiParts, startOfShanghaiDay } from '../shared/time.js';

export const SHIFT_NAMES = ['day', 'night'] as const;
export type ShiftName = (typeof SHIFT_NAMES)[number];
export interface ShiftHours {
  start: string;
  end: string;
}
export type ShiftTable = Record<ShiftName, ShiftHours>;

export const SHIFT_TEXT: Record<ShiftName, string> = { day: '白班', night: '夜班' };

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** [start, end) in epoch ms; an end before the start runs past midnight. */
export function shiftWindow(shift: ShiftName, date: string, table: ShiftTable): { start: number; end: number } {
  const day0 = startOfShanghaiDay(date);
  const h = table[shift];
  const start = day0 + minutes(h.start) * MINUTE;
  let end = day0 + minutes(h.end) * MINUTE;
  if (end <= start) end += DAY;
  return { start, end };
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
