/**
 * A deliberately tiny, strict front-matter reader (not YAML): every template file starts with
 *
 *   ---
 *   key: value            # scalar text, "json string", true/false, or [a, b] list
 *   variables:            # a map: names at 2 spaces, their fields at 4 spaces
 *     size:
 *       label: 尺码
 *   ---
 *
 * Anything else is reported with its line, so a typo cannot silently become a different value.
 */

export type FrontMatterValue = string | boolean | string[] | { [key: string]: FrontMatterValue };

export interface FrontMatterProblem {
  line: number;
  message: string;
}

export interface FrontMatter {
  data: Record<string, FrontMatterValue>;
  /** 'variables.size.label' → 1-based line in the file; lets metadata errors point at their line. */
  lines: Map<string, number>;
  body: string;
  /** 1-based file line of the body's first line. */
  bodyStartLine: number;
  problems: FrontMatterProblem[];
}

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?:\s+(.*))?$/;

export function parseFrontMatter(source: string): FrontMatter {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const result: FrontMatter = { data: {}, lines: new Map(), body: '', bodyStartLine: 1, problems: [] };
  if (lines[0]?.trim() !== '---') {
    result.problems.push({ line: 1, message: 'the file must start with a front-matter block opened by ---' });
    return result;
  }
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) {
    result.problems.push({ line: 1, message: 'the front-matter block opened on line 1 is never closed by ---' });
    return result;
  }
  // Open maps by indentation level: level 0 is the file, 1 a map under a top key, 2 a map under a variable.
  const open: ({ obj: Record<string, FrontMatterValue>; path: string } | undefined)[] = [
    { obj: result.data, path: '' },
  ];
  for (let i = 1; i < end; i++) {
    const lineNo = i + 1;
    const raw = lines[i]!;
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    if (/^\s*\t/.test(raw)) {
      result.problems.push({ line: lineNo, message: 'indent with spaces, not tabs' });
      continue;
    }
    const indent = raw.length - raw.trimStart().length;
    if (indent % 2 !== 0 || indent > 4) {
      result.problems.push({ line: lineNo, message: 'indent by 0, 2 or 4 spaces' });
      continue;
    }
    const level = indent / 2;
    const parent = open[level];
    if (!parent) {
      result.problems.push({ line: lineNo, message: 'this line is indented but nothing above it opens a map' });
      continue;
    }
    const m = KEY.exec(raw.trim());
    if (!m) {
      result.problems.push({ line: lineNo, message: `expected "key: value", got ${JSON.stringify(raw.trim())}` });
      continue;
    }
    const key = m[1]!;
    const path = parent.path ? `${parent.path}.${key}` : key;
    if (Object.hasOwn(parent.obj, key)) {
      result.problems.push({ line: lineNo, message: `"${path}" is given twice` });
      continue;
    }
    open.length = level + 1;
    result.lines.set(path, lineNo);
    if (m[2] === undefined || m[2].trim() === '') {
      if (level >= 2) {
        result.problems.push({ line: lineNo, message: `"${path}" needs a value` });
        continue;
      }
      const child: Record<string, FrontMatterValue> = {};
      parent.obj[key] = child;
      open[level + 1] = { obj: child, path };
      continue;
    }
    const value = parseScalar(m[2].trim());
    if (typeof value === 'object' && 'error' in value)
      result.problems.push({ line: lineNo, message: `"${path}": ${value.error}` });
    else parent.obj[key] = value;
  }
  result.bodyStartLine = end + 2;
  result.body = lines
    .slice(end + 1)
    .join('\n')
    .replace(/\s+$/, '');
  return result;
}

function parseScalar(text: string): string | boolean | string[] | { error: string } {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text.startsWith('"')) return parseQuoted(text);
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) return { error: 'a list must close with ]' };
    const inner = text.slice(1, -1).trim();
    if (inner === '') return [];
    const items = inner.split(',').map((s) => s.trim());
    if (items.some((s) => s === '' || /["[\]]/.test(s)))
      return { error: 'list items are plain words separated by commas' };
    return items;
  }
  return text;
}

function parseQuoted(text: string): string | { error: string } {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'string' ? v : { error: 'a quoted value must be one string' };
  } catch {
    return { error: 'a quoted value must be a complete "…" string (JSON escapes)' };
  }
}
