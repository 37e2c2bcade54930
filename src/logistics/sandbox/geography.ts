/**
 * The sandbox courier's small world: sorting hubs, couriers, lockers, and a seeded random source so a
 * parcel's journey is the same every time it is computed (the same waybill always travels the same way).
 */
import { createRng, type Rng } from '../../shared/prng.js';

export interface Hub {
  city: string;
  hub: string;
}

export const HUBS: readonly Hub[] = [
  { city: '上海市', hub: '上海转运中心' },
  { city: '杭州市', hub: '杭州转运中心' },
  { city: '南京市', hub: '南京转运中心' },
  { city: '武汉市', hub: '武汉转运中心' },
  { city: '郑州市', hub: '郑州转运中心' },
  { city: '广州市', hub: '广州转运中心' },
  { city: '成都市', hub: '成都转运中心' },
  { city: '西安市', hub: '西安转运中心' },
  { city: '北京市', hub: '北京转运中心' },
  { city: '长沙市', hub: '长沙转运中心' },
  { city: '济南市', hub: '济南转运中心' },
  { city: '沈阳市', hub: '沈阳转运中心' },
];

const FAMILY = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙'];
const GIVEN = ['伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平'];
const LOCKERS = ['丰巢智能柜', '菜鸟驿站', '兔喜生活快递超市', '妈妈驿站'];
const MOBILE_PREFIXES = ['135', '136', '137', '138', '139', '150', '151', '158', '186', '188'];

export type { Rng };

/** The shared PRNG seeded with FNV-1a of the text: a waybill always tells the same journey. */
export function seededRng(seedText: string): Rng {
  let h = 0x811c9dc5;
  for (let i = 0; i < seedText.length; i++) {
    h ^= seedText.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return createRng(h >>> 0);
}

export function courierPerson(rng: Rng): { name: string; mobile: string } {
  const name = rng.pick(FAMILY) + rng.pick(GIVEN);
  const mobile = rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
  return { name, mobile };
}

export function locker(rng: Rng): string {
  return rng.pick(LOCKERS);
}

/** 1–3 hubs in a fixed random order, none in the sender's or the receiver's city. */
export function route(rng: Rng, senderCity: string, receiverCity: string): Hub[] {
  const candidates = HUBS.filter((h) => h.city !== senderCity && h.city !== receiverCity);
  const count = rng.int(1, 3);
  const chosen: Hub[] = [];
  while (chosen.length < count) {
    const h = rng.pick(candidates);
    if (!chosen.includes(h)) chosen.push(h);
  }
  return chosen;
}
