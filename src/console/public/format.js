/**
 * How the console writes times and money in Chinese. Times are
 * Asia/Shanghai whatever zone the staff member's browser is in: the service sends +08:00 strings,
 * so we read the wall-clock digits from the text instead of asking the browser's zone.
 */

// Trade status names, the status filter's groups and a badge's tone come from GET /api/labels (labels.js),
// as do parcel states, roles, remark entry statuses, message states and reasons, transfer states and seller
// flags; widgets.js and two pages still import the status lookups and the flag's name from here.
export { flagLabel, statusLabel, statusTone } from './labels.js';

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** '2026-11-24T00:24:20.000+08:00' → '2026-11-24 00:24'; other offsets are converted to +08:00 first. */
export function shanghaiTime(iso, { seconds = false } = {}) {
  if (!iso) return '';
  const text = String(iso);
  const wall =
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(text) && text.endsWith('+08:00') ? text : toShanghaiWallClock(text);
  if (!wall) return text;
  return `${wall.slice(0, 10)} ${wall.slice(11, seconds ? 19 : 16)}`;
}

function toShanghaiWallClock(text) {
  const ms = Date.parse(text);
  // Shift the instant by +8 h and read it as UTC: the browser's own zone never enters.
  return Number.isFinite(ms) ? new Date(ms + SHANGHAI_OFFSET_MS).toISOString() : '';
}

/** Shorter form for lists: '11-24 00:24'. */
export const shortShanghaiTime = (iso) => shanghaiTime(iso).slice(5);

/** The service sends yuan as fixed strings ('159.00'); we only add the sign. */
export const yuan = (text) => `¥${text}`;

/** Integer fen → yuan text with two decimals ('-12.50'), by integer arithmetic only. */
export function fenToYuan(fen) {
  const n = Math.trunc(Number(fen) || 0);
  const abs = Math.abs(n);
  return `${n < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Today's date in Shanghai, YYYY-MM-DD, whatever the browser's zone. */
export function shanghaiToday(now = Date.now()) {
  return new Date(now + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes → '5 分钟', '2 小时 5 分', '3 天 2 小时'. */
export function ageText(minutes) {
  const m = Math.max(0, Math.floor(Number(minutes) || 0));
  if (m < 60) return `${m} 分钟`;
  if (m < 24 * 60) return `${Math.floor(m / 60)} 小时${m % 60 ? ` ${m % 60} 分` : ''}`;
  const hours = Math.floor((m % (24 * 60)) / 60);
  return `${Math.floor(m / (24 * 60))} 天${hours ? ` ${hours} 小时` : ''}`;
}

/** '2026-11-24T09:00:00.000+08:00' → '09:00' (with the date when it is not today in Shanghai). */
export function sendTimeText(iso, now = Date.now()) {
  const text = shanghaiTime(iso);
  return text.slice(0, 10) === shanghaiToday(now) ? text.slice(11) : text;
}

/** Yuan text as staff type it ('288', '288.5', '288.37') → integer fen, or null; no float arithmetic. */
export function yuanToFen(text) {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(String(text ?? '').trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
