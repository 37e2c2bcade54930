/**
 * The repair windows (中差评处理时段): the handbook works neutral and bad reviews 11:00–12:00 and 15:00–16:30, and
 * the night shift 20:00–21:00. The times are data (config.jobs.reviewWindows); this file only answers "are we in
 * one now" and "when is the next one", in Shanghai wall-clock time whatever the host's zone.
 */
import { DAY, MINUTE, shanghaiDate, startOfShanghaiDay, toInstant } from '../shared/time.js';

/** HH:mm to HH:mm, Shanghai time, start before end (the config refuses anything else). */
export interface RepairWindow {
  start: string;
  end: string;
}

export interface WindowTimes {
  window: RepairWindow;
  /** Epoch ms. */
  start: number;
  end: number;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** `11:00–12:00`: how people read a window. */
export const windowText = (w: RepairWindow) => `${w.start}–${w.end}`;

function onDay(w: RepairWindow, date: string): WindowTimes {
  const day = startOfShanghaiDay(date);
  return { window: w, start: day + minutes(w.start) * MINUTE, end: day + minutes(w.end) * MINUTE };
}

/** The window `at` falls in ([start, end)), or null. */
export function windowAt(windows: readonly RepairWindow[], at: number): WindowTimes | null {
  const date = shanghaiDate(at);
  for (const w of windows) {
    const t = onDay(w, date);
    if (at >= t.start && at < t.end) return t;
  }
  return null;
}

/** The first window that has not ended at `at` (the one we are in, else the next to start); null without windows. */
export function nextWindow(windows: readonly RepairWindow[], at: number): WindowTimes | null {
  let best: WindowTimes | null = null;
  // Today's and tomorrow's windows hold the answer whenever the list is not empty.
  for (const d of [0, 1]) {
    const date = shanghaiDate(at + d * DAY);
    for (const w of windows) {
      const t = onDay(w, date);
      if (t.end > at && (!best || t.start < best.start)) best = t;
    }
    if (best) return best;
  }
  return best;
}

/** 12-07 15:00–16:30 */
export const windowWhen = (t: WindowTimes) => `${toInstant(t.start).slice(5, 10)} ${windowText(t.window)}`;
