import { Command } from 'commander';
import { toInstant } from '../../shared/time.js';
import { createApiClient, openSession } from '../api-client.js';
import { forgetSession, saveSession, storedServers, storedSession } from '../credentials.js';
import { askHidden, askLine, firstLine } from '../prompt.js';
import { serverOption, serverTarget, serverUrl } from '../server-target.js';
import { type CliContext, withCommandApi } from '../with-service.js';

const out = (s: string) => process.stdout.write(s + '\n');

/** http:// to another machine: the password crosses the network readable (to this machine it never leaves it). */
function plainOverNetwork(server: string): boolean {
  const url = new URL(server);
  return url.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** The password: XIAOER_PASSWORD for a script, typed with echo off at a terminal, else standard input's first line. */
async function password(): Promise<string> {
  const fromEnv = process.env.XIAOER_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) return askHidden('密码（输入时不显示）：');
  return firstLine();
}

/** `xiaoer login --server URL [--user NAME]`: a session of one's own on that instance, kept for later commands. */
export function loginCommand(): Command {
  return new Command('login')
    .description('以您自己的账号登录一个小二服务；之后的命令加上同一个 --server 就以您的身份在那里执行')
    .addOption(serverOption('要登录的小二服务的网址（主机和端口）'))
    .option('--user <账号>', '您的员工账号；不填时会询问')
    .action(async (opts: { server?: string; user?: string }) => {
      if (!opts.server)
        throw new Error('请用 --server 写上要登录的小二服务的网址，如 xiaoer login --server https://主机:端口');
      const server = serverUrl(opts.server);
      if (plainOverNetwork(server))
        process.stderr.write(
          `注意：${server} 不是 https，密码和登录令牌会不加密地经过网络，请只在可信的局域网里这样用。\n`,
        );
      let username = opts.user?.trim();
      if (!username && process.stdin.isTTY) username = await askLine('账号：');
      if (!username) throw new Error('请用 --user 写上您的员工账号。');
      const secret = await password();
      if (!secret) throw new Error('没有读到密码：请在提示时输入，或由脚本经环境变量 XIAOER_PASSWORD 或标准输入给出。');
      const { token, user } = await openSession(serverTarget(server), username, secret);
      const previous = await storedSession(server);
      await saveSession(server, {
        token,
        username: user.username,
        displayName: user.displayName,
        loggedInAt: toInstant(Date.now()),
      });
      // The session this login replaces would otherwise stay valid on the server until it expires.
      if (previous && previous.token !== token)
        await createApiClient({ ...serverTarget(server), token: previous.token })
          .endSession()
          .catch(() => undefined);
      out(
        `已登录 ${server}：${user.displayName}（${user.username}）。之后的命令加上 --server ${server} 就以您的身份执行。`,
      );
    });
}

/** `xiaoer logout [--server URL]`: ends the session on the server and forgets it here (every server's, unnamed). */
export function logoutCommand(): Command {
  return new Command('logout')
    .description('退出登录：结束服务器上的会话，并删除这台电脑上保存的登录；不写 --server 时退出所有服务')
    .addOption(serverOption('要退出的小二服务的网址'))
    .action(async (opts: { server?: string }) => {
      const servers = opts.server ? [serverUrl(opts.server)] : await storedServers();
      if (!servers.length) return void out('这台电脑上没有保存任何登录。');
      for (const server of servers) {
        const session = await storedSession(server);
        if (!session) {
          out(`这台电脑没有登录 ${server}，不用退出。`);
          continue;
        }
        let note = '';
        try {
          await createApiClient({
            ...serverTarget(server),
            token: session.token,
            unauthenticated: '已失效',
          }).endSession();
        } catch (err) {
          // A session the server no longer knows is already ended; any other failure leaves it to expire there.
          if ((err as { code?: string }).code !== 'unauthenticated')
            note = `（没能通知服务器：${(err as Error).message}；服务器上的这次登录会在到期时失效）`;
        }
        await forgetSession(server);
        out(`已退出 ${server}：${session.displayName}（${session.username}）${note}`);
      }
    });
}

/** `xiaoer whoami [--server URL]`: who the commands act as, and where. */
export function whoamiCommand(cli: CliContext): Command {
  return new Command('whoami').description('显示命令以谁的身份、在哪个小二服务上执行').action(async () => {
    const [user, labels, where] = await withCommandApi(cli, async (api, w) => [await api.me(), await api.labels(), w]);
    const role = Object.hasOwn(labels.roles, user.role) ? labels.roles[user.role]! : user.role;
    out(`${user.displayName}（${user.username}，${role}）`);
    if (where.kind === 'server') out(`小二服务：${where.url}（您登录的账号）`);
    else if (where.kind === 'service') out(`小二服务：本机进程 ${where.pid}（配置里 cliUser 指定的账号）`);
    else out('小二服务：由这条命令在本机数据目录上临时启动（配置里 cliUser 指定的账号）');
  });
}
