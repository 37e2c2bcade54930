import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Command } from 'commander';
import type { Config } from '../../config/index.js';
import type { ImportSummary } from '../../reconciliation/index.js';
import { shanghaiDate, systemClock } from '../../shared/time.js';
import { withService } from '../with-service.js';

function printSummary(s: ImportSummary): void {
  const out = (line: string) => process.stdout.write(line + '\n');
  out(`导入 imported ${s.imported} 行, 重复 duplicates ${s.duplicates}, 入账 credits ${s.credits}`);
  out(`自动确认 matched ${s.counts.matched}`);
  for (const m of s.matched) out(`  ✓ ${m.row.date} ${(m.row.amountFen / 100).toFixed(2)} → ${m.transfers?.join(',') ?? m.transfer} (${m.rule})`);
  out(`待人工 queued ${s.counts.queued}`);
  for (const q of s.queued) out(`  ? ${q.row.date} ${(q.row.amountFen / 100).toFixed(2)}: ${q.reason}`);
  out(`未匹配 unmatched ${s.counts.unmatched}`);
  if (s.heldBack) out(`! 第${s.heldBack.line}行未导入：${s.heldBack.reason}`);
}

export function transfersCommand(loadConfig: () => Config): Command {
  const transfers = new Command('transfers').description('银行汇款 (bank-transfer orders)');
  transfers
    .command('import')
    .description('导入银行流水并自动匹配 (import a bank statement, CSV or XLSX)')
    .argument('<file>')
    .option('--bank <bank>', 'icbc, ccb, abc, boc, cmb, bocom or alipay (default: detect)')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, opts: { bank?: string; json?: boolean }) => {
      const bytes = await readFile(file);
      const summary = await withService<ImportSummary>(
        loadConfig(),
        async (api) => {
          const form = new FormData();
          form.append('file', new Blob([bytes]), basename(file));
          if (opts.bank) form.append('bank', opts.bank);
          return (await api.post<ImportSummary>('/transfers/statements', form)).data;
        },
        async (svc, user) => svc.transfers.importStatement(bytes, basename(file), { bank: opts.bank as never, user }),
      );
      if (opts.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
      else printSummary(summary);
    });
  transfers
    .command('register')
    .description('导出汇款销售记录表 (export the daily transfer register)')
    .option('--date <YYYY-MM-DD>', 'shop date (Asia/Shanghai)', shanghaiDate(systemClock.now()))
    .requiredOption('--out <file>', 'file.xlsx or file.csv')
    .action(async (opts: { date: string; out: string }) => {
      const format = extname(opts.out).toLowerCase() === '.xlsx' ? 'xlsx' : extname(opts.out).toLowerCase() === '.csv' ? 'csv' : null;
      if (!format) throw new Error(`--out must end in .xlsx or .csv, got "${opts.out}"`);
      const bytes = await withService<Buffer>(
        loadConfig(),
        async (api) => Buffer.from((await api.get('/transfers/register', { params: { date: opts.date, format }, responseType: 'arraybuffer' })).data as ArrayBuffer),
        async (svc) => svc.transfers.registerExport(opts.date, format),
      );
      await writeFile(opts.out, bytes);
      process.stdout.write(`已导出 exported ${opts.out} (${bytes.length} bytes)\n`);
    });
  return transfers;
}
