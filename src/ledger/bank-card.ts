/**
 * How the refund keeper writes a bank card: the bank's short name, then the card number in groups of four
 * (`建行4367 4206 7255 0308 214`), as she copies it into the bank's transfer form. The register line a remark
 * writes and the daily refund export both use it.
 */
import { ownEntry } from '../shared/own-entry.js';

/** Full names staff may type → the short names the keeper uses. Unknown names are kept as typed. */
const BANK_SHORT_NAMES: Readonly<Record<string, string>> = {
  中国工商银行: '工行',
  工商银行: '工行',
  中国建设银行: '建行',
  建设银行: '建行',
  中国农业银行: '农行',
  农业银行: '农行',
  中国银行: '中行',
  交通银行: '交行',
  招商银行: '招行',
  中国邮政储蓄银行: '邮储',
  邮政储蓄银行: '邮储',
  邮政银行: '邮储',
};

export function bankShortName(bankName: string): string {
  const name = bankName.trim();
  return ownEntry(BANK_SHORT_NAMES, name) ?? name;
}

export function groupCardNumber(card: string): string {
  return (card.replace(/\D/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

/** `建行` + `4367 4206 …`: the card as the keeper reads it. */
export function bankCardText(bankName: string, card: string): string {
  return `${bankShortName(bankName)}${groupCardNumber(card)}`;
}
