/**
 * Findings for entries that break the remark convention, for the handover report. Lint only
 * reports: hand-written text is never rewritten.
 */
import { datePattern } from './date-pattern.js';
import { parseMemo, type ParseMemoOptions, type ParsedEntry } from './parse.js';

export type LintCode =
  'unknown_form' | 'missing_suffix' | 'bad_date' | 'amount_without_yuan' | 'ascii_separator' | 'unknown_staff';

export interface LintFinding {
  entryIndex: number;
  code: LintCode;
  message: string;
}

const SUFFIX = /\+([^+/]+)\/([^+/]+)$/;
/** A money word followed by a number that is not followed by 元 (e.g. `扣除邮费10`). */
const AMOUNT_WITHOUT_YUAN = /(?:金额|邮费|折扣|余额|差价|扣除|还剩下?|应退|可申请|退款)\s*\d+(?:\.\d+)?(?![\d.]*\s*元)/;

const MESSAGES: Record<LintCode, string> = {
  unknown_form: '不是备注规范中的格式',
  missing_suffix: '缺少“+客服/日期”后缀',
  bad_date: '日期不是有效的店铺日期格式',
  amount_without_yuan: '金额后缺少“元”',
  ascii_separator: '用了半角“;”分隔，规范是“；”',
  unknown_staff: '客服姓名不在员工名单中',
};

export function lintMemo(memo: string, opts: ParseMemoOptions = {}): LintFinding[] {
  return lintEntries(parseMemo(memo, opts), opts);
}

export function lintEntries(entries: readonly ParsedEntry[], opts: ParseMemoOptions = {}): LintFinding[] {
  const date = datePattern(opts.dateFormat ?? 'MM.DD');
  const findings: LintFinding[] = [];
  const add = (entryIndex: number, code: LintCode, detail?: string) =>
    findings.push({ entryIndex, code, message: detail ? `${MESSAGES[code]}: ${detail}` : MESSAGES[code] });

  for (const e of entries) {
    if (e.separatorBefore === ';') add(e.index, 'ascii_separator');
    if (e.kind === null) {
      add(e.index, 'unknown_form');
      const suffix = SUFFIX.exec(e.raw);
      if (!suffix) add(e.index, 'missing_suffix');
      else if (!date.isValid(suffix[2]!.trim())) add(e.index, 'bad_date', suffix[2]!);
      const amount = AMOUNT_WITHOUT_YUAN.exec(e.raw);
      if (amount) add(e.index, 'amount_without_yuan', amount[0]);
      continue;
    }
    if (e.date !== null && !date.isValid(e.date)) add(e.index, 'bad_date', e.date);
    if (e.staff !== null && opts.staffNames && !opts.staffNames.includes(e.staff))
      add(e.index, 'unknown_staff', e.staff);
  }
  return findings;
}
