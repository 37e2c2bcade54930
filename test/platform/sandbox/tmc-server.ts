import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxTmc } from '../../../src/platform/sandbox/index.js';

/** Serves a sandbox TMC publisher's WebSocket alone on a free port, as the service does at /sandbox/tmc. */
export async function serveTmc(tmc: SandboxTmc): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => {
    if (!tmc.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/sandbox/tmc`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
