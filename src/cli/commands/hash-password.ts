import { Command } from 'commander';
import { createInterface } from 'node:readline/promises';
import { hashPassword } from '../../accounts/index.js';

export function hashPasswordCommand(): Command {
  return new Command('hash-password').description('生成员工账号的密码哈希，填进 data/config.json').action(async () => {
    // Read from stdin so the password never appears in shell history or the process list.
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
    process.stderr.write('password: ');
    const line = (await rl[Symbol.asyncIterator]().next()).value as string | undefined;
    rl.close();
    if (!line || line.length < 8) {
      process.stderr.write('\n密码至少 8 位 / the password needs at least 8 characters\n');
      process.exitCode = 2;
      return;
    }
    process.stdout.write((await hashPassword(line)) + '\n');
  });
}
