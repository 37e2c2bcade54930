/**
 * Several xiaoer instances as a shop runs them (issue 20): each the compiled service (`node dist/main.js`) in its
 * own process, over its own data folder, all on one PostgreSQL database (XIAOER_DATABASE_URL), pointed at one
 * standalone `xiaoer sandbox` as at the real platform. A test starts, stops (SIGTERM, as a service manager does),
 * kills (SIGKILL: no shutdown code runs) and restarts them; readiness is the line main.js prints once the service
 * serves, and the port comes from that line, so PORT=0 works and two instances never race for one port.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import axios, { type AxiosResponse } from 'axios';
import { ROOT } from './service-rig.js';

const MAIN = join(ROOT, 'dist/main.js');
const CLI = join(ROOT, 'dist/cli/index.js');
/** What main.js prints once it serves: `小二 xiaoer is serving at http://localhost:PORT (…)`. */
const SERVING = /is serving at http:\/\/[^:\s]+:(\d+)/;

export interface StaffLogin {
  username: string;
  displayName: string;
  role: 'staff' | 'assistant' | 'keeper' | 'admin';
  password: string;
}

/** The two snippets `xiaoer sandbox` prints (test/sandbox-standalone/sandbox-process.ts reads them). */
export interface SandboxSnippet {
  platform: Record<string, unknown>;
  logistics: Record<string, unknown>;
}

export interface InstanceSpec {
  /** For messages: 'A', 'B'. */
  name: string;
  /** The instance's own data folder (its config.json is written there by writeInstanceConfig). */
  dataDir: string;
  databaseUrl: string;
  /** A fixed port (a restart after kill -9 keeps its address); 0 or absent: any free one. */
  port?: number;
  /** Extra environment (XIAOER_LOG_LEVEL defaults to warn: only trouble reaches the captured stderr). */
  env?: Record<string, string>;
  /** How long start() waits for the serving line (default 90 s: migrations and a first load on two loaded cores). */
  readyTimeoutMs?: number;
}

export interface Instance {
  readonly spec: InstanceSpec;
  /** The current process (a new one after restart()). */
  readonly child: ChildProcess;
  readonly pid: number;
  readonly port: number;
  /** http://127.0.0.1:port */
  readonly url: string;
  /** Everything the current process printed, for a failure's message. */
  output(): string;
  /** SIGTERM, as a service manager stops it (the service finishes its writes), and wait until it is gone. */
  stop(): Promise<number | null>;
  /** SIGKILL: gone at once, no shutdown code runs. Resolves when the process is gone. */
  kill(): Promise<void>;
  /** Starts the same spec again, on the same port, and waits until it serves. */
  restart(): Promise<Instance>;
  /** Any HTTP call on this instance; never throws on a status (the test asserts it). */
  request<T = unknown>(
    method: string,
    path: string,
    options?: { token?: string; data?: unknown },
  ): Promise<AxiosResponse<T>>;
  /** POST /api/session; the token, or an error naming the instance and the answer. */
  login(username: string, password: string): Promise<string>;
}

export const processGone = (p: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    p.exitCode !== null || p.signalCode !== null ? resolve(p.exitCode) : p.once('exit', (code) => resolve(code)),
  );

/**
 * Waits for a state, asking again every 100 ms until `timeoutMs` (default 60 s); the state decides, never the
 * wait. For what takes longer than test/cli/service-process.ts's `until` allows (a job slot is a minute).
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await probe();
    if (seen !== undefined) return seen;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A staff password hashed by the shipped `xiaoer hash-password` (password on stdin, hash on stdout), exactly as a
 * shop makes the accounts of a real-platform instance.
 */
export function hashWithCli(password: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [CLI, 'hash-password'], { cwd: ROOT }, (err, stdout, stderr) => {
      if (err) reject(new Error(`xiaoer hash-password failed: ${err.message}\n${stderr}`, { cause: err }));
      else resolve(stdout.trim());
    });
    child.stdin!.end(password + '\n');
  });
}

/**
 * An instance's config.json: the sandbox's snippet as a person pastes it, the staff (hashed by the CLI), the CLI's
 * account, and anything else the test needs (jobs schedules…). The database is not in it: XIAOER_DATABASE_URL is.
 */
export async function writeInstanceConfig(
  dataDir: string,
  options: { sandbox: SandboxSnippet; staff: StaffLogin[]; cliUser?: string; extra?: Record<string, unknown> },
): Promise<void> {
  const staff = [];
  for (const s of options.staff)
    staff.push({
      username: s.username,
      displayName: s.displayName,
      role: s.role,
      passwordHash: await hashWithCli(s.password),
    });
  await mkdir(dataDir, { recursive: true });
  const config = {
    ...options.sandbox,
    staff,
    cliUser: options.cliUser ?? options.staff.find((s) => s.role === 'admin')?.username ?? options.staff[0]?.username,
    ...options.extra,
  };
  await writeFile(join(dataDir, 'config.json'), JSON.stringify(config, null, 2));
}

/** Starts one instance and waits until it serves; a process that exits first fails with what it printed. */
export async function startInstance(spec: InstanceSpec): Promise<Instance> {
  const env = {
    ...process.env,
    XIAOER_DATA_DIR: spec.dataDir,
    XIAOER_DATABASE_URL: spec.databaseUrl,
    PORT: String(spec.port ?? 0),
    HOST: '127.0.0.1',
    XIAOER_LOG_LEVEL: 'warn',
    ...spec.env,
  };
  const child = spawn(process.execPath, [MAIN], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (out += s));
  const timeout = spec.readyTimeoutMs ?? 90_000;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`instance ${spec.name} did not serve within ${timeout} ms:\n${out}`));
    }, timeout);
    const check = () => {
      const m = SERVING.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve(Number(m[1]));
    };
    child.stdout!.on('data', check);
    // 'close', not 'exit': by then everything it printed has been read.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`instance ${spec.name} exited (${code ?? signal}) before serving:\n${out}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const instance: Instance = {
    spec,
    child,
    pid: child.pid!,
    port,
    url,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return processGone(child);
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await processGone(child);
    },
    async restart() {
      await instance.stop();
      return startInstance({ ...spec, port });
    },
    request: (method, path, options = {}) =>
      axios.request({
        method,
        url: url + path,
        data: options.data,
        headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
        proxy: false,
        validateStatus: () => true,
      }),
    async login(username, password) {
      const res = await instance.request<{ token?: string }>('POST', '/api/session', { data: { username, password } });
      if (res.status !== 201 || !res.data.token)
        throw new Error(`login of ${username} on ${spec.name} answered ${res.status}: ${JSON.stringify(res.data)}`);
      return res.data.token;
    },
  };
  return instance;
}
