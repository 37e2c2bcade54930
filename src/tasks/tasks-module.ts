/**
 * The hand-off tasks wired for the composition root: the service remarks open and close tasks through, and /api/tasks.
 */
import type { Router } from 'express';
import type { Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import { createTaskRepository } from './task-repository.js';
import { createTaskService } from './task-service.js';
import { tasksRouter } from './tasks-router.js';

export function createTasksModule(deps: { store: Store; clock: Clock }) {
  const service = createTaskService({ repo: createTaskRepository(deps.store), clock: deps.clock });
  const routers: { path: string; router: Router }[] = [{ path: '/tasks', router: tasksRouter({ tasks: service }) }];
  return { service, routers };
}
