/**
 * The shop's to-do lists, two kinds with one difference that matters to the person doing them:
 * - a task is work one colleague hands another through a remark (改面单, 撤单, 联系快递跟进): it has an opener
 *   and a named assignee, and the follow-up remark that does the work closes it;
 * - a follow-up is work a scheduled job finds (a bad review to phone about, a stuck parcel, a transfer to chase):
 *   nobody opened it, its owner may be a shift rather than a person, and it is closed by hand with a note.
 */
export { createTaskRepository, TASKS, TASK_NOTIFICATIONS } from './task-repository.js';
export type { TaskRepository, TaskFilter } from './task-repository.js';
export { createTaskService } from './task-service.js';
export type { TaskService } from './task-service.js';
export { tasksRouter } from './tasks-router.js';
export { TASK_TITLES } from './task.js';
export type { Task, TaskNotification, TaskState, TaskType, TaskView } from './task.js';
export { createFollowUps, FOLLOW_UPS, transferChaseOpener } from './follow-ups.js';
export type { FollowUps, FollowUp, FollowUpKind, NewFollowUp } from './follow-ups.js';
export { followUpsRouter } from './follow-ups-router.js';
export { createTasksModule } from './tasks-module.js';
