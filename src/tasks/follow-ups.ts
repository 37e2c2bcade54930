/**
 * Follow-ups the jobs open for people: a phone call about a bad review for the night shift, a stuck
 * or returning parcel for the staff who took the sale (or nobody yet). The id says what it is about,
 * so a job that runs twice never opens the same follow-up twice. Open ones appear in the handover.
 */
import type { User } from '../accounts/index.js';
import { NotFoundError } from '../shared/errors.js';
import { toInstant, type Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';

export const FOLLOW_UPS = 'follow-ups';

/** trade_close: an unpaid trade a remark said would be closed, which the platform did not close (for the writer). */
export type FollowUpKind = 'review_phone' | 'stuck_parcel' | 'transfer_chase' | 'trade_close';

export interface FollowUp {
  id: string;
  kind: FollowUpKind;
  tid: string | null;
  buyerNick: string;
  title: string;
  detail: string;
  /** Username, or null: whoever is on shift (the night shift for review calls). */
  owner: string | null;
  ownerName: string | null;
  shift: 'day' | 'night' | null;
  openedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  note: string | null;
}

export type NewFollowUp = Omit<FollowUp, 'openedAt' | 'closedAt' | 'closedBy' | 'note'>;

export function createFollowUps(deps: { store: Store; clock: Clock }) {
  const { store, clock } = deps;
  return {
    has: (id: string) => store.get<FollowUp>(FOLLOW_UPS, id) !== undefined,
    /** Opens it unless one with this id exists; returns [stored, created]. */
    open: (f: NewFollowUp) =>
      store.transact((tx): [FollowUp, boolean] => {
        const existing = tx.get<FollowUp>(FOLLOW_UPS, f.id);
        if (existing) return [existing, false];
        const doc: FollowUp = { ...f, openedAt: toInstant(clock.now()), closedAt: null, closedBy: null, note: null };
        tx.put(FOLLOW_UPS, f.id, doc);
        return [doc, true];
      }),
    close: (id: string, user: User, note?: string) =>
      store.transact((tx) => {
        const f = tx.get<FollowUp>(FOLLOW_UPS, id);
        if (!f)
          throw new NotFoundError({
            message: '没有找到这个跟进事项，请刷新后重试',
            code: 'follow_up_not_found',
            params: { id },
          });
        if (f.closedAt) return f;
        const closed: FollowUp = {
          ...f,
          closedAt: toInstant(clock.now()),
          closedBy: user.username,
          note: note?.trim() || null,
        };
        tx.put(FOLLOW_UPS, id, closed);
        return closed;
      }),
    /** Oldest first. */
    list(filter: { open?: boolean; kind?: FollowUpKind } = {}): FollowUp[] {
      const out: FollowUp[] = [];
      for (const f of store.all<FollowUp>(FOLLOW_UPS)) {
        if (filter.open && f.closedAt) continue;
        if (filter.kind && f.kind !== filter.kind) continue;
        out.push(f);
      }
      return out.sort((a, b) => (a.openedAt < b.openedAt ? -1 : a.openedAt > b.openedAt ? 1 : 0));
    },
  };
}

export type FollowUps = ReturnType<typeof createFollowUps>;

/** The transfers' chase (a claimed transfer not found in the bank after three days) as a follow-up for its staff. */
export function transferChaseOpener(followUps: FollowUps) {
  return {
    async open(task: {
      id: string;
      assignee: { username: string; displayName: string };
      subject: string;
      instructions: string;
      tid: string | null;
    }) {
      await followUps.open({
        id: task.id,
        kind: 'transfer_chase',
        tid: task.tid,
        buyerNick: '',
        title: task.subject,
        detail: task.instructions,
        owner: task.assignee.username,
        ownerName: task.assignee.displayName,
        shift: null,
      });
    },
  };
}
