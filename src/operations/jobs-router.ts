/** /api/jobs: every job with its schedule, time zone, next and last run (and who ran it); running one now (admin). */
import { Router } from 'express';
import type { Scheduler } from '../scheduler/index.js';

export function jobsRouter(deps: { scheduler: Pick<Scheduler, 'list' | 'runNow'> }): Router {
  const r = Router();
  // Last runs come through the run coordinator: every instance on one database answers alike.
  r.get('/', async (_req, res) => {
    res.json({ jobs: await deps.scheduler.list() });
  });
  r.post('/:name/run', async (req, res) => {
    const run = await deps.scheduler.runNow(String(req.params.name), 'manual');
    // A failed run is an outcome to show, not an HTTP error: the run record carries it.
    res.json({ run });
  });
  return r;
}
