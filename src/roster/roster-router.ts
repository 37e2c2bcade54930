/** /api/roster: the roster and who is on duty now (everyone); replacing it (the admin, by the role table). */
import { Router } from 'express';
import { currentUser, fieldLabels } from '../http/index.js';
import type { RosterService } from './roster-service.js';

export function rosterRouter(deps: { roster: RosterService }): Router {
  const r = Router();
  r.get('/', (_req, res) => res.json(deps.roster.view()));
  r.put('/', async (req, res) => {
    await deps.roster.replace(req.body, currentUser(req));
    res.json(deps.roster.view());
  });
  r.use(
    fieldLabels({
      shifts: '班次',
      people: '排班人员',
      exceptions: '调班',
      keeper: '汇款负责人',
      username: '员工账号',
      start: '开始时间',
      end: '结束时间',
      periods: '上班时段',
      days: '排班',
      date: '日期',
      duty: '班次',
      label: '班次名称',
    }),
  );
  return r;
}
