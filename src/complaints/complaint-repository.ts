/** The only code that stores complaints: read one, all, add one, and change one atomically. */
import type { Store } from '../storage/index.js';
import type { Complaint } from './complaint.js';

export const COMPLAINTS = 'complaints';

export function createComplaintRepository(store: Store) {
  return {
    get: (id: string) => store.get<Complaint>(COMPLAINTS, id),
    all: () => store.all<Complaint>(COMPLAINTS),
    add: (c: Complaint) => store.transact((tx) => tx.put(COMPLAINTS, c.id, c)),
    /**
     * Reads the stored complaint and writes what `change` returns, in one transaction, so two staff recording
     * the same step at once keep the first record. `change` gets undefined for an unknown id.
     */
    update: (id: string, change: (c: Complaint | undefined) => Complaint) =>
      store.transact((tx) => {
        const before = tx.get<Complaint>(COMPLAINTS, id);
        const after = change(before);
        if (after !== before) tx.put(COMPLAINTS, id, after);
        return after;
      }),
  };
}

export type ComplaintRepository = ReturnType<typeof createComplaintRepository>;
