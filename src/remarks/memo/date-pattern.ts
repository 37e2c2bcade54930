/**
 * The memo date as a pattern, built from the shop's date format (tokens YYYY, YY, MM, M, DD, D as in
 * formatShanghaiDate), so the memo reader accepts exactly what the writer produces.
 */

const TOKEN = /YYYY|YY|MM|M|DD|D/g;
const TOKEN_SOURCE: Record<string, string> = {
  YYYY: '\\d{4}',
  YY: '\\d{2}',
  MM: '\\d{2}',
  M: '\\d{1,2}',
  DD: '\\d{2}',
  D: '\\d{1,2}',
};

export interface DatePattern {
  /** Regex source without groups or anchors, to embed in a larger pattern. */
  source: string;
  /** The text has the format's shape (e.g. two digits, a dot, two digits). */
  matches(text: string): boolean;
  /** The shape matches and month/day are a real calendar day. */
  isValid(text: string): boolean;
}

const cache = new Map<string, DatePattern>();

export function datePattern(format: string): DatePattern {
  const hit = cache.get(format);
  if (hit) return hit;
  const tokens: string[] = [];
  let source = '';
  let last = 0;
  for (const m of format.matchAll(TOKEN)) {
    source += escapeRegex(format.slice(last, m.index)) + TOKEN_SOURCE[m[0]];
    tokens.push(m[0]);
    last = m.index + m[0].length;
  }
  source += escapeRegex(format.slice(last));
  const groups = new RegExp(`^${source.replace(/\\d\{[\d,]+\}/g, (s) => `(${s})`)}$`);
  const pattern: DatePattern = {
    source,
    matches: (text) => groups.test(text),
    isValid(text) {
      const m = groups.exec(text);
      if (!m) return false;
      let month = 1;
      let day = 1;
      let year = 2000;
      tokens.forEach((tok, i) => {
        const n = Number(m[i + 1]);
        if (tok.startsWith('M')) month = n;
        else if (tok.startsWith('D')) day = n;
        else year = tok === 'YYYY' ? n : 2000 + n;
      });
      if (month < 1 || month > 12 || day < 1) return false;
      return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
    },
  };
  cache.set(format, pattern);
  return pattern;
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
