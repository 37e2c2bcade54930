#!/usr/bin/env node
import { Command } from 'commander';
import { type Config, ConfigError, loadConfig } from '../config/index.js';
import { packageInfo } from '../shared/package-info.js';
import { hashPasswordCommand } from './commands/hash-password.js';
import { handoverCommand } from './commands/handover.js';
import { summaryCommand } from './commands/summary.js';
import { jobsCommand } from './commands/jobs.js';
import { refundsCommand } from './commands/refunds.js';
import { replyCommand } from './commands/reply.js';
import { transfersCommand } from './commands/transfers.js';
import { remarkCommand } from './commands/remark.js';
import { syncCommand } from './commands/sync.js';

/** The CLI is a thin shell over the HTTP API: every command goes through one typed client (see with-service.ts). */
function config(): Config {
  return loadConfig();
}

// `xiaoer jobs list | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command('xiaoer')
  .description('小二 — customer-service connector for Taobao-style shops')
  .version(packageInfo.version)
  .showHelpAfterError();

program.addCommand(syncCommand(config));
program.addCommand(remarkCommand(config));
program.addCommand(refundsCommand(config));
program.addCommand(replyCommand(config));
program.addCommand(transfersCommand(config));
program.addCommand(jobsCommand(config));
program.addCommand(handoverCommand(config));
program.addCommand(summaryCommand(config));
program.addCommand(hashPasswordCommand());

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(err.message + '\n');
  else process.stderr.write(`xiaoer: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
