import { shanghaiParts, DAY } from '../../../shared/time.js';
import type { SandboxBuyer } from '../types.js';
import { DISTRICTS, OVERSEAS, domesticAddress, domesticMobile, overseasAddress, overseasMobile } from './geo.js';
import { makeIdNumber } from './id-number.js';
import { chineseName, taobaoNick } from './names.js';
import type { Rng } from './prng.js';

const p2 = (n: number) => String(n).padStart(2, '0');

/**
 * A few hundred (or more, for big shops) buyers. Some have a birthday in the profile, some an ID
 * number (same birth date when both), a few live overseas; a handful have their birthday on the
 * shop's "today" so the birthday greeting has someone to greet.
 */
export function generateBuyers(rng: Rng, count: number, now: number): SandboxBuyer[] {
  const today = shanghaiParts(now);
  const nicks = new Set<string>();
  const buyers: SandboxBuyer[] = [];
  for (let idx = 0; idx < count; idx++) {
    const female = rng.chance(0.72);
    const year = rng.int(1968, 2005);
    const birthdayToday = idx % 97 === 5;
    const month = birthdayToday ? today.month : rng.int(1, 12);
    const day = birthdayToday ? today.day : rng.int(1, 28);
    let nick = taobaoNick(rng, year);
    while (nicks.has(nick)) nick += rng.int(0, 9);
    nicks.add(nick);
    const overseas = rng.chance(0.04);
    const o = rng.pick(OVERSEAS);
    const d = rng.pick(DISTRICTS);
    const addresses = overseas
      ? [overseasAddress(rng, o)]
      : [domesticAddress(rng, d), ...(rng.chance(0.25) ? [domesticAddress(rng, rng.pick(DISTRICTS))] : [])];
    const hasId = !overseas && (birthdayToday || rng.chance(0.18));
    const seq = rng.int(0, 499) * 2 + (female ? 0 : 1);
    buyers.push({
      idx,
      nick,
      name: chineseName(rng, female),
      mobile: overseas ? overseasMobile(rng, o) : domesticMobile(rng),
      birthday: birthdayToday || rng.chance(0.3) ? `${year}-${p2(month)}-${p2(day)}` : null,
      idNumber: hasId ? makeIdNumber(d.code, `${year}${p2(month)}${p2(day)}`, seq) : null,
      overseas,
      addresses,
    });
  }
  return buyers;
}

/** Repeat customers are common: low indexes buy more often. */
export function pickBuyer(rng: Rng, count: number): number {
  return Math.min(count - 1, Math.floor(count * Math.pow(rng.next(), 1.6)));
}

export const SHOP_DAYS = 90;
export const SHOP_SPAN = SHOP_DAYS * DAY;
