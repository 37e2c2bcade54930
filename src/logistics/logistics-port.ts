/** Normalized parcel states, whatever courier or tracking service reported them. */
export const PARCEL_STATES = [
  'collected',
  'in_transit',
  'dispatching',
  'signed',
  'problem',
  'returning',
  'returned',
  'refused',
  'customs',
  'unknown',
] as const;
export type ParcelState = (typeof PARCEL_STATES)[number];

/**
 * What staff and buyers read for each state (the order page via GET /api/labels, a message's
 * parcel.stateText, a stuck parcel's follow-up): the only copy.
 */
export const PARCEL_STATE_LABELS: Readonly<Record<ParcelState, string>> = {
  collected: '已揽收',
  in_transit: '运输中',
  dispatching: '派件中',
  signed: '已签收',
  problem: '疑难',
  returning: '退回中',
  returned: '已退回',
  refused: '拒签',
  customs: '清关',
  unknown: '未知',
};

/** States after which a parcel is not polled again. */
export const FINAL_PARCEL_STATES: readonly ParcelState[] = ['signed', 'returned', 'refused'];

export interface TrackingEvent {
  /** +08:00 instant */
  at: string;
  description: string;
  location: string;
  state: ParcelState;
}

export interface TrackingResult {
  /**
   * kuaidi100-style company code: shunfeng, yuantong, zhongtong, yunda, shentong, jtexpress, ems, youzhengguonei, jd,
   * debangwuliu
   */
  company: string;
  waybill: string;
  state: ParcelState;
  /**
   * Problem sub-state where the service gives one, e.g. '201' (overdue), '202' (no updates), '205' (waiting at a
   * locker).
   */
  subState: string | null;
  /** Newest first. */
  events: TrackingEvent[];
  /** When the tracking service was asked (+08:00 instant). */
  checkedAt: string;
}

export interface LogisticsTracker {
  readonly kind: 'kuaidi100' | 'sandbox';
  /**
   * Tracks one waybill. `phone` is the receiver's or sender's phone; its last four digits are
   * sent where the courier requires them (SF, ZTO). Unknown waybills resolve with state 'unknown'.
   */
  track(company: string, waybill: string, phone?: string): Promise<TrackingResult>;
}
