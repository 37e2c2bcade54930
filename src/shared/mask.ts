/**
 * Personal data never reaches a log line or a report unmasked. These functions mask known fields;
 * `maskText` finds phones, ID numbers, bank cards and e-mail accounts inside free text.
 */
import { ownEntry } from './own-entry.js';

export function maskPhone(phone: string): string {
  const abroad = maskPhoneAbroad(phone);
  if (abroad) return abroad;
  const digits = phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 7) return `${digits.slice(0, 2)}****${digits.slice(-2)}`;
  return digits.length ? '****' : '';
}

/**
 * A number abroad written with its country code keeps that code and its last 4 digits (2 when short):
 * +81 9012345678 → +81 ****5678. Cut like a mainland mobile it would read as one (819****5678), and the staff would
 * not know the buyer is abroad. Undefined for a mainland number, +86 included.
 */
export function maskPhoneAbroad(phone: string): string | undefined {
  const abroad = /^\s*\+(\d{1,3})[\s-]+(\d[\d\s-]*)$/.exec(phone);
  if (!abroad || abroad[1] === '86') return undefined;
  const rest = abroad[2]!.replace(/\D/g, '');
  return `+${abroad[1]} ****${rest.slice(rest.length >= 9 ? -4 : -2)}`;
}

/**
 * The last four digits of a phone as the platform shows it (138****5678, 0571-****6666) or in full: what Kuaidi100's
 * `phone` check needs for SF and ZTO, and all the mask leaves to compare. Undefined when fewer than four show.
 */
export function phoneLastFour(phone: string | null | undefined): string | undefined {
  if (!phone) return undefined;
  const visible = phone.slice(phone.lastIndexOf('*') + 1).replace(/\D/g, '');
  return visible.length >= 4 ? visible.slice(-4) : undefined;
}

/** 张三丰 → 张** ; keeps the family name only. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** Keeps province/city/district, hides the street and number. */
export function maskAddress(address: string): string {
  const chars = [...address];
  if (chars.length <= 6) return '******';
  return chars.slice(0, 6).join('') + '******';
}

/** A value the platform already masked (138****5678, 王*) stays as it came: masking it again would lose its tail. */
export const maskOnce = (v: string, mask: (v: string) => string): string => (!v || v.includes('*') ? v : mask(v));

/**
 * A receiver masked the way the platform hands receivers out since OAID (issue 18): the name's first character then
 * one `*`, a mobile as 138****5678, a landline as 0571-****6666, the detailed address as the district (else the city)
 * then `****`. For receivers stored in plain text before (store migration 4) and the pages that show a stored
 * receiver (order, buyer); a value already masked is kept. The sandbox, being the platform, masks with its own.
 */
export function maskAsPlatform<
  R extends { name: string; mobile: string; phone: string; city: string; district: string; address: string },
>(r: R): R {
  const phone = (p: string) => {
    const landline = /^(0\d{2,3})-?(\d{7,8})$/.exec(p.trim());
    if (landline) return `${landline[1]}-****${landline[2]!.slice(-4)}`;
    const digits = p.replace(/\D/g, '');
    if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
    return digits.length >= 6 ? `${digits.slice(0, 2)}****${digits.slice(-2)}` : '****';
  };
  return {
    ...r,
    name: maskOnce(r.name, (n) => `${[...n.trim()][0] ?? ''}*`),
    mobile: maskOnce(r.mobile, phone),
    phone: maskOnce(r.phone, phone),
    address: maskOnce(r.address, () => `${r.district || r.city}****`),
  };
}

/** 18-digit resident ID → first 3 and last 2 kept. */
export function maskIdNumber(id: string): string {
  return id.length >= 15 ? `${id.slice(0, 3)}*************${id.slice(-2)}` : '****';
}

/** Bank card or Alipay account (phone or e-mail). */
export function maskAccount(account: string): string {
  const a = account.trim();
  if (a.includes('@')) {
    const [user, domain] = a.split('@') as [string, string];
    return `${user.slice(0, 2)}***@${domain}`;
  }
  const digits = a.replace(/\s/g, '');
  if (/^1\d{10}$/.test(digits)) return maskPhone(digits);
  if (digits.length >= 8) return `${digits.slice(0, 4)} **** **** ${digits.slice(-4)}`;
  return '****';
}

const ID_NUMBER = /(?<!\d)\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/g;
const BANK_CARD = /(?<!\d)(?:\d{4}[ -]?){3,4}\d{1,7}(?!\d)/g;

/** Card numbers carry a Luhn check digit; most other long numbers (order ids) do not. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
// Mobiles as people write them: 13812345678, 138-1234-5678, 138 1234 5678, +86 138…; and landlines 0571-88886666.
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

export function maskText(text: string): string {
  return text
    .replace(ID_NUMBER, (m) => maskIdNumber(m))
    .replace(MOBILE, (m) => maskPhone(m))
    .replace(LANDLINE, (m) => maskPhone(m))
    .replace(BANK_CARD, (m) => {
      const digits = m.replace(/\D/g, '');
      return digits.length >= 15 && digits.length <= 19 && luhnValid(digits) ? maskAccount(m) : m;
    })
    .replace(EMAIL, (m) => maskAccount(m));
}

/** Field names whose values are personal data, masked whole whatever they contain. */
const FIELD_MASKS: Record<string, (v: string) => string> = {
  mobile: maskPhone,
  phone: maskPhone,
  receiverMobile: maskPhone,
  receiver_mobile: maskPhone,
  receiver_phone: maskPhone,
  address: maskAddress,
  receiverAddress: maskAddress,
  receiver_address: maskAddress,
  name: maskName,
  realName: maskName,
  receiverName: maskName,
  receiver_name: maskName,
  payerName: maskName,
  buyerName: maskName,
  // A decrypted detailed address (the port's DecryptedReceiver, taobao.top.oaid.decrypt's answer): nothing of it.
  addressDetail: () => '****',
  address_detail: () => '****',
  account: maskAccount,
  alipayAccount: maskAccount,
  bankAccount: maskAccount,
  counterpartyAccount: maskAccount,
  idNumber: maskIdNumber,
  idCard: maskIdNumber,
};

/** Identifiers that look like numbers but are not personal: never masked, or logs lose their use. */
const NOT_PERSONAL = new Set([
  'tid',
  'oid',
  'tids',
  'waybill',
  'invoiceNo',
  'company',
  'kind',
  'id',
  'requestId',
  'request_id',
  'entryId',
  'job',
]);

const MOBILE_NUMBER = /^1[3-9]\d{9}$/;

/** Deep copy of a value with personal fields and free-text personal data masked. */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[…]';
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  if (value && typeof value === 'object') {
    if (value instanceof Error)
      return {
        type: value.name,
        message: maskText(value.message),
        stack: value.stack ? maskText(value.stack) : undefined,
      };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (NOT_PERSONAL.has(k) && (typeof v === 'string' || typeof v === 'number')) {
        out[k] = v;
        continue;
      }
      const fieldMask = ownEntry(FIELD_MASKS, k);
      out[k] = fieldMask && typeof v === 'string' ? fieldMask(v) : maskDeep(v, depth + 1);
    }
    return out;
  }
  // A mobile held as a number (an import that parsed a column as numeric) is still a mobile.
  if (typeof value === 'number' && Number.isInteger(value) && MOBILE_NUMBER.test(String(value)))
    return maskText(String(value));
  return value;
}
