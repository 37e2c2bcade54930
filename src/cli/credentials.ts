import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';

/**
 * The sessions `xiaoer login` opened, one per server, in the person's own config folder (never the shop's data
 * folder, which belongs to the service): `$XDG_CONFIG_HOME/xiaoer/credentials.json`, else
 * `~/.config/xiaoer/credentials.json`. The file is 0600 in a 0700 folder because the token acts as that person
 * until it expires or `xiaoer logout` ends it; no password is ever written.
 */
export interface StoredSession {
  token: string;
  username: string;
  displayName: string;
  /** Shop time (+08:00), for the person reading the file. */
  loggedInAt: string;
}

interface CredentialsFile {
  servers: Record<string, StoredSession>;
}

export function credentialsPath(env: NodeJS.ProcessEnv = process.env): string {
  // The XDG rule: a relative XDG_CONFIG_HOME is invalid and ignored.
  const xdg = env.XDG_CONFIG_HOME?.trim();
  const base = xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.config');
  return join(base, 'xiaoer', 'credentials.json');
}

async function readAll(path: string): Promise<CredentialsFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { servers: {} };
    throw err;
  }
  try {
    const parsed = JSON.parse(text) as Partial<CredentialsFile>;
    if (!parsed || typeof parsed.servers !== 'object' || parsed.servers === null) throw new Error('缺少服务器列表');
    return { servers: parsed.servers };
  } catch (err) {
    throw new Error(
      `登录信息文件 ${path} 读不懂（${(err as Error).message}）：请删掉它，再用 xiaoer login 重新登录。`,
      {
        cause: err,
      },
    );
  }
}

/** Written whole to a 0600 file beside it, then renamed over it: a reader never sees half a file. */
async function writeAll(path: string, data: CredentialsFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(data, null, 2) + '\n', { mode: 0o600 });
  // writeFile's mode applies only to a file it creates; a left-over temp file keeps its own.
  await chmod(tmp, 0o600);
  await rename(tmp, path);
}

export async function storedSession(server: string, path = credentialsPath()): Promise<StoredSession | undefined> {
  const all = await readAll(path);
  return Object.hasOwn(all.servers, server) ? all.servers[server] : undefined;
}

export async function storedServers(path = credentialsPath()): Promise<string[]> {
  return Object.keys((await readAll(path)).servers);
}

export async function saveSession(server: string, session: StoredSession, path = credentialsPath()): Promise<void> {
  const all = await readAll(path);
  all.servers[server] = session;
  await writeAll(path, all);
}

/** Forgets one server's session; the file goes when it holds none. */
export async function forgetSession(server: string, path = credentialsPath()): Promise<void> {
  const all = await readAll(path);
  if (!Object.hasOwn(all.servers, server)) return;
  delete all.servers[server];
  if (Object.keys(all.servers).length) await writeAll(path, all);
  else await rm(path, { force: true });
}
