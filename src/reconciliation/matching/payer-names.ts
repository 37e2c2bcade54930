import { toHalfWidth } from '../../shared/money.js';

/**
 * Payment companies and clearing houses appear as the counterparty when a buyer pays through them; the name
 * on the row is then theirs (or theirs plus a nickname), never proof of who paid.
 */
const INTERMEDIARIES = [
  '支付宝',
  '财付通',
  '银联',
  '网联',
  '微信支付',
  '微信',
  '云闪付',
  '快钱',
  '拉卡拉',
  '京东支付',
  '网银在线',
  '备付金',
  '清算',
  'alipay',
  'tenpay',
  'unionpay',
  'wechat',
  'nucc',
];

export function isIntermediary(name: string): boolean {
  const n = toHalfWidth(name).toLowerCase();
  return INTERMEDIARIES.some((k) => n.includes(k));
}

/** Comparable form of a person's or company's name; '' when absent or masked by the bank (张*三). */
const normalized = new Map<string, string>();
const PLAIN_CJK = /^[\u4e00-\u9fff]{1,8}$/;

export function normalizeName(name: string | null | undefined): string {
  if (!name) return '';
  // Most names are a few Chinese characters and already in normal form.
  if (PLAIN_CJK.test(name)) return name;
  let n = normalized.get(name);
  if (n === undefined) {
    n = toHalfWidth(name)
      .replace(/[\s·•.]/g, '')
      .toLowerCase();
    if (n.includes('*')) n = '';
    // The same few thousand buyer names are compared again and again within a run.
    if (normalized.size > 200_000) normalized.clear();
    normalized.set(name, n);
  }
  return n;
}

export interface Payer {
  readonly name: string;
  readonly intermediary: boolean;
}

const payers = new Map<string, Payer>();

/** The payer a counterparty name stands for (shared and read-only: the same names recur all month). */
export function payerOf(counterpartyName: string): Payer {
  let payer = payers.get(counterpartyName);
  if (payer === undefined) {
    payer = { name: normalizeName(counterpartyName), intermediary: isIntermediary(counterpartyName) };
    if (payers.size > 100_000) payers.clear();
    payers.set(counterpartyName, payer);
  }
  return payer;
}

/** Alphanumeric runs of a note, upper-cased: the places a buyer's reference code can stand. */
export function noteTokens(note: string): string[] {
  return (
    toHalfWidth(note)
      .toUpperCase()
      .match(/[A-Z0-9]+/g) ?? []
  );
}
