/**
 * The returns feature wired in one place (issue 17 part 5): the store, the sync job that reads the platform's
 * refunds and tracks the return parcels, the people's actions, /api/returns, and the stuck returns the handover lists.
 */
import type { Router } from 'express';
import type { LogisticsTracker } from '../logistics/index.js';
import type { Order } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import type { Job } from '../scheduler/index.js';
import { createKeyedLock, type KeyedLock } from '../shared/keyed-lock.js';
import type { Logger } from '../shared/logger.js';
import type { Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import type { TaskService } from '../tasks/index.js';
import { createReturnActions, type RemarkWrite } from './return-actions.js';
import { createReturnRepository } from './return-repository.js';
import { createReturnSync, XIAOER, type Person } from './return-sync.js';
import { returnsRouter } from './returns-router.js';
import { createReturnsService } from './returns-service.js';

export interface ReturnsModuleDeps {
  store: Store;
  platform: Pick<ShopPlatform, 'receivedRefunds'>;
  tracker: LogisticsTracker;
  orders: { get(tid: string): Order | undefined };
  tasks: Pick<TaskService, 'open' | 'get' | 'closeOnBehalf'>;
  remarks: RemarkWrite;
  /** The shop's accounts: the warehouse person is an assistant (助理). */
  staff: { list(): readonly (Person & { role: string })[] };
  /** The keeper of money by the roster (username), asked when a refund task opens. */
  keeper: () => string;
  /** Usernames on duty now (the roster's), so the warehouse task goes to an assistant at work when there is one. */
  onDuty?: () => readonly string[];
  clock: Clock;
  logger: Logger;
  /** The job's cron expression (config.jobs.schedules['returns-sync']). */
  schedule: string;
  /**
   * The order lock (wire-domains passes the remark features' one): a return's action runs once across instances on
   * PostgreSQL, or two instances shipping one exchange both write its waybill into the memo. Default: this process's.
   */
  lock?: KeyedLock;
}

export function createReturnsModule(deps: ReturnsModuleDeps) {
  const { clock } = deps;
  const repo = createReturnRepository(deps.store);
  const person = (username: string): Person => {
    const c = deps.staff.list().find((s) => s.username === username);
    return c ? { username: c.username, displayName: c.displayName } : { username, displayName: username };
  };
  const people = {
    warehouse(): Person {
      const staff = deps.staff.list();
      const duty = new Set(deps.onDuty?.() ?? []);
      const assistants = staff.filter((s) => s.role === 'assistant');
      const pick =
        assistants.find((s) => duty.has(s.username)) ?? assistants[0] ?? staff.find((s) => s.role === 'admin');
      return pick ? person(pick.username) : XIAOER;
    },
    keeper: () => person(deps.keeper()),
  };
  const sync = createReturnSync({ ...deps, repo, people });
  const actions = createReturnActions({
    repo,
    tasks: deps.tasks,
    remarks: deps.remarks,
    people,
    lock: deps.lock ?? createKeyedLock(),
    clock,
  });

  const service = createReturnsService({ repo, sync, actions, clock });

  const job: Job = {
    name: 'returns-sync',
    schedule: deps.schedule,
    description: "refunds with goods to return, and their return parcels' tracking",
    async run() {
      const r = await sync.run();
      return { ...r };
    },
  };
  const routers: { path: string; router: Router }[] = [
    { path: '/returns', router: returnsRouter({ returns: service }) },
  ];
  return { service, routers, jobs: [job] };
}

export type ReturnsModule = ReturnType<typeof createReturnsModule>;
