import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './service-rig.js';

export const run = promisify(execFile);
const cli = join(ROOT, 'dist/cli/index.js');

/** The CLI is tested as shipped: compiled (npm test compiles first; a bare vitest run builds if needed). */
export async function ensureBuiltCli(): Promise<void> {
  if (!existsSync(cli)) await run('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: ROOT });
}

/** Runs `xiaoer <args>` against a data folder, as a shop's admin would from a shell. */
export function xiaoer(args: string[], dataDir: string, extraEnv: Record<string, string> = {}) {
  const env = {
    ...process.env,
    XIAOER_DATA_DIR: dataDir,
    XIAOER_SANDBOX_ORDERS: '250',
    XIAOER_SANDBOX_TICK_MS: '0',
    XIAOER_LOG_LEVEL: 'silent',
    ...extraEnv,
  };
  return run(process.execPath, [cli, ...args], { env, cwd: ROOT });
}
