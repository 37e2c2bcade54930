import { maskPhoneAbroad } from '../../shared/mask.js';
import type { SandboxAddress } from './types.js';

/**
 * The platform's masking of a receiver, as the trade APIs hand it out since OAID: only the family name's first
 * character, the mobile's first 3 and last 4 digits, the address down to the district. The sandbox masks on the way
 * out; its own records stay plain (it is the platform).
 */

/** 张三丰 → 张* : one `*` whatever the length, so the mask tells neither the given name nor how long it is. */
export function maskReceiverName(name: string): string {
  const first = [...name.trim()][0];
  return first === undefined ? '' : `${first}*`;
}

/**
 * 13812345678 → 138****5678; a shorter number keeps its first 2 and last 2 digits, a landline (0571-88886666) its
 * area code and last 4 digits. A number abroad keeps its country code: +81 ****5678.
 */
export function maskReceiverPhone(phone: string): string {
  const p = phone.trim();
  if (!p) return '';
  const abroad = maskPhoneAbroad(p);
  if (abroad) return abroad;
  const landline = /^(0\d{2,3})-?(\d{7,8})$/.exec(p);
  if (landline) return `${landline[1]}-****${landline[2]!.slice(-4)}`;
  const digits = p.replace(/\D/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 6) return `${digits.slice(0, 2)}****${digits.slice(-2)}`;
  return '****';
}

/**
 * The detailed address (street, number, building, room) becomes the district followed by `****`: 西湖区****.
 * Where a place has no district (abroad, some prefecture cities) the city stands in for it. The state, city, district
 * and town fields are not personal enough to mask and stay plain, as the platform sends them.
 */
export function maskReceiverAddress(a: Pick<SandboxAddress, 'city' | 'district'>): string {
  return `${a.district || a.city}****`;
}
