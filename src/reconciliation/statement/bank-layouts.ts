import { toHalfWidth } from '../../shared/money.js';
import type { StatementField } from './statement-types.js';

/**
 * The export layouts of the banks the shop's customers pay into. Column names follow public samples of each
 * bank's online-banking "明细下载" (personal and corporate variants where they differ); a bank that renames a
 * column only needs an alias here, and an unknown layout is handled by a mapping profile instead.
 */
export type BankId = 'icbc' | 'ccb' | 'abc' | 'boc' | 'cmb' | 'bocom' | 'alipay';

/** Each bank's name as the keeper knows it, in the order the upload form offers them (served by GET /api/labels). */
export const BANK_NAMES: Readonly<Record<BankId, string>> = {
  icbc: '工商银行',
  ccb: '建设银行',
  abc: '农业银行',
  boc: '中国银行',
  cmb: '招商银行',
  bocom: '交通银行',
  alipay: '支付宝',
};
export type BankLayoutId =
  | 'icbc'
  | 'icbc-corporate'
  | 'ccb'
  | 'ccb-corporate'
  | 'abc'
  | 'boc'
  | 'cmb'
  | 'cmb-corporate'
  | 'bocom'
  | 'bocom-corporate'
  | 'alipay';

export interface BankLayout {
  id: BankLayoutId;
  bank: BankId;
  name: string;
  /** Every group must be present (any one alias of it) for a header row to be this layout. */
  signature: string[][];
  /** Aliases per field, best first. `note` joins every listed column present; other fields take the first found. */
  columns: Partial<Record<StatementField, string[]>>;
}

const SERIAL = ['交易流水号', '流水号', '业务流水号', '凭证号'];

