/** Tasks and notifications in the store. A close and its notification commit together. */
import type { Store } from '../storage/index.js';
import type { Task, TaskNotification, TaskState, TaskType } from './task.js';

export const TASKS = 'tasks';
export const TASK_NOTIFICATIONS = 'task-notifications';

export interface TaskFilter {
  assignee?: string;
  state?: TaskState;
  tid?: string;
  type?: TaskType;
}

export interface TaskRepository {
  get(id: string): Task | undefined;
  list(filter: TaskFilter): Task[];
  /** Stores the task unless one with its id exists; returns the stored one. */
  insert(task: Task): Promise<Task>;
  /**
   * Replaces the task (e.g. closed) and adds the notification, if any, in one transaction; answers what is stored.
   * A task already closed stays as its first closer left it: the check is in the transaction, so two people closing
   * at once on two instances (PostgreSQL runs the later one again) leave one closer, the one the notification names.
   */
  update(task: Task, notification?: TaskNotification): Promise<Task>;
  notifications(recipient: string): TaskNotification[];
  /** Stores a notification that no task's close carries (another feature telling a colleague); once per id. */
  addNotification(notification: TaskNotification): Promise<TaskNotification>;
  markRead(id: string, recipient: string): Promise<TaskNotification | undefined>;
}

const byTime = <T extends { at?: string; openedAt?: string }>(a: T, b: T) => {
  const x = a.openedAt ?? a.at ?? '';
  const y = b.openedAt ?? b.at ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};

export function createTaskRepository(store: Store): TaskRepository {
  return {
    get: (id) => store.get<Task>(TASKS, id),
    list(filter) {
      const out: Task[] = [];
      for (const t of store.all<Task>(TASKS)) {
        if (filter.assignee && t.assignee !== filter.assignee) continue;
        if (filter.state && t.state !== filter.state) continue;
        if (filter.tid && t.tid !== filter.tid) continue;
        if (filter.type && t.type !== filter.type) continue;
        out.push(t);
      }
      return out.sort(byTime);
    },
    insert: (task) =>
      store.transact((tx) => {
        const existing = tx.get<Task>(TASKS, task.id);
        if (existing) return existing;
        tx.put<Task>(TASKS, task.id, task);
        return task;
      }),
    update: (task, notification) =>
      store.transact((tx) => {
        const stored = tx.get<Task>(TASKS, task.id);
        if (stored?.state === 'closed' && task.state === 'closed') return stored;
        tx.put<Task>(TASKS, task.id, task);
        if (notification && !tx.get(TASK_NOTIFICATIONS, notification.id))
          tx.put<TaskNotification>(TASK_NOTIFICATIONS, notification.id, notification);
        return task;
      }),
    notifications: (recipient) =>
      [...store.all<TaskNotification>(TASK_NOTIFICATIONS)]
        .filter((n) => n.recipient === recipient)
        .sort(byTime)
        .reverse(),
    addNotification: (n) =>
      store.transact((tx) => {
        const existing = tx.get<TaskNotification>(TASK_NOTIFICATIONS, n.id);
        if (existing) return existing;
        tx.put<TaskNotification>(TASK_NOTIFICATIONS, n.id, n);
        return n;
      }),
    markRead: (id, recipient) =>
      store.transact((tx) => {
        const n = tx.get<TaskNotification>(TASK_NOTIFICATIONS, id);
        if (!n || n.recipient !== recipient) return undefined;
        const read = { ...n, read: true };
        tx.put<TaskNotification>(TASK_NOTIFICATIONS, id, read);
        return read;
      }),
  };
}
