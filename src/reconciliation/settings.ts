/**
 * The transfer feature's names and limits, without the feature: the banks whose exports it reads and the largest
 * statement file it takes (GET /api/labels serves both, so the upload form names the banks and refuses a file too
 * large before sending it).
 */
export { BANK_NAMES, MAX_STATEMENT_BYTES, type BankId } from './statement/index.js';
