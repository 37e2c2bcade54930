/**
 * The CLI on a staff computer talking to a chosen instance (`--server URL`) as the person who logged in there:
 * `xiaoer login` through the service's own login route, the token kept in a 0600 file of her own config folder,
 * every later command sent with it, `xiaoer logout` ending it on the server. The computer has no data folder of the
 * shop: the commands must neither read a lock there nor start a service on it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/accounts/index.js';
import { ensureBuiltCli, xiaoer } from '../support/cli.js';
import { ROOT } from '../support/service-rig.js';
import { quietJobs, startServiceProcess, type ServiceProcess } from './service-process.js';

let shop: string;
let laptop: string;
let home: string;
let svc: ServiceProcess;
let server: string;
let blank: string[];

const credentials = () => join(home, 'config', 'xiaoer', 'credentials.json');
const env = () => ({ HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XIAOER_PASSWORD: '', XIAOER_SERVER: '' });
/** `xiaoer …` on the staff computer: its own (empty) data folder, its own home. */
const staff = (args: string[], extra: Record<string, string> = {}) => xiaoer(args, laptop, { ...env(), ...extra });
/** The same, expected to fail: what it wrote on stderr. */
async function refused(args: string[], extra: Record<string, string> = {}): Promise<string> {
  const err = await staff(args, extra).then(
    () => null,
    (e: { code: number; stderr: string }) => e,
  );
  expect(err, args.join(' ')).not.toBeNull();
  expect(err!.code).toBe(1);
  return err!.stderr;
}
const stored = async () =>
  JSON.parse(await readFile(credentials(), 'utf8')) as {
    servers: Record<string, { token: string; username: string }>;
  };
const meWith = (token: string) =>
  axios.get(`${server}/api/me`, { headers: { authorization: `Bearer ${token}` }, proxy: false, validateStatus: null });

beforeAll(async () => {
  await ensureBuiltCli();
  const made = (n: string) => mkdtemp(join(tmpdir(), `xiaoer-${n}-`));
  [shop, laptop, home] = await Promise.all([made('shop'), made('laptop'), made('home')]);
  await quietJobs(shop);
  svc = await startServiceProcess(shop);
  server = `http://127.0.0.1:${svc.port}`;
  const { orders } = await svc.api<{ orders: { tid: string; sellerMemo: string }[] }>(
    'get',
    '/orders?status=WAIT_SELLER_SEND_GOODS&pageSize=200',
  );
  blank = orders.filter((o) => !o.sellerMemo).map((o) => o.tid);
  expect(blank.length).toBeGreaterThanOrEqual(2);
}, 120_000);
afterAll(async () => {
  await svc?.kill();
  await Promise.all([shop, laptop, home].map((d) => d && rm(d, { recursive: true, force: true })));
});

