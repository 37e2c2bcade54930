import type {
  SandboxParcel,
  SandboxParcelFate,
  SandboxParcelSource,
} from '../../../src/logistics/sandbox/parcel-source.js';
import { parseInstant } from '../../../src/shared/time.js';

/** 2026-11-20 10:00 in Shanghai: a Friday morning shipment. */
export const CONSIGNED_AT = parseInstant('2026-11-20T10:00:00+08:00');
export const RECEIVER_MOBILE = '13912345678';

export function parcel(fate: SandboxParcelFate, overrides: Partial<SandboxParcel> = {}): SandboxParcel {
  return {
    company: 'yuantong',
    waybill: `YT-${fate.toUpperCase()}-0001`,
    tid: `T-${fate}`,
    consignedAt: CONSIGNED_AT,
    fate,
    senderCity: '杭州市',
    receiverState: '广东省',
    receiverCity: '广州市',
    receiverDistrict: '天河区',
    receiverMobile: RECEIVER_MOBILE,
    ...overrides,
  };
}

/** A stand-in for the sandbox shop: parcels by waybill. */
export function fakeSource(parcels: SandboxParcel[]): SandboxParcelSource {
  const byWaybill = new Map(parcels.map((p) => [p.waybill, p]));
  return { findParcel: (waybill) => byWaybill.get(waybill) };
}
