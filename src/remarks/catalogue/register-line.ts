/**
 * The refund register line sent to the refund keeper and exported daily:
 * `{buyerNick} {account} {realName} {reason}{amount}元({staff})`,
 * e.g. `毛毛雨920402 xt.example@163.com 李莉莉 邮费15元(蕾)`. For a bank card the account is the bank's
 * short name followed by the card number in groups of four (`建行4367 4206 7255 0308 214`), as the
 * keeper copies it into the bank's transfer form.
 */
import { formatYuan } from '../../shared/money.js';
import { ownEntry } from '../../shared/own-entry.js';

export interface RegisterLineInput {
  buyerNick: string;
  channel: 'alipay' | 'bank';
  account: string;
  realName: string;
  bankName?: string;
  reason: string;
  amountFen: number;
  staff: string;
}

/** Full names staff may type → the short names the keeper uses. Unknown names are kept as typed. */
const BANK_SHORT_NAMES: Readonly<Record<string, string>> = {
  中国工商银行: '工行', 工商银行: '工行',
  中国建设银行: '建行', 建设银行: '建行',
  中国农业银行: '农行', 农业银行: '农行',
  中国银行: '中行',
  交通银行: '交行',
  招商银行: '招行',
  中国邮政储蓄银行: '邮储', 邮政储蓄银行: '邮储', 邮政银行: '邮储',
};

export function bankShortName(bankName: string): string {
  const name = bankName.trim();
  return ownEntry(BANK_SHORT_NAMES, name) ?? name;
}

export function groupCardNumber(card: string): string {
  return (card.replace(/\D/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

export function formatRegisterLine(r: RegisterLineInput): string {
  const account = r.channel === 'bank' ? `${bankShortName(r.bankName ?? '')}${groupCardNumber(r.account)}` : r.account.trim();
  return `${r.buyerNick.trim()} ${account} ${r.realName.trim()} ${r.reason}${formatYuan(r.amountFen)}元(${r.staff})`;
}
