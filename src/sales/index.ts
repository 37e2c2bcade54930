/** Sale records and the commission report (issue 3, item 8). */
export { salesReport } from './sales-report.js';
export type { SalesReport, SaleRecordEntry, StaffSales } from './sales-report.js';
export { salesRouter } from './sales-router.js';
export { createSalesModule } from './sales-module.js';