describe('the CLI with --server', () => {
  it('when xiaoli logs in and writes a remark through --server, then the remark carries her name and the token is kept 0600 without the password', async () => {
    const login = await staff(['login', '--server', `${server}/`, '--user', 'xiaoli'], {
      XIAOER_PASSWORD: DEMO_PASSWORD,
    });
    expect(login.stdout).toContain(`已登录 ${server}：小丽（xiaoli）`);

    const file = await stat(credentials());
    expect(file.mode & 0o777).toBe(0o600);
    expect((await stat(join(home, 'config', 'xiaoer'))).mode & 0o777).toBe(0o700);
    const text = await readFile(credentials(), 'utf8');
    expect(text).not.toContain(DEMO_PASSWORD);
    const { servers } = JSON.parse(text) as { servers: Record<string, { token: string; username: string }> };
    // Keyed by the server as normalised (no trailing slash), and the token is a live session of xiaoli's.
    expect(Object.keys(servers)).toEqual([server]);
    expect((await meWith(servers[server]!.token)).data.user.username).toBe('xiaoli');

    const tid = blank[0]!;
    const remark = await staff(['remark', tid, 'oos.notify', '--field', 'via=电话', '--json', '--server', server]);
    const written = JSON.parse(remark.stdout) as { status: string; entry: string };
    expect(written.status).toBe('written');
    expect(written.entry).toMatch(/\+小丽\/\d{2}\.\d{2}$/);
    expect(written.entry).not.toContain('管理员');
    // Written on the service (the shop's store), not in anything on the staff computer.
    const order = await svc.api<{ sellerMemo: string }>('get', `/orders/${tid}`);
    expect(order.sellerMemo).toContain(written.entry);
    expect(await readdir(laptop)).toEqual([]);

    const who = await staff(['whoami'], { XIAOER_SERVER: server });
    expect(who.stdout).toBe(`小丽（xiaoli，客服）\n小二服务：${server}（您登录的账号）\n`);
  }, 120_000);

  it('when she logs out, then the server ends the session, the file forgets it, and the next command asks her to log in first', async () => {
    await staff(['login', '--server', server, '--user', 'xiaoli'], { XIAOER_PASSWORD: DEMO_PASSWORD });
    const token = (await stored()).servers[server]!.token;
    const out = await staff(['logout', '--server', server]);
    expect(out.stdout).toBe(`已退出 ${server}：小丽（xiaoli）\n`);
    expect((await meWith(token)).status).toBe(401);
    await expect(stat(credentials())).rejects.toMatchObject({ code: 'ENOENT' });

    const stderr = await refused(['remark', blank[1]!, 'oos.notify', '--field', 'via=电话', '--server', server]);
    expect(stderr).toContain(`这台电脑还没有登录 ${server}：请先登录，运行 xiaoer login --server ${server}`);
    // Not written by anyone else instead.
    const order = await svc.api<{ sellerMemo: string }>('get', `/orders/${blank[1]}`);
    expect(order.sellerMemo).toBe('');
    expect(await readdir(laptop)).toEqual([]);
  }, 120_000);

  it('when the session was ended elsewhere, then a command says the login expired and names the command to log in again', async () => {
    // The password on standard input, as a script gives it.
    await new Promise<void>((resolve, reject) => {
      const cli = join(ROOT, 'dist/cli/index.js');
      const child = execFile(
        process.execPath,
        [cli, 'login', '--server', server, '--user', 'azhang'],
        { env: { ...process.env, XIAOER_DATA_DIR: laptop, ...env() }, cwd: ROOT },
        (err) => (err ? reject(err) : resolve()),
      );
      child.stdin!.end(`${DEMO_PASSWORD}\n`);
    });
    const token = (await stored()).servers[server]!.token;
    expect((await meWith(token)).data.user.username).toBe('azhang');
    await axios.delete(`${server}/api/session`, { headers: { authorization: `Bearer ${token}` }, proxy: false });

    const stderr = await refused(['jobs', 'list', '--server', server]);
    expect(stderr).toBe(
      `xiaoer: 在 ${server} 的登录已失效（过期了，或已在别处退出）：请重新登录，运行 xiaoer login --server ${server} --user azhang\n`,
    );
  }, 120_000);

  it("when the password is wrong, then login says so as the service does, and then the throttle's words, storing nothing", async () => {
    const before = await readFile(credentials(), 'utf8').catch(() => null);
    const login = ['login', '--server', server, '--user', 'xiaozhou'];
    expect(await refused(login, { XIAOER_PASSWORD: 'not-the-password' })).toBe('xiaoer: 用户名或密码错误\n');
    // The throttle holds back a fourth wrong try a moment and locks the pair at ten: within eleven tries it answers.
    let stderr = '';
    for (let i = 0; i < 11 && !/再试/.test(stderr); i++)
      stderr = await refused(login, { XIAOER_PASSWORD: 'wrong-again' });
    expect(stderr).toMatch(
      /^xiaoer: (密码错误次数较多，请 \d+ 秒后再试|这台电脑上这个账号的密码错误次数过多，请 \d+ 分钟后再试，或请管理员解锁)\n$/,
    );
    expect(await readFile(credentials(), 'utf8').catch(() => null)).toBe(before);
  }, 120_000);

  it('when the server cannot be reached or is mistyped, then the CLI names the address', async () => {
    const nowhere = 'http://127.0.0.1:1';
    const stderr = await refused(['login', '--server', nowhere, '--user', 'xiaoli'], {
      XIAOER_PASSWORD: DEMO_PASSWORD,
    });
    expect(stderr).toMatch(
      /^xiaoer: 连不上小二服务（http:\/\/127\.0\.0\.1:1）：请检查网址和端口是否写对.*（ECONNREFUSED）\n$/,
    );
    expect(await refused(['whoami', '--server', 'ftp://shop'])).toContain(
      '--server 要写成小二服务的网址，如 https://主机:端口，收到的是 "ftp://shop"',
    );
    expect(await refused(['login', '--user', 'xiaoli'])).toContain('请用 --server 写上要登录的小二服务的网址');
  }, 60_000);
});
