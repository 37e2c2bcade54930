/** The store-balance ledger (余额) and the refund register (退款登记), issue 3 items 5–6. */
export { createBalanceLedger, BALANCE_LEDGER } from './balance-ledger.js';
export type { BalanceLedger, BuyerAccount, Movement } from './balance-ledger.js';
export { createRefundRegister, REFUND_REGISTER, REFUND_STATE_LABELS } from './refund-register.js';
export type { RefundRecord, RefundRegister, RefundState } from './refund-register.js';
export { exportRefundRecords, refundsCsv, refundsXlsx, EXPORT_HEADERS } from './refund-export.js';
export type { ExportFormat } from './refund-export.js';
export { bankCardText, bankShortName, groupCardNumber } from './bank-card.js';
export { ledgerRouter } from './ledger-router.js';
export { refundsRouter } from './refunds-router.js';
export { refundDayExport } from './refund-day-export.js';
export type { RefundDayExportDeps } from './refund-day-export.js';
export { createLedgerModule } from './ledger-module.js';
export type { LedgerModuleDeps } from './ledger-module.js';
export { createLedgerActions } from './ledger-actions.js';
export type { LedgerActions, RemarkWrite, CreditInput } from './ledger-actions.js';
