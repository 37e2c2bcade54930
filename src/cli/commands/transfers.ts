import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Command } from 'commander';
import type { ImportSummary } from '../../reconciliation/index.js';
import { formatYuanFixed } from '../../shared/money.js';
import { shanghaiDate, systemClock } from '../../shared/time.js';
import { type CliContext, withCommandApi } from '../with-service.js';

function printSummary(s: ImportSummary): void {
  const out = (line: string) => process.stdout.write(line + '\n');
  out(`导入 ${s.imported} 行，重复 ${s.duplicates} 行，入账 ${s.credits} 行`);
  // The lists hold the first s.listLimit rows of each kind; the counts are of all of them.
  out(`自动确认 ${s.counts.matched} 笔`);
  for (const m of s.matched)
    out(`  ✓ ${m.row.date} ${formatYuanFixed(m.row.amountFen)} → ${m.transfers?.join(',') ?? m.transfer} (${m.rule})`);
  if (s.counts.matched > s.matched.length) out(`  …还有 ${s.counts.matched - s.matched.length} 笔未显示`);
  out(`待人工核对 ${s.counts.queued} 笔`);
  for (const q of s.queued) out(`  ? ${q.row.date} ${formatYuanFixed(q.row.amountFen)}: ${q.reason}`);
  if (s.counts.queued > s.queued.length) out(`  …还有 ${s.counts.queued - s.queued.length} 笔未显示`);
  out(`未匹配 ${s.counts.unmatched} 笔`);
  if (s.heldBack) out(`! 第${s.heldBack.line}行未导入：${s.heldBack.reason}`);
}

export function transfersCommand(cli: CliContext): Command {
  const transfers = new Command('transfers').description('银行汇款');
  transfers
    .command('import')
    .description('导入银行流水（CSV 或 XLSX）并自动匹配')
    .argument('<file>', '网银导出的对账单文件')
    .option('--bank <bank>', '银行：icbc、ccb、abc、boc、cmb、bocom 或 alipay，不填自动识别')
    .option('--json', '以 JSON 输出结果')
    .action(async (file: string, opts: { bank?: string; json?: boolean }) => {
      const bytes = await readFile(file);
      const summary = await withCommandApi(cli, (api) =>
        api.importStatement({ bytes, name: basename(file) }, opts.bank),
      );
      if (opts.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
      else printSummary(summary);
    });
  transfers
    .command('register')
    .description('导出某天的汇款销售记录表')
    .option('--date <YYYY-MM-DD>', '日期（北京时间）', shanghaiDate(systemClock.now()))
    .requiredOption('--out <file>', '保存到哪个文件（.xlsx 或 .csv）')
    .action(async (opts: { date: string; out: string }) => {
      const format =
        extname(opts.out).toLowerCase() === '.xlsx'
          ? 'xlsx'
          : extname(opts.out).toLowerCase() === '.csv'
            ? 'csv'
            : null;
      if (!format) throw new Error(`--out 的文件名要以 .xlsx 或 .csv 结尾，收到的是 "${opts.out}"`);
      const bytes = await withCommandApi(cli, (api) => api.transferRegister(opts.date, format));
      await writeFile(opts.out, bytes);
      process.stdout.write(`已导出 ${opts.out}（${bytes.length} 字节）\n`);
    });
  return transfers;
}
