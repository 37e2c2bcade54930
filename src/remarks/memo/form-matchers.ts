/**
 * Every catalogue form turned back into a regular expression, so a memo written by xiaoer (or typed
 * by hand the same way) is recognised as its kind. Built from the same templates the renderer uses,
 * so the reader cannot drift from the writer.
 */
import { REMARK_KINDS } from '../catalogue/catalogue.js';
import type { RemarkForm, RemarkKind } from '../catalogue/types.js';
import { datePattern, escapeRegex } from './date-pattern.js';

const NAME = '([^+/；;,，\\s()（）]+)';
const SKU = '([^\\s+；;,，:：()（）]+)';
const AMOUNT = '(\\d+(?:\\.\\d{1,2})?)';

const PLACEHOLDER_SOURCE: Readonly<Record<string, string>> = {
  staff: NAME,
  assistant: NAME,
  keeper: NAME,
  realName: NAME,
  sku: SKU,
  fromSku: SKU,
  toSku: SKU,
  amount: AMOUNT,
  remaining: AMOUNT,
  via: '(旺旺|电话)',
  bankName: '([^\\d\\s+,，]+)',
  account: '(\\S+)',
  waybill: '([A-Za-z0-9-]+)',
  reason: '([^()（）]+)',
};

export interface FormMatcher {
  kind: RemarkKind;
  form: RemarkForm;
  regex: RegExp;
  names: string[];
  /** A bare `{staff}` (the sale record) is only told apart from hand-written text by a known staff name. */
  needsKnownStaff: boolean;
  /** A bare `{date}` (the print remark) must be a real day, not any two numbers. */
  needsValidDate: boolean;
}

const cache = new Map<string, FormMatcher[]>();

export function formMatchers(dateFormat: string): FormMatcher[] {
  const hit = cache.get(dateFormat);
  if (hit) return hit;
  const date = `(${datePattern(dateFormat).source})`;
  const matchers = REMARK_KINDS.flatMap((kind) =>
    kind.forms.map((form): FormMatcher => {
      const names: string[] = [];
      let source = '';
      let last = 0;
      for (const m of form.template.matchAll(/\{(\w+)\}/g)) {
        const name = m[1]!;
        source +=
          escapeRegex(form.template.slice(last, m.index)) +
          (name === 'date' ? date : (PLACEHOLDER_SOURCE[name] ?? '(.+?)'));
        names.push(name);
        last = m.index + m[0].length;
      }
      source += escapeRegex(form.template.slice(last));
      return {
        kind,
        form,
        names,
        regex: new RegExp(`^${source}$`),
        needsKnownStaff: form.template === '{staff}',
        needsValidDate: form.template === '{date}',
      };
    }),
  );
  cache.set(dateFormat, matchers);
  return matchers;
}
