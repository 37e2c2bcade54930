import { ORDER_COLLECTION, ORDERS } from '../orders/index.js';
import { TRANSFER_ROWS, TRANSFER_ROWS_COLLECTION } from '../reconciliation/index.js';
import type { CollectionOptions } from '../storage/index.js';

/**
 * How the lowdb store spreads its big collections over files (and the orders' row layout). One object for the
 * service and for `xiaoer store copy`: a store copied into a folder must be laid out as the service opens it.
 */
export const STORE_COLLECTIONS: Record<string, CollectionOptions> = {
  [ORDERS]: ORDER_COLLECTION,
  parcels: { shards: 16 },
  'remark-entries': { shards: 16 },
  messages: { shards: 16 },
  [TRANSFER_ROWS]: TRANSFER_ROWS_COLLECTION,
};
