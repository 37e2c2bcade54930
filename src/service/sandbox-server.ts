import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import express from 'express';
import { SANDBOX_KUAIDI100 } from '../logistics/index.js';
import { SANDBOX_CREDENTIALS, SANDBOX_GATEWAY_PATH, SANDBOX_TMC_PATH } from '../platform/sandbox/index.js';
import { silentLogger, type Logger } from '../shared/logger.js';
import { systemClock, type Clock } from '../shared/time.js';
import { openSandboxSide, type SandboxSide } from './sandbox-side.js';

/** Where the embedded sandbox mounts its courier (SANDBOX_MOUNT + SANDBOX_KUAIDI100_BASE in logistics/sandbox). */
const TRACKER_PATH = '/sandbox/kuaidi100';
const BACK_OFFICE_PATH = '/sandbox/back-office';

export interface SandboxServerOptions {
  port: number;
  host: string;
  /** The sandbox shop's own folder (its store and its lock). */
  dir: string;
  seed: number;
  orders: number;
  tickMs: number;
  /** Receivers the gateway lets the app decrypt per Shanghai day (the router's default when not given). */
  decryptQuotaPerDay?: number;
  clock?: Clock;
  logger?: Logger;
}

/** What an instance needs to point its real adapters at the sandbox, as `platform` and `logistics` of its config. */
export interface SandboxInstanceConfig {
  platform: {
    kind: 'taobao';
    gatewayUrl: string;
    appKey: string;
    appSecret: string;
    sessionKey: string;
    tmcUrl: string;
  };
  logistics: { kind: 'kuaidi100'; baseUrl: string; customer: string; key: string };
}

export interface RunningSandbox {
  port: number;
  /** The sandbox's own base, http://host:port (its routes are under /sandbox as when embedded). */
  url: string;
  dir: string;
  gatewayUrl: string;
  tmcUrl: string;
  trackerUrl: string;
  backOfficeUrl: string;
  /** The config keys that point an instance at this sandbox. */
  instanceConfig: SandboxInstanceConfig;
  side: SandboxSide;
  close(): Promise<void>;
}

/** A wildcard address is where the sandbox listens, not an address to connect to: this machine is. */
const reachable = (host: string) => (host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host);

/**
 * The sandbox shop alone, as an outside system several instances share (`xiaoer sandbox`): its TOP gateway and back
 * office, its courier in Kuaidi100's protocol and its TMC WebSocket, at the same paths as when embedded, over its own
 * folder. No xiaoer of its own: no /api, no console, no staff.
 */
export async function startSandboxServer(o: SandboxServerOptions): Promise<RunningSandbox> {
  const logger = o.logger ?? silentLogger();
  const dir = resolve(o.dir);
  const side = await openSandboxSide({
    dir,
    seed: o.seed,
    orders: o.orders,
    tickMs: o.tickMs,
    ...(o.decryptQuotaPerDay !== undefined ? { decryptQuotaPerDay: o.decryptQuotaPerDay } : {}),
    clock: o.clock ?? systemClock,
    logger,
  });
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => res.json({ ok: true, sandbox: true, orders: side.shop.size() }));
  for (const r of [...side.platformRouters, side.courierRouter]) app.use('/sandbox', r);
  // Whoever mistypes an address reads why in Chinese, not express's English page.
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'no_route', message: '沙箱没有这个地址：它只提供 /sandbox 下的接口' } });
  });

  const server: Server = createServer(app);
  server.on('upgrade', (req, socket, head) => {
    if (!side.upgrade(req, socket, head)) socket.destroy();
  });
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(o.port, o.host, () => ok());
    });
  } catch (err) {
    await side.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${reachable(o.host)}:${port}`;
  const gatewayUrl = url + SANDBOX_GATEWAY_PATH;
  const tmcUrl = url.replace(/^http/, 'ws') + SANDBOX_TMC_PATH;
  const trackerUrl = url + TRACKER_PATH;
  let closing: Promise<void> | null = null;
  return {
    port,
    url,
    dir,
    gatewayUrl,
    tmcUrl,
    trackerUrl,
    backOfficeUrl: url + BACK_OFFICE_PATH,
    instanceConfig: {
      platform: {
        kind: 'taobao',
        gatewayUrl,
        appKey: SANDBOX_CREDENTIALS.appKey,
        appSecret: SANDBOX_CREDENTIALS.appSecret,
        sessionKey: SANDBOX_CREDENTIALS.session,
        tmcUrl,
      },
      logistics: { kind: 'kuaidi100', baseUrl: trackerUrl, ...SANDBOX_KUAIDI100 },
    },
    side,
    close: () =>
      (closing ??= (async () => {
        // Stop taking requests first, so nothing writes to the shop while its store closes.
        const stopped = new Promise<void>((ok) => server.close(() => ok()));
        server.closeAllConnections();
        await side.close();
        await stopped;
      })()),
  };
}
