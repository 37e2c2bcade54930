import { Command } from 'commander';
import { SANDBOX_DEFAULTS } from '../../config/index.js';
import type { RunningSandbox } from '../../service/index.js';
import { createLogger } from '../../shared/logger.js';

interface SandboxFlags {
  port: string;
  host: string;
  data: string;
  orders: string;
  seed: string;
  tickMs: string;
  decryptQuota: string;
}

/** A whole number within bounds, or the sentence saying which option was wrong. */
function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new Error(`${flag} 要写 ${min} 到 ${max} 之间的整数，收到的是 "${text}"`);
  return n;
}

/** What the person who started it reads: what is served where, and how to point an instance at it. */
export function sandboxBanner(s: RunningSandbox, shop: { orders: number; tickMs: number }): string {
  const p = s.instanceConfig.platform;
  const l = s.instanceConfig.logistics;
  const pace = shop.tickMs > 0 ? `每 ${shop.tickMs / 1000} 秒变化一次` : '不会自己变化';
  return [
    `小二沙箱店铺已启动（只有沙箱，没有小二服务）：${shop.orders} 个订单起步，店铺${pace}。`,
    `数据目录：${s.dir}`,
    `  开放平台网关：${s.gatewayUrl}`,
    `    appKey ${p.appKey}，appSecret ${p.appSecret}，sessionKey ${p.sessionKey}`,
    `  消息服务（TMC）：${s.tmcUrl}`,
    `  快递100 查询：${l.baseUrl}（customer ${l.customer}，key ${l.key}）`,
    `  卖家后台：POST ${s.backOfficeUrl}/trades/<订单号>/memo`,
    '',
    '让小二实例连到它：把下面两段放进实例数据目录的 config.json（实例用自己的数据目录，不要用沙箱的）：',
    JSON.stringify(s.instanceConfig, null, 2),
    '这样配置的实例不是沙箱模式，没有演示账号：请用 xiaoer hash-password 生成密码哈希，在 config.json 的 "staff" 里配置员工账号，',
    '并把 "cliUser" 设为其中一个。',
    '',
    '按 Ctrl-C 停止沙箱。',
  ].join('\n');
}

export function sandboxCommand(): Command {
  const d = SANDBOX_DEFAULTS;
  return new Command('sandbox')
    .description('单独运行沙箱店铺（开放平台网关、卖家后台、快递100 查询、消息服务），供多个小二实例共用')
    .option('--port <端口>', '监听的端口，0 表示任选一个空闲端口', '3100')
    .option('--host <地址>', '监听的地址，别的机器要连时写 0.0.0.0', '127.0.0.1')
    .option('--data <目录>', '沙箱自己的数据目录（有自己的锁，和实例的数据目录分开）', 'data/sandbox')
    .option('--orders <数量>', '新建店铺时生成的订单数（目录里已有店铺时沿用原来的）', String(d.orders))
    .option('--seed <种子>', '新建店铺时的随机种子', String(d.seed))
    .option('--tick-ms <毫秒>', '店铺多久变化一次（新订单、付款、发货），0 表示不变', String(d.tickMs))
    .option(
      '--decrypt-quota <个数>',
      '每天（北京时间）允许解密的收货人个数，0 表示一律拒绝',
      String(d.decryptQuotaPerDay),
    )
    .action(async (flags: SandboxFlags) => {
      const port = wholeNumber('--port', flags.port, 0, 65535);
      const orders = wholeNumber('--orders', flags.orders, 0, 200_000);
      const seed = wholeNumber('--seed', flags.seed, -(2 ** 31), 2 ** 31 - 1);
      const tickMs = wholeNumber('--tick-ms', flags.tickMs, 0, 24 * 3600_000);
      const decryptQuotaPerDay = wholeNumber('--decrypt-quota', flags.decryptQuota, 0, 10_000_000);
      const out = (s: string) => process.stdout.write(s + '\n');
      out(`正在打开沙箱店铺 ${flags.data}（第一次要生成订单，可能要几秒）…`);
      // Loaded only here: the other commands need none of the service's modules.
      const { startSandboxServer } = await import('../../service/index.js');
      const sandbox = await startSandboxServer({
        port,
        host: flags.host,
        dir: flags.data,
        orders,
        seed,
        tickMs,
        decryptQuotaPerDay,
        // Only failures, on stderr: the banner on stdout is what the person reads (and what a script parses).
        logger: createLogger({ level: 'error', destination: process.stderr }),
      }).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'EADDRINUSE') throw new Error(`端口 ${port} 已被占用：请用 --port 换一个端口`);
        throw err;
      });
      out(sandboxBanner(sandbox, { orders: sandbox.side.shop.size(), tickMs }));
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          out(`\n收到 ${signal}：正在保存沙箱店铺并停止…`);
          void sandbox.close().then(() => {
            out('沙箱已停止。');
            resolve();
            // Everything is closed and saved; should a handle still hold the process, it is not worth waiting for.
            setTimeout(() => process.exit(0), 1000).unref();
          });
        };
        process.once('SIGINT', () => stop('Ctrl-C'));
        process.once('SIGTERM', () => stop('停止信号'));
      });
    });
}
