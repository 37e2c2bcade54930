/** Hand-off tasks opened and closed by remarks (issue 3, item 4). */
export { createTaskRepository, TASKS, TASK_NOTIFICATIONS } from './task-repository.js';
export type { TaskRepository, TaskFilter } from './task-repository.js';
export { createTaskService } from './task-service.js';
export type { TaskService } from './task-service.js';
export { tasksRouter } from './tasks-router.js';
export { TASK_TITLES } from './task.js';
export type { Task, TaskNotification, TaskState, TaskType, TaskView } from './task.js';
