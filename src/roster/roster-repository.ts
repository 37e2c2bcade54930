/** The roster in the store: one document, replaced whole by the admin; the initial roster until then. */
import { toInstant, type Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import type { Roster, RosterRecord } from './roster.js';

export const ROSTER = 'roster';
const ID = 'current';

export function createRosterRepository(deps: { store: Store; clock: Clock; initial: Roster }) {
  const { store, clock } = deps;
  return {
    get: (): RosterRecord =>
      store.get<RosterRecord>(ROSTER, ID) ?? { ...deps.initial, updatedAt: null, updatedBy: null },
    save: (roster: Roster, by: string) =>
      store.transact((tx) => {
        const rec: RosterRecord = { ...roster, updatedAt: toInstant(clock.now()), updatedBy: by };
        tx.put(ROSTER, ID, rec);
        return rec;
      }),
  };
}

export type RosterRepository = ReturnType<typeof createRosterRepository>;
