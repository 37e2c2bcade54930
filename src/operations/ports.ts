/**
 * What the shop's scheduled jobs need from features built elsewhere (reconciliation, ledger),
 * declared narrowly here so this folder never imports their internals. The composition root wires
 * the real implementations; a job whose port is missing is simply not registered.
 */

/** Reconciliation's scheduled checks; each returns counts for the run log. */
export interface TransferChecks {
  /** Transfers claimed by buyers and not found in the bank after 3 days → back to the original staff. */
  threeDayRule(): Promise<Record<string, number>>;
  /** Orders both paid on the platform and by bank transfer. */
  duplicateTrades(): Promise<Record<string, number>>;
  /** The day's transfer register (汇款销售记录表), YYYY-MM-DD. */
  dailyRegister(date: string): Promise<Record<string, number>>;
}

/** The refund register export at 17:30 (the ledger's exportRefunds + where the file goes). */
export interface RefundRegisterExport {
  exportDay(date: string): Promise<{ rows: number }>;
}
