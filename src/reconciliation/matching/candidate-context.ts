/** What is known about one credit while its candidates are looked for; shared by the candidate and evidence rules. */
import type { StatementRow } from '../statement/statement-types.js';
import type { Payer } from './payer-names.js';
import type { PreparedTransfer, TransferLookup } from './transfer-lookup.js';

export interface CandidateContext {
  row: StatementRow;
  /** dayNumber(row.date), worked out once per credit. */
  rowDay: number;
  payer: Payer;
  lookup: TransferLookup;
  windowDays: number;
  referenceHits: readonly PreparedTransfer[];
  combined: readonly string[];
  /** plausibleOrders' answer once asked (a field, not a WeakMap: 50k weak entries cost the collector dearly). */
  plausible: PreparedTransfer[] | null;
}
