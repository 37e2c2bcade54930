/**
 * When a message may reach a buyer, in Shanghai time whatever the host's zone. A window is
 * [start, end) of the shop's day; an end before the start wraps past midnight. Pure functions.
 */
import { DAY, MINUTE, shanghaiDate, startOfShanghaiDay } from '../../shared/time.js';
import type { SendWindow } from '../messaging-config.js';
import type { MessageKind } from '../templates/metadata.js';

export interface WindowSettings {
  quietHours: SendWindow;
  reviewRepairWindow: SendWindow;
  marketingWindow: SendWindow;
}

export type WindowName = 'normal' | 'review-repair' | 'marketing';

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The window a kind may be sent in: review repair and marketing have their own; the rest avoid the quiet hours. */
export function windowFor(
  kind: MessageKind,
  marketing: boolean,
  s: WindowSettings,
): { name: WindowName; window: SendWindow } {
  if (kind === 'review-repair') return { name: 'review-repair', window: s.reviewRepairWindow };
  if (marketing) return { name: 'marketing', window: s.marketingWindow };
  // Allowed is everything outside the quiet hours: from their end to their start.
  return { name: 'normal', window: { start: s.quietHours.end, end: s.quietHours.start } };
}

/** Milliseconds since Shanghai midnight. */
function timeOfDay(t: number): number {
  return t - startOfShanghaiDay(shanghaiDate(t));
}

export function isWithin(t: number, w: SendWindow): boolean {
  const start = minutesOf(w.start) * MINUTE;
  const end = minutesOf(w.end) * MINUTE;
  const now = timeOfDay(t);
  if (start === end) return true;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** `t` itself when allowed, else the next time the window opens. */
export function nextAllowedAt(t: number, w: SendWindow): number {
  if (isWithin(t, w)) return t;
  const opensToday = startOfShanghaiDay(shanghaiDate(t)) + minutesOf(w.start) * MINUTE;
  return opensToday > t ? opensToday : opensToday + DAY;
}

/** The first moment of the next Shanghai day the window is open (for caps: "not again today"). */
export function nextDayOpening(t: number, w: SendWindow): number {
  const tomorrow = startOfShanghaiDay(shanghaiDate(t)) + DAY;
  return nextAllowedAt(tomorrow, w);
}
