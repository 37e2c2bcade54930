import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Router } from 'express';
import { createKuaidi100SandboxRouter } from '../logistics/index.js';
import {
  createBackOfficeRouter,
  createSandboxRouter,
  createSandboxShop,
  sandboxTmc,
  type SandboxShop,
  type SandboxTmc,
} from '../platform/sandbox/index.js';
import type { Logger } from '../shared/logger.js';
import type { Clock } from '../shared/time.js';
import { openLowdbStore } from '../storage/index.js';

/** Where the sandbox shop keeps itself and how it lives: the embedded sandbox's config, or `xiaoer sandbox`'s flags. */
export interface SandboxSideOptions {
  /** The shop's own folder (its own store and lock): `<dataDir>/sandbox` embedded, `--data` standalone. */
  dir: string;
  seed: number;
  orders: number;
  /** How often the shop lives; 0 keeps it still. */
  tickMs: number;
  /** Receivers the app may decrypt per Shanghai day (taobao.top.oaid.decrypt); the gateway's default when absent. */
  decryptQuotaPerDay?: number;
  clock: Clock;
  logger: Logger;
}

/**
 * The sandbox shop as an outside system, whoever serves it: the service embeds it on its own port (outside.ts), or
 * `xiaoer sandbox` serves it alone (sandbox-server.ts). Both mount these routers at /sandbox and hand these upgrades
 * to `upgrade`, so an instance sees the same gateway, back office, courier and message channel either way.
 */
export interface SandboxSide {
  shop: SandboxShop;
  tmc: SandboxTmc;
  /** The TOP gateway (with its fault switches) and the seller's back office. */
  platformRouters: Router[];
  /** The courier speaking Kuaidi100's protocol over the shop's parcels. */
  courierRouter: Router;
  /** The TMC WebSocket at SANDBOX_TMC_PATH; false when the upgrade is not for it. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Stops the shop living, drops the channel's connections, writes what is pending and frees the folder's lock. */
  close(): Promise<void>;
}

export async function openSandboxSide(o: SandboxSideOptions): Promise<SandboxSide> {
  // The shop keeps its own store, so a restart continues the same shop instead of generating a new one.
  const store = await openLowdbStore({
    dir: o.dir,
    collections: { 'sandbox.trades': { shards: 32 } },
    logger: o.logger,
  });
  let shop: SandboxShop;
  try {
    shop = createSandboxShop({ seed: o.seed, orders: o.orders, clock: o.clock, store, logger: o.logger });
  } catch (err) {
    await store.close();
    throw err;
  }
  // Publishing starts before the shop lives, so no change of it goes untold; unconfirmed messages wait in its store.
  const tmc = sandboxTmc(shop, { logger: o.logger, store });
  if (o.tickMs > 0) shop.start({ everyMs: o.tickMs });
  let closing: Promise<void> | null = null;
  return {
    shop,
    tmc,
    platformRouters: [
      createSandboxRouter(shop, {
        clock: o.clock,
        ...(o.decryptQuotaPerDay !== undefined ? { decryptQuotaPerDay: o.decryptQuotaPerDay } : {}),
      }),
      createBackOfficeRouter(shop),
    ],
    courierRouter: createKuaidi100SandboxRouter(shop, { clock: o.clock }),
    upgrade: (req, socket, head) => tmc.handleUpgrade(req, socket, head),
    close: () =>
      (closing ??= (async () => {
        shop.stop();
        tmc.close();
        await shop.flush();
        await store.close();
      })()),
  };
}
