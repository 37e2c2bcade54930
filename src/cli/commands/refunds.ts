import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { isShopDate } from '../../shared/shop-date.js';
import { shanghaiDate, systemClock } from '../../shared/time.js';
import { type CliContext, withCommandApi } from '../with-service.js';

export function refundsCommand(cli: CliContext): Command {
  const refunds = new Command('refunds').description('退款登记');
  refunds
    .command('export')
    .description('导出某天的退款登记表')
    .option('--date <YYYY-MM-DD>', '日期（北京时间）', shanghaiDate(systemClock.now()))
    .option('--format <csv|xlsx>', '文件格式：csv 或 xlsx', 'csv')
    .option('--out <file>', '保存到哪个文件，默认 “refunds-日期.格式”')
    .action(async (opts: { date: string; format: string; out?: string }) => {
      if (!isShopDate(opts.date)) throw new Error(`--date 要写成 YYYY-MM-DD 的真实日期，收到的是 "${opts.date}"`);
      if (opts.format !== 'csv' && opts.format !== 'xlsx')
        throw new Error(`--format 只能是 csv 或 xlsx，收到的是 "${opts.format}"`);
      const format = opts.format;
      const bytes = await withCommandApi(cli, (api) => api.refundExport(opts.date, format));
      const out = opts.out ?? `refunds-${opts.date}.${format}`;
      await writeFile(out, bytes);
      process.stdout.write(`已导出 ${out}（${bytes.length} 字节）\n`);
    });
  return refunds;
}
