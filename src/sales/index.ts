/** Sale records and the commission report (issue 3, item 8). */
export { salesReport } from './sales-report.js';
export type { SalesReport, SaleRecordEntry, StaffSales } from './sales-report.js';
export { salesRouter } from './sales-router.js';
export { createSalesModule } from './sales-module.js';
export { saleAmount, memoSaleName, EXCLUSION_LABELS } from './sale-rule.js';
export { commissionMonth } from './commission.js';
export type { CommissionMonth, StaffCommission, CommissionSale, UnknownName } from './commission.js';
export { SALE_NAME_MAP, SALE_CORRECTIONS } from './attribution-repository.js';