export const BANK_LAYOUTS: readonly BankLayout[] = [
  {
    id: 'icbc',
    bank: 'icbc',
    name: '工商银行 明细查询文件',
    signature: [['交易日期'], ['记账金额(收入)', '交易金额(收入)'], ['对方户名']],
    columns: {
      // 交易金额 is '-' for foreign-currency or card rows where only the booked (记账) amount is filled in.
      date: ['交易日期'],
      time: ['交易时间'],
      credit: ['记账金额(收入)', '交易金额(收入)'],
      debit: ['记账金额(支出)', '交易金额(支出)'],
      counterpartyName: ['对方户名'],
      counterpartyAccount: ['对方账户', '对方账号'],
      note: ['摘要', '交易详情', '附言', '用途'],
      balance: ['余额'],
      serial: SERIAL,
    },
  },
  {
    id: 'icbc-corporate',
    bank: 'icbc',
    name: '工商银行 企业网银明细',
    signature: [['借方发生额'], ['贷方发生额'], ['对方单位名称', '对方单位']],
    columns: {
      date: ['交易时间', '交易日期'],
      credit: ['贷方发生额'],
      debit: ['借方发生额'],
      counterpartyName: ['对方单位名称', '对方单位'],
      counterpartyAccount: ['对方账号'],
      note: ['摘要', '用途', '附言', '个性化信息'],
      balance: ['余额'],
      serial: ['凭证号', '交易流水号'],
    },
  },
  {
    id: 'ccb',
    bank: 'ccb',
    name: '建设银行 个人活期账户交易明细',
    signature: [['交易日期'], ['交易金额'], ['账户余额'], ['币别'], ['钞汇']],
    columns: {
      date: ['交易日期'],
      time: ['交易时间'],
      amount: ['交易金额'],
      balance: ['账户余额'],
      counterparty: ['对方账号与户名'],
      counterpartyName: ['对方户名', '户名'],
      counterpartyAccount: ['对方账号'],
      note: ['摘要', '交易地点/附言', '交易地点', '附言'],
      serial: SERIAL,
    },
  },
  {
    id: 'ccb-corporate',
    bank: 'ccb',
    name: '建设银行 企业账户明细',
    signature: [['借方发生额(支取)'], ['贷方发生额(收入)']],
    columns: {
      date: ['交易时间', '交易日期', '记账日期'],
      credit: ['贷方发生额(收入)'],
      debit: ['借方发生额(支取)'],
      balance: ['余额', '账户余额'],
      counterpartyName: ['对方户名'],
      counterpartyAccount: ['对方账号'],
      note: ['摘要', '备注', '用途'],
      serial: ['账户明细编号-交易流水号', '交易流水号', '凭证号'],
    },
  },
  {
    id: 'abc',
    bank: 'abc',
    name: '农业银行 活期明细',
    signature: [['交易日期'], ['交易金额'], ['本次余额'], ['对手信息']],
    columns: {
      date: ['交易日期'],
      time: ['交易时间'],
      amount: ['交易金额'],
      balance: ['本次余额'],
      counterparty: ['对手信息'],
      note: ['交易摘要', '交易附言', '摘要', '附言'],
      serial: ['日志号', ...SERIAL],
    },
  },
  {
    id: 'boc',
    bank: 'boc',
    name: '中国银行 交易流水明细',
    signature: [['记账日期'], ['金额'], ['对方账户名']],
    columns: {
      date: ['记账日期'],
      time: ['记账时间'],
      amount: ['金额'],
      balance: ['余额'],
      counterpartyName: ['对方账户名'],
      counterpartyAccount: ['对方卡号/账号', '对方账号'],
      note: ['交易名称', '附言', '用途'],
      serial: SERIAL,
    },
  },
  {
    id: 'cmb',
    bank: 'cmb',
    name: '招商银行 个人账户交易明细',
    signature: [['记账日期', '交易日期'], ['交易金额'], ['联机余额']],
    columns: {
      date: ['记账日期', '交易日期'],
      time: ['交易时间'],
      amount: ['交易金额'],
      balance: ['联机余额'],
      counterparty: ['对手信息'],
      note: ['交易摘要', '客户摘要', '交易备注'],
      serial: SERIAL,
    },
  },
  {
    id: 'cmb-corporate',
    bank: 'cmb',
    name: '招商银行 企业账户交易明细',
    signature: [['交易日'], ['借方金额'], ['贷方金额'], ['收/付方名称', '收(付)方名称']],
    columns: {
      date: ['交易日'],
      time: ['交易时间'],
      credit: ['贷方金额'],
      debit: ['借方金额'],
      balance: ['余额'],
      counterpartyName: ['收/付方名称', '收(付)方名称'],
      counterpartyAccount: ['收/付方帐号', '收/付方账号', '收(付)方账号'],
      note: ['摘要', '用途', '业务摘要', '其它摘要'],
      serial: ['流水号', '业务参考号'],
    },
  },
  {
    id: 'bocom',
    bank: 'bocom',
    name: '交通银行 账户交易明细',
    signature: [['交易日期'], ['借贷', '借贷标志'], ['交易金额'], ['对方户名']],
    columns: {
      date: ['交易日期'],
      time: ['交易时间'],
      amount: ['交易金额'],
      direction: ['借贷', '借贷标志'],
      balance: ['余额', '账户余额'],
      counterpartyName: ['对方户名'],
      counterpartyAccount: ['对方账号'],
      note: ['摘要', '附言', '用途'],
      serial: SERIAL,
    },
  },
  {
    id: 'bocom-corporate',
    bank: 'bocom',
    name: '交通银行 企业账户明细',
    signature: [['借方发生额(支出)'], ['贷方发生额(收入)']],
    columns: {
      date: ['交易时间', '交易日期'],
      credit: ['贷方发生额(收入)'],
      debit: ['借方发生额(支出)'],
      balance: ['余额', '账户余额'],
      counterpartyName: ['对方户名'],
      counterpartyAccount: ['对方账号'],
      note: ['摘要', '附言', '用途'],
      serial: SERIAL,
    },
  },
  {
    id: 'alipay',
    bank: 'alipay',
    name: '支付宝 账务明细',
    signature: [['账务流水号'], ['收入金额(+元)', '收入(+元)']],
    columns: {
      // 对方账号 reads "陈晶 (someone@example.com)": name and account in one cell.
      date: ['发生时间', '入账时间', '交易日期', '交易时间'],
      time: ['交易时间'],
      credit: ['收入金额(+元)', '收入(+元)'],
      debit: ['支出金额(-元)', '支出(-元)'],
      balance: ['账户余额(元)'],
      counterparty: ['对方账号'],
      counterpartyName: ['对方名称', '交易对方'],
      note: ['备注', '商品名称'],
      serial: ['账务流水号', '业务流水号'],
    },
  },
];

/** '收入金额（+元）\t' and '收入金额(+元)' are the same header; so are '日 志 号' and '日志号'. */
export function normalizeHeader(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '').toLowerCase();
}

function hasGroup(headers: Set<string>, group: string[]): boolean {
  return group.some((alias) => headers.has(normalizeHeader(alias)));
}

/** The most specific layout whose signature the header row carries, or null. */
export function detectLayout(
  headers: readonly string[],
  among: readonly BankLayout[] = BANK_LAYOUTS,
): BankLayout | null {
  const set = new Set(headers.map((h) => normalizeHeader(h)).filter((h) => h !== ''));
  let best: BankLayout | null = null;
  let bestScore = -1;
  for (const layout of among) {
    if (!layout.signature.every((g) => hasGroup(set, g))) continue;
    const found = Object.values(layout.columns)
      .flat()
      .filter((a) => set.has(normalizeHeader(a))).length;
    const score = layout.signature.length * 100 + found;
    if (score > bestScore) {
      best = layout;
      bestScore = score;
    }
  }
  return best;
}

/** Layouts to try: all, or the ones of the bank (or the one layout) the keeper named. */
export function layoutsFor(bank?: string): readonly BankLayout[] {
  if (!bank) return BANK_LAYOUTS;
  return BANK_LAYOUTS.filter((l) => l.id === bank || l.bank === bank);
}

export function describeExpectedHeaders(among: readonly BankLayout[] = BANK_LAYOUTS): string {
  return among.map((l) => `${l.name}: ${l.signature.map((g) => g.join('/')).join(', ')}`).join('; ');
}
