import { Router } from 'express';
import type { SyncService } from './sync-service.js';
import type { SyncState } from './sync-state.js';
import { ConflictError } from '../shared/errors.js';

export function syncRouter(deps: {
  sync: SyncService;
  state: SyncState;
  /** Whether this instance owns the order sync (several instances on one database); absent: it always does. */
  ownsSync?: () => boolean;
}): Router {
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
    // Several instances: the sync is the owner's alone (it rests on the message channel the owner holds).
    if (deps.ownsSync && !deps.ownsSync())
      throw new ConflictError(
        '订单同步由另一台正在运行的实例负责，这里不能同时同步；请到那台实例上同步（命令行请用 “--server” 指明它的地址）',
        'sync_elsewhere',
      );
    res.json(await deps.sync.syncAll());
  });
  return r;
}
