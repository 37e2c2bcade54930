/**
 * Reading the roster: who works which shift on a date, who is on duty at an instant, when the next person
 * is. Pure functions of the roster and Asia/Shanghai time (shared/time.ts), never the host's zone.
 */
import { DAY, MINUTE, shanghaiDate, shanghaiParts, startOfShanghaiDay } from '../shared/time.js';
import { SHIFT_NAMES, type Duty, type DutyPattern, type Period, type Roster, type ShiftName } from './roster.js';

export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const dayIndex = (date: string) => Math.round(startOfShanghaiDay(date) / DAY);

function patternDuty(p: DutyPattern, date: string): Duty {
  if (p.kind === 'weekly') {
    // shanghaiParts' weekday is 0 for Sunday; the pattern starts on Monday.
    const weekday = shanghaiParts(startOfShanghaiDay(date)).weekday;
    return p.days[(weekday + 6) % 7]!;
  }
  const n = p.days.length;
  return p.days[(((dayIndex(date) - dayIndex(p.start)) % n) + n) % n]!;
}

/** The shift `username` works on `date` (an exception wins over the pattern); null on a day off or when unlisted. */
export function shiftOf(roster: Roster, username: string, date: string): ShiftName | null {
  let duty: Duty | null = null;
  for (const e of roster.exceptions) if (e.date === date && e.username === username) duty = e.duty;
  if (duty === null) {
    const person = roster.people.find((p) => p.username === username);
    if (!person) return null;
    duty = patternDuty(person.pattern, date);
  }
  return duty === 'off' ? null : duty;
}

/** Who works each shift on `date`, in roster order (people listed only in an exception come last). */
export function rosterOn(roster: Roster, date: string): Record<ShiftName, string[]> {
  const out: Record<ShiftName, string[]> = { day: [], night: [] };
  const names = [...roster.people.map((p) => p.username), ...roster.exceptions.map((e) => e.username)];
  for (const u of new Set(names)) {
    const s = shiftOf(roster, u, date);
    if (s) out[s].push(u);
  }
  return out;
}

/** The working periods of a shift on a date, [start, end) in epoch ms. */
export function periodsOn(roster: Roster, shift: ShiftName, date: string): { start: number; end: number }[] {
  const day0 = startOfShanghaiDay(date);
  return roster.shifts[shift].periods.map((p) => ({
    start: day0 + minutesOf(p.start) * MINUTE,
    end: day0 + minutesOf(p.end) * MINUTE,
  }));
}

/** The breaks of a shift: the gaps between its periods (白班 12:00–12:30, 夜班 17:30–18:00). */
export function breaksOf(periods: readonly Period[]): Period[] {
  const out: Period[] = [];
  for (let i = 1; i < periods.length; i++) {
    if (periods[i - 1]!.end < periods[i]!.start) out.push({ start: periods[i - 1]!.end, end: periods[i]!.start });
  }
  return out;
}

/** Usernames on duty at `instant` (epoch ms): rostered that day on a shift whose period holds the instant. */
export function onDuty(roster: Roster, instant: number): string[] {
  const date = shanghaiDate(instant);
  const today = rosterOn(roster, date);
  const out: string[] = [];
  for (const shift of SHIFT_NAMES) {
    if (!periodsOn(roster, shift, date).some((p) => instant >= p.start && instant < p.end)) continue;
    for (const u of today[shift]) if (!out.includes(u)) out.push(u);
  }
  return out;
}

/**
 * The first moment at or after `instant` when somebody is on duty, and who: at night or on a day nobody
 * works, the next period someone is rostered for. Null when nobody works within `horizonDays`.
 */
export function nextOnDuty(
  roster: Roster,
  instant: number,
  horizonDays = 31,
): { at: number; usernames: string[] } | null {
  const now = onDuty(roster, instant);
  if (now.length) return { at: instant, usernames: now };
  const first = startOfShanghaiDay(shanghaiDate(instant));
  for (let d = 0; d <= horizonDays; d++) {
    const date = shanghaiDate(first + d * DAY + 12 * 3600_000);
    const starts = SHIFT_NAMES.flatMap((s) => periodsOn(roster, s, date).map((p) => p.start))
      .filter((t) => t > instant)
      .sort((a, b) => a - b);
    for (const t of starts) {
      const who = onDuty(roster, t);
      if (who.length) return { at: t, usernames: who };
    }
  }
  return null;
}
