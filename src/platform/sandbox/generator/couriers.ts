import { courierName as knownCourierName, type SandboxParcelFate } from '../../../logistics/index.js';
import { weightedTable, type Rng } from './prng.js';

/** Couriers the shop ships with: kuaidi100 code, share of parcels, waybill format (names are the logistics table's). */
interface Courier {
  code: string;
  weight: number;
  waybill: (rng: Rng) => string;
}

export const COURIERS: readonly Courier[] = [
  { code: 'zhongtong', weight: 25, waybill: (r) => `78${r.digits(12)}` },
  { code: 'yuantong', weight: 20, waybill: (r) => `YT${r.int(1, 9)}${r.digits(12)}` },
  { code: 'yunda', weight: 15, waybill: (r) => `43${r.digits(11)}` },
  { code: 'shentong', weight: 9, waybill: (r) => `77${r.digits(13)}` },
  { code: 'jtexpress', weight: 9, waybill: (r) => `JT${r.int(1, 9)}${r.digits(12)}` },
  { code: 'shunfeng', weight: 12, waybill: (r) => `SF${r.int(1, 9)}${r.digits(12)}` },
  { code: 'youzhengguonei', weight: 4, waybill: (r) => `98${r.digits(11)}` },
  { code: 'ems', weight: 2, waybill: (r) => `11${r.digits(11)}` },
  { code: 'jd', weight: 2, waybill: (r) => `JDV${r.pick(['A', 'B', 'C', 'E'])}${r.digits(11)}` },
  { code: 'debangwuliu', weight: 2, waybill: (r) => `DPK${r.int(1, 9)}${r.digits(11)}` },
];

const pickWeighted = weightedTable(COURIERS.map((c) => [c, c.weight] as const));
const pickFateOf = weightedTable<SandboxParcelFate>([
  ['normal', 86],
  ['stuck', 4],
  ['returning', 2],
  ['refused', 2],
  ['locker', 5],
  ['misdelivered', 1],
]);

/** The name the platform shows in logistics_company (Taobao writes the courier's Chinese name). */
export function courierName(code: string): string {
  return knownCourierName(code) ?? code;
}

/** Overseas parcels go by international EMS (EA123456789CN). */
export function pickCourier(rng: Rng, overseas: boolean): { company: string; waybill: string } {
  if (overseas) return { company: 'ems', waybill: `E${String.fromCharCode(65 + rng.int(0, 25))}${rng.digits(9)}CN` };
  const c = pickWeighted(rng);
  return { company: c.code, waybill: c.waybill(rng) };
}

/** Most parcels arrive; some get stuck, come back, are refused, wait in a locker or go to the wrong door. */
export function pickFate(rng: Rng): SandboxParcelFate {
  return pickFateOf(rng);
}
