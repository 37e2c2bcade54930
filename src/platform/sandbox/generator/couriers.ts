import type { SandboxParcelFate } from '../../../logistics/index.js';
import { weightedTable, type Rng } from './prng.js';

/** Couriers the shop ships with: kuaidi100 code, the name the platform shows, share of parcels, waybill format. */
interface Courier {
  code: string;
  name: string;
  weight: number;
  waybill: (rng: Rng) => string;
}

export const COURIERS: readonly Courier[] = [
  { code: 'zhongtong', name: '中通快递', weight: 25, waybill: (r) => `78${r.digits(12)}` },
  { code: 'yuantong', name: '圆通速递', weight: 20, waybill: (r) => `YT${r.int(1, 9)}${r.digits(12)}` },
  { code: 'yunda', name: '韵达快递', weight: 15, waybill: (r) => `43${r.digits(11)}` },
  { code: 'shentong', name: '申通快递', weight: 9, waybill: (r) => `77${r.digits(13)}` },
  { code: 'jtexpress', name: '极兔速递', weight: 9, waybill: (r) => `JT${r.int(1, 9)}${r.digits(12)}` },
  { code: 'shunfeng', name: '顺丰速运', weight: 12, waybill: (r) => `SF${r.int(1, 9)}${r.digits(12)}` },
  { code: 'youzhengguonei', name: '邮政快递包裹', weight: 4, waybill: (r) => `98${r.digits(11)}` },
  { code: 'ems', name: 'EMS', weight: 2, waybill: (r) => `11${r.digits(11)}` },
  { code: 'jd', name: '京东快递', weight: 2, waybill: (r) => `JDV${r.pick(['A', 'B', 'C', 'E'])}${r.digits(11)}` },
  { code: 'debangwuliu', name: '德邦快递', weight: 2, waybill: (r) => `DPK${r.int(1, 9)}${r.digits(11)}` },
];

const BY_CODE = new Map(COURIERS.map((c) => [c.code, c]));
const pickWeighted = weightedTable(COURIERS.map((c) => [c, c.weight] as const));
const pickFateOf = weightedTable<SandboxParcelFate>([
  ['normal', 86], ['stuck', 4], ['returning', 2], ['refused', 2], ['locker', 5], ['misdelivered', 1],
]);

export function courierName(code: string): string {
  return BY_CODE.get(code)?.name ?? code;
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
