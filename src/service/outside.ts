import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import type { Router } from 'express';
import type { Config } from '../config/index.js';
import { createKuaidi100Tracker, createSandboxTracker, type LogisticsTracker } from '../logistics/index.js';
import type { ShopPlatform } from '../platform/index.js';
import {
  SANDBOX_CREDENTIALS,
  SANDBOX_TMC_PATH,
  type SandboxTmc,
  createSandboxPlatform,
  type SandboxShop,
} from '../platform/sandbox/index.js';
import { createTaobaoPlatform } from '../platform/taobao/index.js';
import type { Logger } from '../shared/logger.js';
import type { Clock } from '../shared/time.js';
import { openSandboxSide, type SandboxSide } from './sandbox-side.js';

export interface TmcEndpoint {
  url: string;
  appKey: string;
  appSecret: string;
  group: string;
}

/** The outside systems xiaoer talks to, real or sandbox, behind their ports. */
export interface Outside {
  platform: ShopPlatform;
  tracker: LogisticsTracker;
  /** The embedded shop when running the sandbox (for tests, the benchmark and fault switches). */
  shop: SandboxShop | null;
  sandboxRouters: Router[];
  /** The sandbox's Taobao Message Channel publisher (null on the real platform). */
  tmc: SandboxTmc | null;
  /** Where xiaoer's consumer connects, as which app and group; null when the consumer is off (platform.tmc). */
  tmcEndpoint: TmcEndpoint | null;
  /** WebSocket upgrades on the service's port (the sandbox's TMC); false when none is ours. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
}

export async function connectOutside(
  config: Config,
  deps: { selfUrl: string; clock: Clock; logger: Logger },
): Promise<Outside> {
  let side: SandboxSide | null = null;
  let shop: SandboxShop | null = null;
  let tmc: SandboxTmc | null = null;
  let tmcEndpoint: TmcEndpoint | null = null;
  const routers: Router[] = [];
  const p = config.platform;
  let platform: ShopPlatform;
  if (p.kind === 'sandbox') {
    // The sandbox shop is an outside system: it keeps its own store beside ours (`xiaoer sandbox` serves it alone).
    side = await openSandboxSide({
      dir: join(config.dataDir, 'sandbox'),
      seed: p.seed,
      orders: p.orders,
      tickMs: p.tickMs,
      decryptQuotaPerDay: p.decryptQuotaPerDay,
      clock: deps.clock,
      logger: deps.logger,
    });
    shop = side.shop;
    tmc = side.tmc;
    if (p.tmc)
      tmcEndpoint = {
        url: deps.selfUrl.replace(/^http/, 'ws') + SANDBOX_TMC_PATH,
        appKey: SANDBOX_CREDENTIALS.appKey,
        appSecret: SANDBOX_CREDENTIALS.appSecret,
        group: p.tmcGroup,
      };
    routers.push(...side.platformRouters);
    platform = createSandboxPlatform({
      baseUrl: deps.selfUrl,
      signMethod: p.signMethod,
      clock: deps.clock,
      logger: deps.logger,
    });
  } else {
    platform = createTaobaoPlatform({
      gatewayUrl: p.gatewayUrl,
      appKey: p.appKey,
      appSecret: p.appSecret,
      session: p.sessionKey,
      signMethod: p.signMethod,
      callsPerMinute: p.callsPerMinute,
      clock: deps.clock,
      logger: deps.logger,
    });
    if (p.tmc) tmcEndpoint = { url: p.tmcUrl, appKey: p.appKey, appSecret: p.appSecret, group: p.tmcGroup };
  }
  const l = config.logistics;
  let tracker: LogisticsTracker;
  if (l.kind === 'sandbox') {
    if (!side)
      throw new Error(
        'logistics.kind "sandbox" follows the sandbox shop\'s parcels: use it with platform.kind "sandbox", or configure kuaidi100',
      );
    routers.push(side.courierRouter);
    tracker = createSandboxTracker({ baseUrl: deps.selfUrl, clock: deps.clock, logger: deps.logger });
  } else {
    tracker = createKuaidi100Tracker({
      customer: l.customer,
      key: l.key,
      baseUrl: l.baseUrl,
      callsPerMinute: l.callsPerMinute,
      clock: deps.clock,
      logger: deps.logger,
    });
  }
  return {
    platform,
    tracker,
    shop,
    sandboxRouters: routers,
    tmc,
    tmcEndpoint,
    upgrade: (req, socket, head) => side?.upgrade(req, socket, head) ?? false,
    close: async () => side?.close(),
  };
}
