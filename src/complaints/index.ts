/** 售后投诉 with their clocks (issue 6). */
export { createComplaintService } from './complaint-service.js';
export { COMPLAINTS } from './complaint-repository.js';
export type { ComplaintService, NewComplaint } from './complaint-service.js';
export { complaintsRouter } from './complaints-router.js';
export {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  CATEGORY_TEXT,
  CHANNEL_TEXT,
  SATISFACTION,
  SATISFACTION_TEXT,
  STAGE_TEXT,
  stageOf,
  viewComplaint,
} from './complaint.js';
export type {
  Complaint,
  ComplaintView,
  ComplaintStage,
  ComplaintCategory,
  ComplaintChannel,
  Satisfaction,
} from './complaint.js';
export { addWorkingDays, isWorkingDay, workingDayDeadline } from './working-days.js';
