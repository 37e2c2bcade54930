/**
 * Opening and closing hand-off tasks. A task is opened by the remark that hands work off and closed
 * by the matching follow-up remark (or by hand); closing notifies the staff member who handed it off.
 */
import type { User } from '../accounts/index.js';
import { ForbiddenError, NotFoundError } from '../shared/errors.js';
import { MINUTE, parseInstant, toInstant, type Clock } from '../shared/time.js';
import { TASK_TITLES, type Task, type TaskNotification, type TaskState, type TaskType, type TaskView } from './task.js';
import type { TaskRepository } from './task-repository.js';

type Person = Pick<User, 'username' | 'displayName'>;

export interface TaskService {
  open(input: { id: string; type: TaskType; tid: string; assignee: Person; opener: Person }): Promise<Task>;
  /** Closes the oldest open task of this type on the order; null when none is open. */
  closeMatching(input: { tid: string; type: TaskType; closer: Person; entryId: string }): Promise<Task | null>;
  closeByHand(id: string, user: User, note?: string): Promise<Task>;
  /** Closes it for someone the caller already allowed (the handover's owner, keeper or admin). */
  closeOnBehalf(id: string, user: User, note?: string): Promise<Task>;
  get(id: string): Task | undefined;
  list(filter: { assignee?: string; state?: TaskState; tid?: string }): TaskView[];
  view(task: Task): TaskView;
  notifications(username: string, opts?: { unreadOnly?: boolean }): TaskNotification[];
  markRead(id: string, username: string): Promise<TaskNotification>;
  /** Tells a colleague something in 我的任务's notifications (the knowledge base's answer to her question). */
  notify(n: {
    id: string;
    recipient: string;
    message: string;
    tid: string | null;
    link?: string;
  }): Promise<TaskNotification>;
}

export function createTaskService(deps: { repo: TaskRepository; clock: Clock }): TaskService {
  const { repo, clock } = deps;

  function view(task: Task): TaskView {
    const end = task.closedAt ? parseInstant(task.closedAt) : clock.now();
    return {
      ...task,
      title: TASK_TITLES[task.type],
      ageMinutes: Math.max(0, Math.floor((end - parseInstant(task.openedAt)) / MINUTE)),
    };
  }

  async function close(task: Task, closer: Person, entryId: string | null, note: string | null): Promise<Task> {
    const at = toInstant(clock.now());
    const closed: Task = {
      ...task,
      state: 'closed',
      closedAt: at,
      closedBy: closer.username,
      closedByName: closer.displayName,
      closedByEntry: entryId,
      note,
    };
    // The one who handed the work off wants to know it is done; closing one's own task needs no message.
    const notification: TaskNotification | undefined =
      task.openedBy === closer.username
        ? undefined
        : {
            id: `n-${task.id}`,
            recipient: task.openedBy,
            taskId: task.id,
            tid: task.tid,
            at,
            read: false,
            message: `订单 ${task.tid} 的${TASK_TITLES[task.type]}已由${closer.displayName}完成${note ? `：${note}` : ''}`,
          };
    return repo.update(closed, notification);
  }

  return {
    open: ({ id, type, tid, assignee, opener }) =>
      repo.insert({
        id,
        type,
        tid,
        state: 'open',
        assignee: assignee.username,
        assigneeName: assignee.displayName,
        openedBy: opener.username,
        openedByName: opener.displayName,
        openedAt: toInstant(clock.now()),
        closedAt: null,
        closedBy: null,
        closedByName: null,
        closedByEntry: null,
        note: null,
      }),
    async closeMatching({ tid, type, closer, entryId }) {
      const already = repo.list({ tid, type }).find((t) => t.closedByEntry === entryId);
      if (already) return already;
      const open = repo.list({ tid, type, state: 'open' })[0];
      return open ? close(open, closer, entryId, null) : null;
    },
    async closeByHand(id, user, note) {
      const task = repo.get(id);
      if (!task)
        throw new NotFoundError({ message: '没有找到这个任务，请刷新后重试', code: 'task_not_found', params: { id } });
      if (user.role !== 'admin' && user.username !== task.assignee && user.username !== task.openedBy) {
        throw new ForbiddenError({
          message: '只有负责人、交办人或管理员可以关闭任务',
          code: 'forbidden',
          params: { id },
        });
      }
      if (task.state === 'closed') return task;
      return close(task, user, null, note?.trim() || null);
    },
    async closeOnBehalf(id, user, note) {
      const task = repo.get(id);
      if (!task)
        throw new NotFoundError({ message: '没有找到这个任务，请刷新后重试', code: 'task_not_found', params: { id } });
      return task.state === 'closed' ? task : close(task, user, null, note?.trim() || null);
    },
    get: (id) => repo.get(id),
    list: (filter) => repo.list(filter).map(view),
    view,
    notify: ({ id, recipient, message, tid, link }) =>
      repo.addNotification({
        id,
        recipient,
        taskId: id,
        tid: tid ?? '',
        message,
        at: toInstant(clock.now()),
        read: false,
        ...(link ? { link } : {}),
      }),
    notifications: (username, opts = {}) => repo.notifications(username).filter((n) => !opts.unreadOnly || !n.read),
    async markRead(id, username) {
      const n = await repo.markRead(id, username);
      if (!n)
        throw new NotFoundError({
          message: '没有找到这条通知，请刷新后重试',
          code: 'notification_not_found',
          params: { id },
        });
      return n;
    },
  };
}
