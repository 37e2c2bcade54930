/**
 * Several instances on one database: a sync asked of an instance that does not own the order sync is refused in
 * the person's words, and nothing is synced there; the owner (and a lone instance) syncs.
 */
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorMiddleware } from '../../src/http/error-middleware.js';
import { silentLogger } from '../../src/shared/logger.js';
import { syncRouter } from '../../src/sync/sync-router.js';
import type { SyncService } from '../../src/sync/index.js';
import type { SyncState } from '../../src/sync/sync-state.js';

function app(ownsSync?: () => boolean) {
  let runs = 0;
  const sync = {
    syncAll: async () => (runs++, { kind: 'orders', ok: true }),
    running: () => false,
  } as unknown as SyncService;
  const state = { checkpoint: () => ({}), recent: async () => [] } as unknown as SyncState;
  const a = express();
  a.use('/api/sync', syncRouter({ sync, state, ...(ownsSync ? { ownsSync } : {}) }));
  a.use(errorMiddleware(silentLogger()));
  return { a, runs: () => runs };
}

describe('POST /api/sync and the order sync’s owner', () => {
  it('when this instance does not own the sync, then it answers 409 naming why and syncs nothing', async () => {
    const { a, runs } = app(() => false);
    const r = await request(a).post('/api/sync');
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('sync_elsewhere');
    expect(r.body.error.message).toContain('订单同步由另一台正在运行的实例负责');
    expect(runs()).toBe(0);
  });

  it('when it owns the sync, or is the only instance, then it syncs', async () => {
    for (const owns of [() => true, undefined]) {
      const { a, runs } = app(owns);
      expect((await request(a).post('/api/sync')).status).toBe(200);
      expect(runs()).toBe(1);
    }
  });
});
