import { BALANCE_LEDGER, type Movement } from '../ledger/index.js';
import { remarkKindTitle } from '../remarks/index.js';
import type { Migration } from '../storage/index.js';
import { fromStored, NEGATIVE_REVIEWS, type LegacyStoredReview, type StoredReview } from '../reviews/index.js';
import { FOLLOW_UPS, type FollowUp } from '../tasks/index.js';
import { MASKED_RECEIVERS } from './migration-masked-receivers.js';

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
  {
    version: 3,
    description: 'a neutral/bad review has a state (new … given up) instead of handledAt/messageQueued',
    // The 20:00 job marked a review handled even when its message was refused: such a review becomes 待联系 again,
    // a queued one 已发短信. Its phone follow-up is closed (at its opening time, so no shift lists it as done by
    // someone): the review itself is now the one open item.
    up: (tx, store) => {
      for (const doc of store.all<StoredReview | LegacyStoredReview>(NEGATIVE_REVIEWS)) {
        if ('state' in doc) continue;
        tx.put<StoredReview>(NEGATIVE_REVIEWS, doc.id, fromStored(doc));
      }
      for (const f of store.all<FollowUp>(FOLLOW_UPS)) {
        if (f.kind !== 'review_phone' || f.closedAt) continue;
        tx.put<FollowUp>(FOLLOW_UPS, f.id, {
          ...f,
          closedAt: f.openedAt,
          closedBy: null,
          note: '并入中差评处理：电话记录在订单页',
        });
      }
    },
  },
  MASKED_RECEIVERS,
];
