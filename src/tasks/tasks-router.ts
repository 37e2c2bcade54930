/** /api/tasks: my hand-off tasks, closing one by hand, and the notifications of finished hand-offs. */
import { Router } from 'express';
import { z } from 'zod';
import { currentUser, fieldLabels } from '../http/index.js';
import { NotFoundError } from '../shared/errors.js';
import type { TaskService } from './task-service.js';

const listQuery = z.object({
  /** `me`, a username, or `all` (default). */
  assignee: z.string().max(64).optional(),
  state: z.enum(['open', 'closed', 'all']).default('open'),
  tid: z
    .string()
    .regex(/^\d{1,25}$/, 'tid is digits only')
    .optional(),
});
const closeBody = z.object({ note: z.string().max(200).optional() }).strict();

export function tasksRouter(deps: { tasks: TaskService }): Router {
  const r = Router();
  r.get('/', (req, res) => {
    const q = listQuery.parse(req.query);
    const me = currentUser(req).username;
    const assignee = !q.assignee || q.assignee === 'all' ? undefined : q.assignee === 'me' ? me : q.assignee;
    const tasks = deps.tasks.list({ assignee, state: q.state === 'all' ? undefined : q.state, tid: q.tid });
    res.json({ tasks, notifications: deps.tasks.notifications(me, { unreadOnly: true }) });
  });
  r.get('/notifications', (req, res) => {
    const unreadOnly = req.query.unread === '1' || req.query.unread === 'true';
    res.json({ notifications: deps.tasks.notifications(currentUser(req).username, { unreadOnly }) });
  });
  r.post('/notifications/:id/read', async (req, res) => {
    res.json({ notification: await deps.tasks.markRead(req.params.id, currentUser(req).username) });
  });
  r.get('/:id', (req, res) => {
    const task = deps.tasks.get(req.params.id);
    if (!task)
      throw new NotFoundError({
        message: '没有找到这个任务，请刷新后重试',
        code: 'task_not_found',
        params: { id: String(req.params.id) },
      });
    res.json({ task: deps.tasks.view(task) });
  });
  r.post('/:id/close', async (req, res) => {
    const body = closeBody.parse(req.body ?? {});
    const task = await deps.tasks.closeByHand(req.params.id, currentUser(req), body.note);
    res.json({ task: deps.tasks.view(task) });
  });
  r.use(fieldLabels({ assignee: '负责人', state: '任务状态' }));
  return r;
}
