import express, { type Express } from 'express';
import { fixedClock } from '../../../src/shared/time.js';
import { createSandboxShop, type SandboxShopOptions } from '../../../src/platform/sandbox/shop.js';
import { createSandboxRouter } from '../../../src/platform/sandbox/router.js';

/** 2026-11-23 16:00 in Shanghai. */
export const NOW = Date.UTC(2026, 10, 23, 8, 0, 0);

export function sandboxApp(opts: SandboxShopOptions = {}) {
  const clock = fixedClock(NOW);
  const shop = createSandboxShop({ seed: 42, orders: 1500, clock, ...opts });
  const app: Express = express();
  app.use('/sandbox', createSandboxRouter(shop, { sleep: async () => {} }));
  return { app, shop, clock };
}
