import { BALANCE_LEDGER, type Movement } from '../ledger/index.js';
import { remarkKindTitle } from '../remarks/index.js';
import type { Migration } from '../storage/index.js';

/**
 * Every change of the stored shape, in order. lowdb never merges defaults into an existing file, so
 * a new field with a default, a renamed collection or a new index is a numbered step here.
 */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'initial schema: orders, parcels, sessions, sync checkpoint',
    up: () => undefined,
  },
  {
    version: 2,
    description: 'a balance debit made by a remark names its kind (扣除余额(改价)), not its id (price.balance)',
    // The keeper reads the reason on 余额与退款; debits written before the kind's name was stored showed the id.
    up: (tx, store) => {
      for (const ledger of store.all<{ buyerNick: string; movements: Movement[] }>(BALANCE_LEDGER)) {
        const named = (m: Movement) => (m.type === 'debit' ? { ...m, reason: remarkKindTitle(m.reason) } : m);
        if (ledger.movements.every((m) => named(m).reason === m.reason)) continue;
        tx.put(BALANCE_LEDGER, ledger.buyerNick, { ...ledger, movements: ledger.movements.map(named) });
      }
    },
  },
];
