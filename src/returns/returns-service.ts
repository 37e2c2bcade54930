/** The returns as people and the handover see them: each with where it stands, and the people's actions on it. */
import type { Clock } from '../shared/time.js';
import type { ReturnActions } from './return-actions.js';
import { RETURN_STATE_LABELS } from './return-labels.js';
import type { ReturnRepository } from './return-repository.js';
import type { ReturnSync } from './return-sync.js';
import { lastMovedAt, returnState, STUCK_AFTER_MS, type ReturnRecord, type ReturnState } from './return.js';
import type { StuckReturnItem } from '../handover/index.js';

export interface ReturnView extends ReturnRecord {
  state: ReturnState;
  /** When it last moved (+08:00), for the states where the buyer or the courier must act. */
  movedAt: string | null;
  /** Not moving for three days: an open item of the handover. */
  stuck: boolean;
}

/** A return that has not moved for three days, in the shape the handover's port reads. */
export type StuckReturn = StuckReturnItem;

const OPEN: ReadonlySet<ReturnState> = new Set([
  'awaiting_parcel',
  'in_transit',
  'returned',
  'awaiting_refund',
  'awaiting_exchange',
]);

export function createReturnsService(deps: {
  repo: ReturnRepository;
  sync: ReturnSync;
  actions: ReturnActions;
  clock: Clock;
}) {
  const { repo, sync, actions, clock } = deps;

  function view(r: ReturnRecord): ReturnView {
    const movedAt = lastMovedAt(r);
    return {
      ...r,
      state: returnState(r),
      movedAt,
      stuck: movedAt !== null && clock.now() - Date.parse(movedAt) >= STUCK_AFTER_MS,
    };
  }

  const service = {
    /** `open`: every return not yet settled; `all`; or one state. */
    list: (state: ReturnState | 'open' | 'all' = 'open') =>
      repo
        .all()
        .map(view)
        .filter((v) => state === 'all' || (state === 'open' ? OPEN.has(v.state) : v.state === state)),
    get: (id: string) => view(actions.find(id)),
    async confirmReceipt(...args: Parameters<typeof actions.confirmReceipt>) {
      const { ret, already } = await actions.confirmReceipt(...args);
      return { return: view(ret), already };
    },
    setPurpose: async (...args: Parameters<typeof actions.setPurpose>) => view(await actions.setPurpose(...args)),
    async shipExchange(...args: Parameters<typeof actions.shipExchange>) {
      const { ret, already, remark } = await actions.shipExchange(...args);
      return { return: view(ret), already, remark: remark ?? null };
    },
    /** One sync run now (the job's work). */
    sync: () => sync.run(),
    /** The platform's refunds read now, parcels left to the job (a pushed refund message). */
    syncRefunds: () => sync.refresh(),
    /** Returns not moving for three days, for the handover's open items. */
    stuck: (): StuckReturn[] =>
      service
        .list('open')
        .filter((v) => v.stuck)
        .map((v) => ({
          id: v.id,
          tid: v.tid,
          buyerNick: v.buyerNick,
          since: v.movedAt!,
          title: `退货超过3天没有动静（${RETURN_STATE_LABELS[v.state]}）：${v.title}`,
          detail: v.parcel
            ? `${v.companyName} ${v.parcel.waybill}${v.parcel.lastEvent ? `，最后：${v.parcel.lastEvent.description}` : ''}`
            : `退款原因：${v.reason}`,
        })),
  };

  return service;
}

export type ReturnsService = ReturnType<typeof createReturnsService>;
