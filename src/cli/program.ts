import { Command } from 'commander';
import { packageInfo } from '../shared/package-info.js';
import { chineseErrors } from './chinese-errors.js';
import { chineseHelp } from './chinese-help.js';
import { hashPasswordCommand } from './commands/hash-password.js';
import { handoverCommand } from './commands/handover.js';
import { summaryCommand } from './commands/summary.js';
import { printCommand } from './commands/print.js';
import { jobsCommand } from './commands/jobs.js';
import { refundsCommand } from './commands/refunds.js';
import { replyCommand } from './commands/reply.js';
import { transfersCommand } from './commands/transfers.js';
import { remarkCommand } from './commands/remark.js';
import { syncCommand } from './commands/sync.js';
import { sandboxCommand } from './commands/sandbox.js';
import { storeCommand } from './commands/store.js';
import { loginCommand, logoutCommand, whoamiCommand } from './commands/session.js';
import type { Config } from '../config/index.js';
import { serverOption, serverUrl } from './server-target.js';
import type { CliContext } from './with-service.js';

/** Commands that never talk to a service: they take no --server. */
const LOCAL_ONLY = new Set(['hash-password', 'sandbox', 'store']);

/**
 * Every command that works through a service takes --server (or XIAOER_SERVER); login and logout have their own.
 * Added to the leaves, so it is written after the command (`xiaoer jobs list --server …`) and shown in its help.
 */
function addServerOption(command: Command): void {
  for (const sub of command.commands) {
    if (LOCAL_ONLY.has(sub.name())) continue;
    if (sub.commands.length) addServerOption(sub);
    else if (!sub.options.some((o) => o.long === '--server'))
      sub.addOption(serverOption('交给哪个小二服务执行：填它的网址，并先用 xiaoer login 登录；不填时在本机执行'));
  }
}

/** The command tree, its help in Chinese; `config` is read only when a command runs. */
export function buildProgram(config: () => Config): Command {
  // Set just before a command's action runs, from that command's --server; read by withCommandApi.
  let chosen: string | undefined;
  const cli: CliContext = { config, server: () => (chosen?.trim() ? serverUrl(chosen) : undefined) };
  const program = new Command('xiaoer')
    .description('小二 — 淘宝店铺的客服助手')
    .version(packageInfo.version, '-V, --version', '显示版本号');

  program.addCommand(syncCommand(cli));
  program.addCommand(remarkCommand(cli));
  program.addCommand(refundsCommand(cli));
  program.addCommand(replyCommand(cli));
  program.addCommand(transfersCommand(cli));
  program.addCommand(jobsCommand(cli));
  program.addCommand(handoverCommand(cli));
  program.addCommand(summaryCommand(cli));
  program.addCommand(printCommand(cli));
  program.addCommand(loginCommand());
  program.addCommand(logoutCommand());
  program.addCommand(whoamiCommand(cli));
  program.addCommand(hashPasswordCommand());
  program.addCommand(sandboxCommand());
  program.addCommand(storeCommand());
  addServerOption(program);
  program.hook('preAction', (_program, action) => {
    chosen = (action.opts() as { server?: string }).server;
  });
  chineseHelp(program);
  chineseErrors(program);
  return program;
}
