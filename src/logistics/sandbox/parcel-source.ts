import type { TimeWindow } from '../../shared/time.js';

/** How a sandbox parcel's journey goes; decided by the sandbox shop when it ships the parcel. */
export type SandboxParcelFate = 'normal' | 'stuck' | 'returning' | 'refused' | 'locker' | 'misdelivered';

/** What the sandbox courier tracker needs to know about a waybill the sandbox shop shipped. */
export interface SandboxParcel {
  /** kuaidi100 company code (shunfeng, yuantong, ...) */
  company: string;
  waybill: string;
  tid: string;
  /** epoch ms when the shop handed the parcel to the courier */
  consignedAt: number;
  fate: SandboxParcelFate;
  senderCity: string;
  receiverState: string;
  receiverCity: string;
  receiverDistrict: string;
  receiverMobile: string;
  /** The sender's phone, when the sender is a buyer sending goods back: kuaidi100 takes either party's tail. */
  senderMobile?: string;
}

/** Implemented by the sandbox shop; read by the sandbox courier tracker, so both tell the same story. */
export interface SandboxParcelSource {
  findParcel(waybill: string): SandboxParcel | undefined;
  /** Parcels consigned in the window (for tests and the benchmark). */
  parcels?(window?: TimeWindow): Iterable<SandboxParcel>;
}
