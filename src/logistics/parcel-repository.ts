import type { Store } from '../storage/index.js';
import { type ParcelState, type TrackingEvent, type TrackingResult, FINAL_PARCEL_STATES } from './logistics-port.js';

/** What xiaoer knows of one waybill, refreshed by the logistics sync. */
export interface Parcel {
  company: string;
  waybill: string;
  tid: string;
  state: ParcelState;
  subState: string | null;
  events: TrackingEvent[];
  checkedAt: string | null;
  /** When xiaoer last asked the tracker (the per-waybill interval is measured from here). */
  polledAt: string | null;
  final: boolean;
}

export const PARCELS = 'parcels';

/**
 * A parcel signed for by someone else (kuaidi100 303 代签: a guard, a neighbour) may still turn out left at the
 * wrong door: the courier files 204 派件异常 up to a day or so later. So it is watched this long after the signing
 * before it counts as final; any other signing, a return or a refusal is final at once.
 */
export const PROXY_SIGNING_WATCH_MS = 2 * 86_400_000;
const PROXY_SIGNED = '303';

/** Whether the tracker need not be asked about this parcel again. */
export function isFinalParcel(
  result: Pick<TrackingResult, 'state' | 'subState' | 'events'>,
  polledAt: string,
): boolean {
  if (!FINAL_PARCEL_STATES.includes(result.state)) return false;
  if (result.state !== 'signed' || result.subState !== PROXY_SIGNED) return true;
  const signedAt = result.events[0]?.at;
  return !signedAt || Date.parse(polledAt) - Date.parse(signedAt) >= PROXY_SIGNING_WATCH_MS;
}

export const parcelId = (company: string, waybill: string) => `${company}:${waybill}`;

export interface ParcelRepository {
  get(company: string, waybill: string): Parcel | undefined;
  forOrder(tid: string): Parcel[];
  /** Every parcel, for the jobs that look for stuck ones. */
  all(): Iterable<Parcel>;
  save(tid: string, result: TrackingResult, polledAt: string): Promise<Parcel>;
  /**
   * Calls `listener` with each parcel saved, once the store answers it, and with each parcel another instance saved,
   * once this store has taken it in (the buyer search indexes waybills).
   */
  onSave(listener: (parcel: Parcel) => void): () => void;
}

export function createParcelRepository(store: Store): ParcelRepository {
  // tid → parcel ids, built on first use and kept current by `save` and by other instances' saves.
  let byTid: Map<string, Set<string>> | null = null;
  const listeners = new Set<(parcel: Parcel) => void>();
  const index = () => {
    if (!byTid) {
      byTid = new Map();
      for (const p of store.all<Parcel>(PARCELS)) add(p.tid, parcelId(p.company, p.waybill));
    }
    return byTid;
  };
  const add = (tid: string, id: string) => {
    const m = byTid!;
    if (!m.has(tid)) m.set(tid, new Set());
    m.get(tid)!.add(id);
  };
  const tell = (parcel: Parcel) => {
    for (const listener of listeners) {
      try {
        listener(parcel);
      } catch {
        // the parcel is saved; a listener that cannot follow rebuilds on its next read (buyers/search-index.ts)
      }
    }
  };
  // Several instances on one database: a parcel another instance saved joins this instance's tid index and reaches
  // the same listeners as one saved here (the buyer search's waybills), or an order would not show its parcel here.
  store.onExternalChange((changes) => {
    for (const c of changes) {
      if (c.collection !== PARCELS || c.after === undefined) continue;
      const parcel = c.after as Parcel;
      if (byTid) add(parcel.tid, c.id);
      tell(parcel);
    }
  });
  return {
    get: (company, waybill) => store.get<Parcel>(PARCELS, parcelId(company, waybill)),
    all: () => store.all<Parcel>(PARCELS),
    forOrder(tid) {
      return [...(index().get(tid) ?? [])].map((id) => store.get<Parcel>(PARCELS, id)).filter((p): p is Parcel => !!p);
    },
    async save(tid, result, polledAt) {
      const parcel: Parcel = {
        company: result.company,
        waybill: result.waybill,
        tid,
        state: result.state,
        subState: result.subState,
        events: result.events,
        checkedAt: result.checkedAt,
        polledAt,
        final: isFinalParcel(result, polledAt),
      };
      await store.transact((tx) => tx.put(PARCELS, parcelId(parcel.company, parcel.waybill), parcel));
      index();
      add(tid, parcelId(parcel.company, parcel.waybill));
      tell(parcel);
      return parcel;
    },
    onSave(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
