import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, xiaoer } from '../support/cli.js';
import { ROOT } from '../support/service-rig.js';
import { cliEnv, exited, quietJobs, startServiceProcess, until, type ServiceProcess } from './service-process.js';

/**
 * The real service in its own process, killed while `xiaoer sync` waits for its answer: the CLI must
 * say in Chinese that the service stopped, that the sync may be unfinished, and what to run next.
 */
let dir: string;
let svc: ServiceProcess | null = null;

beforeAll(async () => {
  await ensureBuiltCli();
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-stops-'));
  // No scheduled sync may start on its own: the only sync running is the one the CLI asked for.
  await quietJobs(dir);
}, 120_000);
afterAll(async () => {
  await svc?.kill();
  await rm(dir, { recursive: true, force: true });
});

describe('the service stops while a CLI command waits for it', () => {
  it('when the service is killed during `xiaoer sync`, then the CLI says so in Chinese and to run `xiaoer sync` again, which then works', async () => {
    svc = await startServiceProcess(dir);
    // Every platform call now takes a minute: the CLI's sync is still under way when the service dies.
    await svc.faults({ latencyMs: 60_000 });

    const cli = spawn(process.execPath, [join(ROOT, 'dist/cli/index.js'), 'sync'], { env: cliEnv(dir), cwd: ROOT });
    let stdout = '';
    let stderr = '';
    cli.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    cli.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    // With no scheduled sync, a running sync is the one the CLI's request started.
    await until("the service to run the CLI's sync", async () =>
      (await svc!.api<{ running: boolean }>('get', '/sync')).running ? true : undefined,
    );
    await svc.kill();

    expect(await exited(cli)).toBe(1);
    expect(stderr).toContain(`小二服务（进程 ${svc.pid}）在命令执行中停止了`);
    expect(stderr).toContain('同步可能没有完成');
    expect(stderr).toContain('请再运行 `xiaoer sync`');
    expect(stderr).not.toMatch(/socket hang up|ECONNRESET/);
    expect(stdout).toContain(`小二服务正在运行（进程 ${svc.pid}），由它同步`);

    // What the message says to do works: with the service gone, the CLI syncs the folder itself.
    const again = JSON.parse((await xiaoer(['sync', '--json'], dir)).stdout);
    expect(again.ok).toBe(true);
  }, 180_000);
});
