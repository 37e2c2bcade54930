/**
 * The refund register line sent to the refund keeper and exported daily:
 * `{buyerNick} {account} {realName} {reason}{amount}元({staff})`,
 * e.g. `毛毛雨920402 xt.example@163.com 李莉莉 邮费15元(蕾)`. For a bank card the account is the bank's
 * short name followed by the card number in groups of four (`建行4367 4206 7255 0308 214`), as the
 * keeper copies it into the bank's transfer form.
 */
import { formatYuan } from '../../shared/money.js';
import { bankCardText } from '../../ledger/index.js';

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

export function formatRegisterLine(r: RegisterLineInput): string {
  const account = r.channel === 'bank' ? bankCardText(r.bankName ?? '', r.account) : r.account.trim();
  return `${r.buyerNick.trim()} ${account} ${r.realName.trim()} ${r.reason}${formatYuan(r.amountFen)}元(${r.staff})`;
}
