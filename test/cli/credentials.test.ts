/**
 * Where `xiaoer login` keeps a session and how a server is named: the file is the person's own (XDG config folder,
 * 0600 in a 0700 folder), one entry per server under one spelling of its URL, and it goes when the last is forgotten.
 */
import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  credentialsPath,
  forgetSession,
  saveSession,
  storedServers,
  storedSession,
} from '../../src/cli/credentials.js';
import { serverUrl } from '../../src/cli/server-target.js';

let dir: string;
let file: string;
const session = (token: string) => ({
  token,
  username: 'xiaoli',
  displayName: '小丽',
  loggedInAt: '2026-12-07T11:00:00.000+08:00',
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-cred-'));
  file = join(dir, 'xiaoer', 'credentials.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the credentials file', () => {
  it('when XDG_CONFIG_HOME is absolute it is used, and a relative one is ignored for ~/.config', () => {
    expect(credentialsPath({ XDG_CONFIG_HOME: '/srv/conf' })).toBe('/srv/conf/xiaoer/credentials.json');
    expect(credentialsPath({ XDG_CONFIG_HOME: 'conf' })).toBe(join(homedir(), '.config/xiaoer/credentials.json'));
    expect(credentialsPath({})).toBe(join(homedir(), '.config/xiaoer/credentials.json'));
  });

  it('when two servers are saved and forgotten, then each keeps its own token, the file stays 0600 and goes with the last', async () => {
    await saveSession('https://a.example:3000', session('t-a'), file);
    await saveSession('http://10.0.0.2:3000', session('t-b'), file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'xiaoer'))).mode & 0o777).toBe(0o700);
    expect(await storedServers(file)).toEqual(['https://a.example:3000', 'http://10.0.0.2:3000']);
    expect((await storedSession('http://10.0.0.2:3000', file))?.token).toBe('t-b');
    // Another spelling of a server is not looked up as if it were one: callers normalise first.
    expect(await storedSession('constructor', file)).toBeUndefined();

    await forgetSession('https://a.example:3000', file);
    expect(await storedServers(file)).toEqual(['http://10.0.0.2:3000']);
    await forgetSession('http://10.0.0.2:3000', file);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('when the file was loosened by hand, then the next save makes it 0600 again', async () => {
    await saveSession('https://a.example:3000', session('t-a'), file);
    await chmod(file, 0o644);
    await saveSession('https://a.example:3000', session('t-c'), file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('when the file is not JSON, then the person is told which file and what to do, in Chinese', async () => {
    await saveSession('https://a.example:3000', session('t-a'), file);
    await writeFile(file, '{ half');
    await expect(storedServers(file)).rejects.toThrow(`登录信息文件 ${file} 读不懂`);
  });
});

describe('a server named with --server', () => {
  it('when it is spelt differently, then it is one key: lower-case host, no trailing slash, the path kept', () => {
    expect(serverUrl('https://Shop.Example:8443/')).toBe('https://shop.example:8443');
    expect(serverUrl(' http://127.0.0.1:3000 ')).toBe('http://127.0.0.1:3000');
    expect(serverUrl('https://gw.example/xiaoer/')).toBe('https://gw.example/xiaoer');
    // The default port is dropped, as the browser drops it.
    expect(serverUrl('https://shop.example:443')).toBe('https://shop.example');
  });

  it('when it is not an http(s) address or carries a password, then it is refused in Chinese', () => {
    for (const bad of ['shop.example:3000', 'ftp://shop.example', 'http://', 'https://shop.example/?a=1'])
      expect(() => serverUrl(bad), bad).toThrow('--server 要写成小二服务的网址');
    expect(() => serverUrl('https://xiaoli:pw@shop.example')).toThrow('--server 的网址里不要写账号和密码');
  });
});
