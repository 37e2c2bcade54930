/**
 * Issue 20: the sandbox shop as an outside system of its own. `xiaoer sandbox` runs in its own process over its own
 * folder; an instance configured with nothing but what the sandbox printed (platform.kind taobao, logistics.kind
 * kuaidi100, their URLs and the sandbox's credentials) works against it with the real adapters: orders sync, a remark
 * lands on the sandbox's memo, parcels are tracked, and a back-office memo reaches the instance through TMC.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/accounts/index.js';
import { loadConfig } from '../../src/config/load-config.js';
import { startService, type RunningService } from '../../src/service/start-service.js';
import { silentLogger } from '../../src/shared/logger.js';
import { readLock } from '../../src/storage/index.js';
import { until } from '../cli/service-process.js';
import { callTop } from '../platform/sandbox/third-party-client.js';
import { xiaoer } from '../support/cli.js';
import { ROOT } from '../support/service-rig.js';
import { ensureBuiltSandbox, startSandboxProcess, type SandboxProcess } from './sandbox-process.js';

const PASSWORD = 'standalone-admin-pw';
const ORDERS = 120;

describe('xiaoer sandbox, with an instance pointed at it as at the real platform', () => {
  let root: string;
  let sandboxDir: string;
  let instanceDir: string;
  let sandbox: SandboxProcess;
  let svc: RunningService;
  let token: string;
  /** The order the instance wrote a remark on. */
  let remarked: string;
  const api = () => ({
    get: (path: string) => request(svc.url).get(`/api${path}`).set('authorization', `Bearer ${token}`),
    post: (path: string) => request(svc.url).post(`/api${path}`).set('authorization', `Bearer ${token}`),
  });
  /** What the sandbox's gateway says of a trade, asked as any third-party client would. */
  const gatewayTrade = async (tid: string) =>
    (
      await callTop(sandbox.url as never, Date.now(), 'taobao.trade.fullinfo.get', {
        tid,
        fields: 'tid,status,seller_memo,seller_flag',
      })
    ).json.trade_fullinfo_get_response.trade as { seller_memo?: string; seller_flag?: number };

  beforeAll(async () => {
    await ensureBuiltSandbox();
    root = await mkdtemp(join(tmpdir(), 'xiaoer-standalone-'));
    sandboxDir = join(root, 'shop');
    instanceDir = join(root, 'instance');
    sandbox = await startSandboxProcess([
      '--port',
      '0',
      '--data',
      sandboxDir,
      '--orders',
      String(ORDERS),
      '--tick-ms',
      '0',
    ]);
    // The instance's config is the printed snippet as a person pastes it, plus the staff a real-platform one needs.
    const admin = { username: 'boss', displayName: '店长', role: 'admin', passwordHash: await hashPassword(PASSWORD) };
    await mkdir(instanceDir);
    await writeFile(
      join(instanceDir, 'config.json'),
      JSON.stringify({ ...sandbox.snippet, staff: [admin], cliUser: 'boss' }),
    );
    const config = loadConfig({ XIAOER_DATA_DIR: instanceDir, PORT: '0', XIAOER_LOG_LEVEL: 'silent' }, ROOT);
    svc = await startService(config, { jobs: false, initialSync: false, logger: silentLogger() });
    const login = await request(svc.url)
      .post('/api/session')
      .send({ username: 'boss', password: PASSWORD })
      .expect(201);
    token = login.body.token as string;
  }, 120_000);

  afterAll(async () => {
    await svc?.close();
    await sandbox?.interrupt();
    await rm(root, { recursive: true, force: true });
  });

  it('when started, then it prints where it serves in Chinese and holds its own folder, and the instance embeds no shop', async () => {
    const printed = sandbox.stdout();
    expect(printed).toContain('小二沙箱店铺已启动');
    expect(printed).toContain(`开放平台网关：${sandbox.snippet.platform.gatewayUrl}`);
    expect(printed).toContain(`消息服务（TMC）：${sandbox.snippet.platform.tmcUrl}`);
    expect(printed).toContain(`快递100 查询：${sandbox.snippet.logistics.baseUrl}`);
    expect(sandbox.snippet.platform).toMatchObject({ kind: 'taobao', appKey: '10000001' });
    expect(sandbox.snippet.logistics).toMatchObject({ kind: 'kuaidi100' });
    expect((await readLock(sandboxDir))?.pid).toBe(sandbox.child.pid);
    // The instance talks to the real adapters' kinds and keeps no sandbox of its own.
    expect(svc.outside.platform.kind).toBe('taobao');
    expect(svc.outside.tracker.kind).toBe('kuaidi100');
    expect(svc.outside.shop).toBeNull();
    expect(existsSync(join(instanceDir, 'sandbox'))).toBe(false);
    // Only the sandbox is served there: no console, no API.
    const res = await request(sandbox.url).get('/api/orders');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('沙箱没有这个地址');
  });

  it('when the instance syncs, then it has every order of the sandbox and its parcels are tracked through the courier', async () => {
    const run = await svc.sync.syncAll();
    expect(run.errors).toEqual([]);
    expect(run.ordersNew).toBe(ORDERS);
    expect(run.parcelsRefreshed).toBeGreaterThan(0);
    const shipped = await api().get('/orders?status=WAIT_BUYER_CONFIRM_GOODS&pageSize=1').expect(200);
    const tid = shipped.body.orders[0].tid as string;
    const order = await api().get(`/orders/${tid}`).expect(200);
    expect(order.body.logistics.length).toBeGreaterThan(0);
    const parcel = order.body.logistics[0] as { checkedAt: string | null; events: unknown[] };
    expect(parcel.checkedAt).not.toBeNull();
    expect(parcel.events.length).toBeGreaterThan(0);
  });

  it('when staff write a remark on the instance, then it lands on the sandbox memo, read back through its gateway', async () => {
    const list = await api().get('/orders?status=WAIT_SELLER_SEND_GOODS&pageSize=1').expect(200);
    const tid = (remarked = list.body.orders[0].tid as string);
    const res = await api().post(`/orders/${tid}/remarks`).send({ kind: 'price.ordinary', fields: {} });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('written');
    expect(res.body.memo).toContain(res.body.entry);
    expect((await gatewayTrade(tid)).seller_memo).toBe(res.body.memo);
  });

  it('when a memo is written in the sandbox back office, then the instance shows it from a TMC message, with no sync', async () => {
    await until('the instance to connect to the TMC', async () =>
      svc.tmc.health().connected === true ? true : undefined,
    );
    const list = await api().get('/orders?status=WAIT_BUYER_CONFIRM_GOODS&pageSize=2').expect(200);
    const tid = list.body.orders.find((o: { tid: string }) => o.tid !== remarked).tid as string;
    const received = svc.tmc.consumer!.status().received;
    const memo = '后台同事备注：改发顺丰';
    await request(sandbox.url).post(`/sandbox/back-office/trades/${tid}/memo`).send({ memo, flag: 2 }).expect(200);
    const order = await until('the memo to reach the instance', async () => {
      const res = await api().get(`/orders/${tid}`);
      return res.body.sellerMemo === memo ? res.body : undefined;
    });
    expect(order).toMatchObject({ sellerMemo: memo, sellerFlag: 2 });
    expect(svc.tmc.consumer!.status().received).toBeGreaterThan(received);
    expect(svc.sync.running()).toBe(false);
  });

  it('when stopped with Ctrl-C and started again on its folder, then it saved its shop and freed its lock', async () => {
    const tid = remarked;
    const before = await gatewayTrade(tid);
    expect(before.seller_memo).toBeTruthy();
    expect(await sandbox.interrupt()).toBe(0);
    expect(sandbox.stdout()).toContain('沙箱已停止。');
    expect(await readLock(sandboxDir)).toBeNull();
    sandbox = await startSandboxProcess(['--port', '0', '--data', sandboxDir, '--orders', '5', '--tick-ms', '0']);
    // The same shop, not a new one of 5 orders: the remark written before the stop is still on the memo.
    expect(sandbox.stdout()).toContain(`${ORDERS} 个订单起步`);
    expect((await gatewayTrade(tid)).seller_memo).toBe(before.seller_memo);
  });

  it('when a second sandbox is started on the same folder, then it is refused in Chinese and the first goes on', async () => {
    await expect(startSandboxProcess(['--port', '0', '--data', sandboxDir])).rejects.toThrow(/数据目录 .* 正被进程/);
    expect((await readLock(sandboxDir))?.pid).toBe(sandbox.child.pid);
    const health = await request(sandbox.url).get('/healthz').expect(200);
    expect(health.body).toMatchObject({ ok: true, sandbox: true, orders: ORDERS });
  });
});

describe('xiaoer sandbox, given a wrong option', () => {
  it('when the port is not a port, then it says so in Chinese and serves nothing', async () => {
    await ensureBuiltSandbox();
    const dir = await mkdtemp(join(tmpdir(), 'xiaoer-standalone-'));
    try {
      const failed = await xiaoer(['sandbox', '--port', '70000', '--data', join(dir, 'shop')], dir).then(
        () => undefined,
        (err: { code: number; stderr: string }) => err,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toContain('--port 要写 0 到 65535 之间的整数，收到的是 "70000"');
      expect(existsSync(join(dir, 'shop'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
