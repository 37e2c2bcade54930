/**
 * Cron expressions evaluated in shop time whatever the host's zone: the next run for `GET /api/jobs`
 * and `xiaoer jobs list`, and the last due time for catch-up, both from an injected clock. node-cron
 * parses (so we accept exactly what it schedules); the walk over days is ours, on Shanghai calendar
 * arithmetic (UTC+8, no daylight saving).
 */
import cron from 'node-cron';
import { HOUR } from '../shared/time.js';

const OFFSET_MS = 8 * HOUR;
const MAX_DAYS = 366 * 8;

export interface CronFields {
  seconds: number[];
  minutes: number[];
  hours: number[];
  days: ReadonlySet<number>;
  months: ReadonlySet<number>;
  weekdays: ReadonlySet<number>;
}

const cache = new Map<string, CronFields>();

function numbers(values: (number | string)[], field: string, expr: string): number[] {
  if (values.some((v) => typeof v !== 'number'))
    throw new RangeError(`cron "${expr}": ${field} tokens such as L or # are not supported`);
  return values as number[];
}

/** Throws RangeError for an expression node-cron would refuse or that uses L / # tokens. */
export function parseCron(expr: string): CronFields {
  const hit = cache.get(expr);
  if (hit) return hit;
  if (!cron.validate(expr)) throw new RangeError(`not a valid cron expression: ${JSON.stringify(expr)}`);
  const f = cron.parse(expr);
  const asc = (a: number[]) => [...new Set(a)].sort((x, y) => x - y);
  const fields: CronFields = {
    seconds: asc(f.second),
    minutes: asc(f.minute),
    hours: asc(f.hour),
    days: new Set(numbers(f.dayOfMonth, 'day of month', expr)),
    months: new Set(f.month),
    weekdays: new Set(numbers(f.dayOfWeek, 'day of week', expr).map((d) => d % 7)),
  };
  cache.set(expr, fields);
  return fields;
}

interface Day {
  y: number;
  m: number;
  d: number;
}

/** The Shanghai calendar day `offset` days from the one holding `epochMs`. */
function shanghaiDay(epochMs: number, offset: number): Day & { weekday: number } {
  const local = new Date(epochMs + OFFSET_MS);
  const date = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + offset));
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), weekday: date.getUTCDay() };
}

const dayMatches = (f: CronFields, day: Day & { weekday: number }) =>
  f.months.has(day.m) && f.days.has(day.d) && f.weekdays.has(day.weekday);
const at = (day: Day, h: number, mi: number, s: number) => Date.UTC(day.y, day.m - 1, day.d, h, mi, s) - OFFSET_MS;

/** The first run strictly after `afterMs` (epoch ms), or null if none within eight years. */
export function nextCronRun(expr: string, afterMs: number): number | null {
  const f = parseCron(expr);
  for (let offset = 0; offset < MAX_DAYS; offset++) {
    const day = shanghaiDay(afterMs, offset);
    if (!dayMatches(f, day)) continue;
    for (const h of f.hours) {
      if (offset === 0 && at(day, h, 59, 59) <= afterMs) continue;
      for (const mi of f.minutes) {
        for (const s of f.seconds) {
          const t = at(day, h, mi, s);
          if (t > afterMs) return t;
        }
      }
    }
  }
  return null;
}

/** The latest due time at or before `atMs`, or null if none within eight years. */
export function lastCronDue(expr: string, atMs: number): number | null {
  const f = parseCron(expr);
  const desc = (a: number[]) => [...a].reverse();
  const hours = desc(f.hours);
  const minutes = desc(f.minutes);
  const seconds = desc(f.seconds);
  for (let offset = 0; offset > -MAX_DAYS; offset--) {
    const day = shanghaiDay(atMs, offset);
    if (!dayMatches(f, day)) continue;
    for (const h of hours) {
      if (offset === 0 && at(day, h, 0, 0) > atMs) continue;
      for (const mi of minutes) {
        for (const s of seconds) {
          const t = at(day, h, mi, s);
          if (t <= atMs) return t;
        }
      }
    }
  }
  return null;
}
