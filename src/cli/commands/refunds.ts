import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import type { Config } from '../../config/index.js';
import { shanghaiDate, systemClock } from '../../shared/time.js';
import { withApi } from '../with-service.js';

export function refundsCommand(loadConfig: () => Config): Command {
  const refunds = new Command('refunds').description('退款登记 (refund register)');
  refunds
    .command('export')
    .description('导出某天的退款登记表 (export a day of the refund register)')
    .option('--date <YYYY-MM-DD>', 'shop date (Asia/Shanghai)', shanghaiDate(systemClock.now()))
    .option('--format <csv|xlsx>', 'file format', 'csv')
    .option('--out <file>', 'output file (default refunds-<date>.<format>)')
    .action(async (opts: { date: string; format: string; out?: string }) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new Error(`--date 要写成 YYYY-MM-DD，收到的是 "${opts.date}"`);
      if (opts.format !== 'csv' && opts.format !== 'xlsx')
        throw new Error(`--format 只能是 csv 或 xlsx，收到的是 "${opts.format}"`);
      const format = opts.format;
      const bytes = await withApi(loadConfig(), (api) => api.refundExport(opts.date, format));
      const out = opts.out ?? `refunds-${opts.date}.${format}`;
      await writeFile(out, bytes);
      process.stdout.write(`已导出 ${out}（${bytes.length} 字节）\n`);
    });
  return refunds;
}
