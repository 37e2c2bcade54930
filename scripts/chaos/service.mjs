// The service as a shop runs it: `node dist/main.js` in a child process on its own data folder and port, with the
// embedded sandbox shop. Chaos kills it with SIGKILL and starts it again on the same folder.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
export const PASSWORD = 'xiaoer-demo';

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts the service and resolves once /healthz answers; `exit` resolves with how it ended. */
export async function startService({ dataDir, port, orders = 1500, env = {} }) {
  const proc = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      XIAOER_DATA_DIR: dataDir,
      PORT: String(port),
      XIAOER_SANDBOX_ORDERS: String(orders),
      XIAOER_SANDBOX_TICK_MS: '0',
      XIAOER_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-20_000);
  });
  const exit = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ended = await Promise.race([exit, new Promise((r) => setTimeout(() => r(null), 100))]);
    if (ended) throw new Error(`the service ended while starting (${JSON.stringify(ended)}): ${stderr}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`the service did not answer /healthz within 120 s: ${stderr}`);
  }
  return {
    proc,
    url,
    exit,
    stderr: () => stderr,
    kill: () => {
      proc.kill('SIGKILL');
      return exit;
    },
    stop: () => {
      proc.kill('SIGTERM');
      return exit;
    },
  };
}

export function client(url) {
  const tokens = new Map();
  async function call(method, path, { user = 'admin', body, timeoutMs = 60_000 } = {}) {
    let token = tokens.get(user);
    if (!token) {
      const res = await fetch(`${url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: user, password: PASSWORD }),
      });
      if (res.status !== 201) throw new Error(`login as ${user}: ${res.status} ${await res.text()}`);
      token = (await res.json()).token;
      tokens.set(user, token);
    }
    const res = await fetch(`${url}/api${path}`, {
      method,
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: json, text };
  }
  return { call, get: (path, o) => call('GET', path, o), post: (path, body, o) => call('POST', path, { ...o, body }) };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
