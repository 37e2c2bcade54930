/** The logistics feature's public entry: the port, the courier table and the two adapters. */
export {
  PARCEL_STATES,
  PARCEL_STATE_LABELS,
  FINAL_PARCEL_STATES,
  type ParcelState,
  type TrackingEvent,
  type TrackingResult,
  type LogisticsTracker,
} from './logistics-port.js';
export { COURIERS, courierCode, courierName, courierRequiresPhone, phoneTail, type Courier } from './couriers.js';
export { createKuaidi100Tracker, KUAIDI100_BASE_URL, type Kuaidi100TrackerOptions } from './kuaidi100/tracker.js';
export { kuaidi100Sign } from './kuaidi100/sign.js';
export { subStateNames } from './kuaidi100/state-map.js';
export { MIN_QUERY_INTERVAL_MS } from './kuaidi100/poll-interval.js';
export { createSandboxTracker } from './sandbox/sandbox-tracker.js';
export { createKuaidi100SandboxRouter, type SandboxCourierOptions } from './sandbox/kuaidi100-router.js';
export { SANDBOX_KUAIDI100 } from './sandbox/credentials.js';
export type { SandboxParcel, SandboxParcelFate, SandboxParcelSource } from './sandbox/parcel-source.js';
export { PARCELS, createParcelRepository } from './parcel-repository.js';
export type { Parcel, ParcelRepository } from './parcel-repository.js';
