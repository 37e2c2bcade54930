/** The remarks feature (备注规范, issue 3): one factory for the composition root, and the types callers use. */
import { REMARK_KINDS } from './catalogue/index.js';
export { createRemarksModule } from './remarks-module.js';
export type { RemarksModule, RemarksModuleDeps, RemarksService } from './remarks-module.js';
export type { WriteRequest, WriteResult, TaskPreview } from './remark-service.js';
export type { RemarkEntry, EntryStatus, TradeClose, CloseState } from './remark-entry.js';
export { CLOSE_STATE_LABELS, ENTRY_STATUS_LABELS, WRITE_OUTCOME_TEXT } from './remark-entry.js';
export { DEFAULT_FLAG_LABELS as FLAG_LABELS, flagLabel } from './catalogue/index.js';
export type { OrderRemarks } from './remark-history.js';
export type { OutboxCounts } from './remark-outbox.js';
export { staffDirectoryFromUsers, resolveNamedColleagues } from './staff-directory.js';
export type { StaffDirectory, Colleague } from './staff-directory.js';
export { createKeyedLock } from '../shared/keyed-lock.js';
export type { KeyedLock } from '../shared/keyed-lock.js';
export { lintMemo, splitMemo } from './memo/index.js';
export { createRemarkReader } from './remark-reader.js';
export { createOrderRemarkFacts } from './order-facts.js';
/** An order's state as the catalogue names it (未支付, 已支付，未打单, 已打单). */
export { STATE_LABELS as REMARK_STATE_LABELS } from './catalogue/index.js';
export type { OrderRemarkFacts, RemarkFact } from './order-facts.js';
/** Each kind's Chinese title (拍下后无货), for reports that count remarks by kind. */
export const remarkKindTitle = (id: string): string => REMARK_KINDS.find((k) => k.id === id)?.title ?? id;
export type { SaleTaker } from './remark-reader.js';
