import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import axios from 'axios';
import { JOB_NAMES } from '../../src/operations/index.js';
import { readLock } from '../../src/storage/index.js';
import { ROOT } from '../support/service-rig.js';

/**
 * The real service as a shop runs it (`node dist/main.js`, the same build as the CLI) in its own
 * process, so a test can compare the CLI's two modes on one build and can kill the service.
 */
export interface ServiceProcess {
  pid: number;
  port: number;
  /** GET/POST on the service's /api as its CLI account (the lock's token). */
  api<T>(method: 'get' | 'post', path: string, data?: unknown): Promise<T>;
  /** The sandbox gateway's fault switches. */
  faults(settings: { latencyMs?: number }): Promise<void>;
  /** SIGTERM (the service finishes its writes and lets go of the folder), and wait until it is gone. */
  stop(): Promise<void>;
  /** SIGKILL, and wait until it is gone. */
  kill(): Promise<void>;
}

export const cliEnv = (dir: string) => ({
  ...process.env,
  XIAOER_DATA_DIR: dir,
  PORT: '0',
  HOST: '127.0.0.1',
  XIAOER_SANDBOX_ORDERS: '250',
  XIAOER_SANDBOX_TICK_MS: '0',
  XIAOER_LOG_LEVEL: 'silent',
});

export const exited = (p: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    p.exitCode !== null || p.signalCode !== null ? resolve(p.exitCode) : p.once('exit', (code) => resolve(code)),
  );

/** Waits for a state, asking again every 50 ms; the state decides, never the wait. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const seen = await probe();
    if (seen !== undefined) return seen;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * No scheduled job may start on its own (nor be made up on start): what the service does is only
 * what the test's commands ask for.
 */
export async function quietJobs(dir: string): Promise<void> {
  const never = '0 0 1 1 *';
  const schedules = Object.fromEntries(JOB_NAMES.map((n) => [n, never]));
  const catchUpMinutes = Object.fromEntries(JOB_NAMES.map((n) => [n, 0]));
  // Print batches run at their configured times; none is made up on start.
  const printBatches = { catchUpMinutes: 0 };
  // Nor a repair window's refresh (中差评处理) when the test starts inside one.
  const jobs = { schedules, catchUpMinutes, printBatches, reviewWindowCatchUp: false };
  await writeFile(join(dir, 'config.json'), JSON.stringify({ jobs }));
}

/** Starts the service on a data folder and waits until it serves and its initial sync has finished. */
export async function startServiceProcess(dir: string): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/main.js')], { env: cliEnv(dir), cwd: ROOT, stdio: 'ignore' });
  const lock = await until('the service to advertise its port', async () => {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
    const l = await readLock(dir);
    return l?.port && l.token && l.pid === child.pid ? { port: l.port, token: l.token } : undefined;
  });
  const base = `http://127.0.0.1:${lock.port}`;
  const svc: ServiceProcess = {
    pid: child.pid!,
    port: lock.port,
    async api<T>(method: 'get' | 'post', path: string, data?: unknown) {
      const headers = { authorization: `Bearer ${lock.token}` };
      return (await axios.request<T>({ method, url: `${base}/api${path}`, data, headers, proxy: false })).data;
    },
    async faults(settings) {
      await axios.post(`${base}/sandbox/faults`, settings, { proxy: false });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited(child);
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited(child);
    },
  };
  await until('the initial sync to finish', async () => {
    const s = await svc.api<{ running: boolean; checkpoint: { lastSuccessAt: string | null } }>('get', '/sync');
    return s.checkpoint.lastSuccessAt && !s.running ? true : undefined;
  });
  return svc;
}
