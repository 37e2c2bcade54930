/** Print batches (打单, issue 15): one factory for the composition root, the rules and words other parts read. */
export { createPrintingModule } from './printing-module.js';
export type { PrintingModule, PrintingModuleDeps } from './printing-module.js';
export type { PrintingService, BatchView, PrintingConfig } from './batch-service.js';
export type { LabelCheck } from './label-check.js';
export type { EntryView, CourierGroup, LineView } from './batch-view.js';
export type { PrintOutcome, PrintRun } from './batch-repository.js';
export { batchAfter, dueAt, batchId, addressFingerprint, type BatchKey } from './batch-rules.js';
export { PRINT_BATCHES, type StoredBatch } from './batch-repository.js';
export { batchCsv } from './batch-csv.js';
export { printingLabels, HOLD_LABELS, ENTRY_STATE_LABELS, WARNING_LABELS, NO_COURIER_LABEL } from './print-labels.js';
