/**
 * Shop time is Asia/Shanghai (UTC+8, no daylight saving since 1991), whatever the host's zone.
 * Instants are stored as ISO-8601 strings with the +08:00 offset so the data files read like the shop's clock.
 */

const OFFSET_MS = 8 * 3600_000;

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests can move by hand. */
export function fixedClock(
  start: number | string,
): Clock & { set(t: number | string): void; advance(ms: number): void } {
  let t = typeof start === 'string' ? parseInstant(start) : start;
  return {
    now: () => t,
    set: (v) => {
      t = typeof v === 'string' ? parseInstant(v) : v;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

interface ShanghaiParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number;
}

export function shanghaiParts(epochMs: number): ShanghaiParts {
  const d = new Date(epochMs + OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** 'yyyy-MM-dd HH:mm:ss' in Shanghai time: the Taobao Open Platform's time format. */
export function formatTopTime(epochMs: number): string {
  const p = shanghaiParts(epochMs);
  return `${p.year}-${p2(p.month)}-${p2(p.day)} ${p2(p.hour)}:${p2(p.minute)}:${p2(p.second)}`;
}

/** Parses 'yyyy-MM-dd HH:mm:ss' as Shanghai time. */
export function parseTopTime(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) throw new RangeError(`not a platform time (yyyy-MM-dd HH:mm:ss): ${JSON.stringify(text)}`);
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // Date.UTC would roll 25:00 or 31 November over into the next day, and read years 0–99 as
  // 1900–1999 (a 0001-01-01 placeholder would become 1901); such text is refused, not moved.
  if (year < 1000 || !isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) {
    throw new RangeError(`not a platform time (no such date or time): ${JSON.stringify(text)}`);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second) - OFFSET_MS;
}

/** True when the day exists in that month of the (proleptic Gregorian) year. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (day <= 28) return true;
  if (month === 2) return day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

/** ISO-8601 with +08:00, e.g. 2026-11-23T16:30:00.000+08:00. */
export function toInstant(epochMs: number): string {
  const p = shanghaiParts(epochMs);
  return `${p.year}-${p2(p.month)}-${p2(p.day)}T${p2(p.hour)}:${p2(p.minute)}:${p2(p.second)}.${String(p.ms).padStart(3, '0')}+08:00`;
}

/**
 * Parses an ISO-8601 instant. Text without an offset ('2026-11-23T10:00', '2026-11-23') is shop
 * time, never the host's zone (which Date.parse would use).
 */
export function parseInstant(text: string): number {
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(text.trim());
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', ms = '0'] = local;
    return Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +sec, +ms.padEnd(3, '0')) - OFFSET_MS;
  }
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text.trim()))
    throw new RangeError(`not an ISO-8601 instant: ${JSON.stringify(text)}`);
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new RangeError(`not an ISO-8601 instant: ${JSON.stringify(text)}`);
  return t;
}

/** 'YYYY-MM-DD' of the Shanghai calendar day. */
export function shanghaiDate(epochMs: number): string {
  const p = shanghaiParts(epochMs);
  return `${p.year}-${p2(p.month)}-${p2(p.day)}`;
}

/** Epoch ms of 00:00 Shanghai time on the given 'YYYY-MM-DD'. */
export function startOfShanghaiDay(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) - OFFSET_MS;
}

/**
 * Formats a memo date with tokens YYYY, YY, MM, M, DD, D (default shop format 'MM.DD' → '11.23').
 * Other characters are copied as they are.
 */
export function formatShanghaiDate(epochMs: number, format: string): string {
  const p = shanghaiParts(epochMs);
  return format.replace(/YYYY|YY|MM|M|DD|D/g, (tok) => {
    switch (tok) {
      case 'YYYY':
        return String(p.year);
      case 'YY':
        return p2(p.year % 100);
      case 'MM':
        return p2(p.month);
      case 'M':
        return String(p.month);
      case 'DD':
        return p2(p.day);
      default:
        return String(p.day);
    }
  });
}

export const MINUTE = 60_000;
export const HOUR = 3600_000;
export const DAY = 86_400_000;

/** Half-open time window [start, end) in epoch ms. */
export interface TimeWindow {
  start: number;
  end: number;
}
