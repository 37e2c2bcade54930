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
import type { Config } from '../config/index.js';

/** The command tree, its help in Chinese; `config` is read only when a command runs. */
export function buildProgram(config: () => Config): Command {
  const program = new Command('xiaoer')
    .description('小二 — 淘宝店铺的客服助手')
    .version(packageInfo.version, '-V, --version', '显示版本号');

  program.addCommand(syncCommand(config));
  program.addCommand(remarkCommand(config));
  program.addCommand(refundsCommand(config));
  program.addCommand(replyCommand(config));
  program.addCommand(transfersCommand(config));
  program.addCommand(jobsCommand(config));
  program.addCommand(handoverCommand(config));
  program.addCommand(summaryCommand(config));
  program.addCommand(printCommand(config));
  program.addCommand(hashPasswordCommand());
  program.addCommand(sandboxCommand());
  chineseHelp(program);
  chineseErrors(program);
  return program;
}
