import { Router } from 'express';
import type { SyncService } from './sync-service.js';
import type { SyncState } from './sync-state.js';

export function syncRouter(deps: { sync: SyncService; state: SyncState }): Router {
  const r = Router();
  r.get('/', async (_req, res) => {
    res.json({
      running: deps.sync.running(),
      checkpoint: deps.state.checkpoint(),
      recent: await deps.state.recent(20),
    });
  });
  /**
   * Runs a sync now and answers with its summary (joins a run already under way); keeper and admin
   * (accounts/permissions.ts).
   */
  r.post('/', async (_req, res) => {
    res.json(await deps.sync.syncAll());
  });
  return r;
}
