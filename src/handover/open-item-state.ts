/**
 * What people did to an open item, whatever stores the item itself: its owner when reassigned by hand or taken
 * over at a handover, a snooze, notes, and done (who, when, with what note). Keyed by the item's key. A done
 * item stays closed while it says the same thing (its title): a complaint that moves to its next step comes back.
 */
import type { Store } from '../storage/index.js';
import type { OpenItemKind } from './open-item.js';

export const OPEN_ITEM_STATES = 'open-item-states';

export type OpenItemAction = 'done' | 'reassign' | 'snooze' | 'note' | 'handover';

export interface OpenItemEvent {
  action: OpenItemAction;
  by: string;
  byName: string;
  at: string;
  note: string;
  /** reassign/handover: from whom to whom. */
  from?: string;
  to?: string;
  /** snooze: until when (+08:00). */
  until?: string;
}

export interface DoneMark {
  by: string;
  byName: string;
  at: string;
  note: string;
  /** What the item said when it was closed, so the report can list it under 本班已完成. */
  kind: OpenItemKind;
  title: string;
  tid: string | null;
}

export interface OpenItemState {
  key: string;
  /** Set by a reassignment or a handover; wins over the rule table. */
  owner: string | null;
  snoozedUntil: string | null;
  done: DoneMark | null;
  events: OpenItemEvent[];
}

const blank = (key: string): OpenItemState => ({ key, owner: null, snoozedUntil: null, done: null, events: [] });

export function createOpenItemStates(store: Store) {
  return {
    get: (key: string) => store.get<OpenItemState>(OPEN_ITEM_STATES, key),
    all: () => store.all<OpenItemState>(OPEN_ITEM_STATES),
    /** One change to one item, with its event, in a transaction. */
    update: (key: string, change: (s: OpenItemState) => Partial<OpenItemState>, event: OpenItemEvent) =>
      store.transact((tx) => {
        const prev = tx.get<OpenItemState>(OPEN_ITEM_STATES, key) ?? blank(key);
        const next: OpenItemState = { ...prev, ...change(prev), events: [...prev.events, event] };
        tx.put(OPEN_ITEM_STATES, key, next);
        return next;
      }),
    /** Many owner changes at once (the next shift taking over), all or none. */
    reassignMany: (changes: { key: string; to: string; event: OpenItemEvent }[]) =>
      store.transact((tx) => {
        for (const c of changes) {
          const prev = tx.get<OpenItemState>(OPEN_ITEM_STATES, c.key) ?? blank(c.key);
          tx.put(OPEN_ITEM_STATES, c.key, { ...prev, owner: c.to, events: [...prev.events, c.event] });
        }
      }),
  };
}

export type OpenItemStates = ReturnType<typeof createOpenItemStates>;
