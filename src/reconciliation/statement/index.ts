export { parseStatement, type ParseOptions } from './statement-parser.js';
export {
  BANK_LAYOUTS,
  BANK_NAMES,
  detectLayout,
  layoutsFor,
  normalizeHeader,
  type BankId,
  type BankLayout,
  type BankLayoutId,
} from './bank-layouts.js';
export { validateProfile, mappingProfileSchema, type MappingProfile } from './mapping-profile.js';
export { decodeText } from './decode-text.js';
export { assignIdentities } from './row-identity.js';
export type { HeldBackRow, ParsedStatement, StatementRow, TextEncoding } from './statement-types.js';
export { MAX_STATEMENT_BYTES, MAX_TEXT_CHARS, CUT_MARK } from './statement-limits.js';
export { parseStatementInWorker } from './statement-worker.js';
export type { StatementCredits } from './statement-worker-protocol.js';
