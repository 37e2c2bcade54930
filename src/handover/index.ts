/** The shift handover (交接班, issue 6). The operations module (src/jobs/index.ts) wires it. */
export { createHandoverService, handoverJob } from './handover-service.js';
export type { HandoverService } from './handover-service.js';
export { buildHandoverReport, currentOpenItems } from './handover-report.js';
export type { HandoverReport, CarriedOver } from './handover-report.js';
export { renderHandoverMarkdown } from './handover-markdown.js';
export type { HandoverSources } from './handover-sources.js';
export { createHandoverRecords, HANDOVERS, DIARY } from './handover-records.js';
export type { HandoverRecords, HandoverRecord, DiaryNote, Acknowledgement } from './handover-records.js';
export { groupByOwner, KIND_TEXT, OPEN_ITEM_KINDS } from './open-item.js';
export type { OpenItem, OpenItemKind, OwnerGroup } from './open-item.js';
export { shiftWindow, previousShift, currentShift, SHIFT_NAMES } from './shifts.js';
export type { ShiftName, ShiftTable } from './shifts.js';
export { handoverRouter } from './handover-router.js';
export type { MessageStats, TransferStatus } from './handover-ports.js';
