import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../support/cli.js';
import { ROOT } from '../support/service-rig.js';

/**
 * `xiaoer sandbox` as a shop runs it: the compiled CLI in its own process. The test reads what it prints (the banner
 * and the config snippet) exactly as a person would copy it, and stops it with the signal Ctrl-C sends.
 */
export interface SandboxProcess {
  child: ChildProcess;
  /** Everything printed on stdout so far. */
  stdout(): string;
  /** The `platform` and `logistics` the banner tells a person to put in an instance's config.json. */
  snippet: { platform: Record<string, string>; logistics: Record<string, string> };
  /** The sandbox's base (http://127.0.0.1:port), read from the printed gateway URL. */
  url: string;
  /** SIGINT, as Ctrl-C; resolves with the exit code. */
  interrupt(): Promise<number | null>;
}

const cli = join(ROOT, 'dist/cli/index.js');

/** The command is new: a dist built before it has no `sandbox`, so build when its module is missing. */
export async function ensureBuiltSandbox(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/service/sandbox-server.js')))
    await run('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: ROOT });
}

export const exitOf = (p: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    p.exitCode !== null || p.signalCode !== null ? resolve(p.exitCode) : p.once('exit', (code) => resolve(code)),
  );

/** Starts `xiaoer sandbox <args>` and waits for its banner's last line (it has printed everything by then). */
export async function startSandboxProcess(args: string[]): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [cli, 'sandbox', ...args], {
    cwd: ROOT,
    env: { ...process.env, XIAOER_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s));
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (out.includes('按 Ctrl-C 停止沙箱。')) resolve();
    };
    child.stdout!.on('data', check);
    // 'close', not 'exit': by then everything it wrote has been read.
    child.once('close', (code) => reject(new Error(`xiaoer sandbox exited with ${code}: ${err || out}`)));
  });
  // The snippet is the pretty-printed JSON between a line "{" and a line "}".
  const lines = out.split('\n');
  const from = lines.indexOf('{');
  const to = lines.indexOf('}', from);
  const snippet = JSON.parse(lines.slice(from, to + 1).join('\n')) as SandboxProcess['snippet'];
  return {
    child,
    stdout: () => out,
    snippet,
    url: new URL(snippet.platform.gatewayUrl!).origin,
    async interrupt() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      return exitOf(child);
    },
  };
}
