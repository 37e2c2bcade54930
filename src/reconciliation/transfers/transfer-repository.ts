/**
 * Transfer orders, imported statement rows, the audit trail and surplus notes, each in its own collection
 * (never in the orders file). Unique amounts are allocated inside one store transaction, which runs
 * synchronously, so two creations at the same moment can never be given the same amount.
 */
import { randomBytes } from 'node:crypto';
import type { CollectionOptions, Store, Transaction } from '../../storage/index.js';
import { allocateUniqueAmount } from '../matching/index.js';
import type { AuditEvent, StoredRow, SurplusNote, TransferOrder } from './transfer-types.js';

export const TRANSFERS = 'transfers';
export const TRANSFER_ROWS = 'transfer-statement-rows';
export const TRANSFER_AUDIT = 'transfer-audit';
export const TRANSFER_SURPLUS = 'transfer-surplus-notes';
export const TRANSFER_REVIEWS = 'transfer-register-reviews';

/**
 * How a store should hold statement rows: a bank file of 85,000 credits stores as many rows, so they are written as
 * rows of values (half the log's bytes) and spread over shards (a checkpoint after an import rewrites the shards the
 * import touched, not every row the shop ever imported). putRow writes each row in this key order.
 */
export const TRANSFER_ROWS_COLLECTION: CollectionOptions = {
  shards: 16,
  rowLayout: [
    'identity',
    {
      key: 'row',
      fields: [
        'line',
        'date',
        'time',
        'amountFen',
        'counterpartyName',
        'counterpartyAccount',
        'note',
        'balanceFen',
        'serial',
        'identity',
      ],
    },
    'importId',
    'importedAt',
    'status',
    'transferIds',
    'rule',
    'code',
    'reason',
    'candidates',
  ],
};

/** A stored row with its keys in the layout's order, whatever order the caller built it in. */
const inLayoutOrder = (r: StoredRow): StoredRow => ({
  identity: r.identity,
  row: {
    line: r.row.line,
    date: r.row.date,
    time: r.row.time,
    amountFen: r.row.amountFen,
    counterpartyName: r.row.counterpartyName,
    counterpartyAccount: r.row.counterpartyAccount,
    note: r.row.note,
    balanceFen: r.row.balanceFen,
    serial: r.row.serial,
    identity: r.row.identity,
  },
  importId: r.importId,
  importedAt: r.importedAt,
  status: r.status,
  transferIds: r.transferIds,
  rule: r.rule,
  code: r.code,
  reason: r.reason,
  candidates: r.candidates,
});

export const isOpen = (t: TransferOrder) => t.state === 'awaiting' || t.state === 'claimed';

export interface TransferRepository {
  get(id: string): TransferOrder | undefined;
  all(): TransferOrder[];
  row(identity: string): StoredRow | undefined;
  /** How many rows are stored: rows are never deleted, so an unchanged count means no row was added. */
  rowCount(): number;
  rows(): StoredRow[];
  audit(filter?: { transferId?: string }): AuditEvent[];
  surplusNotes(): SurplusNote[];
  /** Runs `fn` in one transaction with helpers; every write in it lands together or not at all. */
  write<R>(fn: (w: Writer) => R): Promise<R>;
  review(date: string): { date: string; by: string; at: string } | undefined;
}

export interface Writer {
  tx: Transaction;
  put(t: TransferOrder): void;
  putRow(r: StoredRow): void;
  audit(e: Omit<AuditEvent, 'id'>): void;
  /** The smallest due+1..99 fen that no open order uses as its unique amount or its due amount. */
  allocateUnique(dueFen: number, exceptId?: string): number;
  /** Is this amount free to hold again (unmatching a paid order)? */
  uniqueFree(fen: number, exceptId: string): boolean;
}

let auditSeq = 0;
/**
 * Set once per process: another instance on the same database counts its own events from zero too, so time and
 * count alone would give its event of the same millisecond the same id, and one would overwrite the other.
 */
const PROCESS_TAG = randomBytes(4).toString('hex');

export function createTransferRepository(store: Store): TransferRepository {
  const byTime = (a: AuditEvent, b: AuditEvent) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1);
  const usedAmounts = (exceptId?: string) => {
    const used = new Set<number>();
    // Read inside the transaction's synchronous run: no other writer can interleave.
    for (const t of store.all<TransferOrder>(TRANSFERS)) {
      if (!isOpen(t) || t.id === exceptId) continue;
      used.add(t.amountDueFen);
      if (t.uniqueHeld && t.uniqueAmountFen !== null) used.add(t.uniqueAmountFen);
    }
    return used;
  };
  return {
    get: (id) => store.get<TransferOrder>(TRANSFERS, id),
    all: () =>
      [...store.all<TransferOrder>(TRANSFERS)].sort((a, b) =>
        a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1,
      ),
    row: (identity) => store.get<StoredRow>(TRANSFER_ROWS, identity),
    rowCount: () => store.count(TRANSFER_ROWS),
    rows: () =>
      [...store.all<StoredRow>(TRANSFER_ROWS)].sort((a, b) =>
        a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.row.line - b.row.line,
      ),
    audit: (filter = {}) =>
      [...store.all<AuditEvent>(TRANSFER_AUDIT)]
        .filter((e) => !filter.transferId || e.transferId === filter.transferId)
        .sort(byTime),
    surplusNotes: () => [...store.all<SurplusNote>(TRANSFER_SURPLUS)],
    review: (date) => store.get(TRANSFER_REVIEWS, date),
    write: (fn) =>
      store.transact((tx) => {
        const w: Writer = {
          tx,
          put: (t) => tx.put(TRANSFERS, t.id, t),
          putRow: (r) => tx.put(TRANSFER_ROWS, r.identity, inLayoutOrder(r)),
          audit: (e) => {
            const id = `${e.at}-${String(++auditSeq).padStart(8, '0')}-${PROCESS_TAG}`;
            tx.put<AuditEvent>(TRANSFER_AUDIT, id, { id, ...e });
          },
          allocateUnique: (dueFen, exceptId) => allocateUniqueAmount(dueFen, usedAmounts(exceptId)),
          uniqueFree: (fen, exceptId) => !usedAmounts(exceptId).has(fen),
        };
        return fn(w);
      }),
  };
}
