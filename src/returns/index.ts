/**
 * Returns followed (退货跟踪, issue 17 part 5): refunds with goods to return from the platform, the return parcel
 * tracked to the warehouse, the warehouse's check, the keeper's refund task, exchanges with their yellow-flag memo.
 */
export { createReturnsModule } from './returns-module.js';
export type { ReturnsModule, ReturnsModuleDeps } from './returns-module.js';
export type { ReturnsService, ReturnView, StuckReturn } from './returns-service.js';
export { RETURN_CONDITION_LABELS, RETURN_PURPOSE_LABELS, RETURN_STATE_LABELS } from './return-labels.js';
export { RETURN_CONDITIONS, RETURN_PURPOSES, RETURN_STATES, STUCK_AFTER_MS, returnState } from './return.js';
export type { ReturnCondition, ReturnPurpose, ReturnRecord, ReturnState } from './return.js';
export { RETURNS } from './return-repository.js';
/** The opener of the tasks xiaoer opens by itself (a return's, a label to fix after a pushed address change). */
export { XIAOER } from './return-sync.js';
