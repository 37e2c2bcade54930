import { Command } from 'commander';
import type { BatchView, EntryView } from '../../printing/index.js';
import type { Labels } from '../../service/index.js';
import { shanghaiDate } from '../../shared/time.js';
import { type CliContext, withCommandApi } from '../with-service.js';

/** A name the service gives a code, or the code itself. */
const named = (names: Readonly<Record<string, string>>, code: string) =>
  Object.hasOwn(names, code) ? names[code]! : code;

/** One order: its number, where it stands, its lines (货号 颜色 尺码 ×数量), then what to check and its memo. */
function orderLines(o: EntryView, l: Labels['printing']): string[] {
  const lines = o.lines.map((x) => [x.outerIid, x.colour, x.size, `×${x.num}`].filter(Boolean).join(' ')).join('；');
  const out = [`  ${o.tid}  ${named(l.states, o.state)}  ${lines}`];
  if (o.holds.length) out.push(`    ${o.holds.map((h) => named(l.holds, h)).join('、')}`);
  for (const w of o.warnings) out.push(`    提醒：${named(l.warnings, w)}`);
  if (o.sellerMemo) out.push(`    备注：${o.sellerMemo}`);
  return out;
}

export function batchText(b: BatchView, labels: Pick<Labels, 'printing' | 'couriers'>): string {
  const l = labels.printing;
  const c = b.counts;
  const counts = (['to_print', 'printed', 'held', 'gone'] as const)
    .filter((s) => s === 'to_print' || s === 'printed' || c[s] > 0)
    .map((s) => `${named(l.states, s)} ${c[s]}`)
    .join('，');
  const out = [`${b.date} ${b.time} 批次${b.cutoff ? '（当天最后一批）' : ''}：${counts}（北京时间）`];
  if (!b.builtAt) out.push(b.next ? '还没到时间：下面是现在付款、会进这一批的订单' : '这一批没有生成，订单进了下一批');
  for (const g of b.groups) {
    out.push(`${g.courier ? named(labels.couriers, g.courier) : l.noCourier}（${g.orders.length} 单）`);
    for (const o of g.orders) out.push(...orderLines(o, l));
  }
  if (b.held.length) {
    out.push(`${named(l.states, 'held')}（${b.held.length} 单）`);
    for (const o of b.held) out.push(...orderLines(o, l));
  }
  return out.join('\n') + '\n';
}

/** `xiaoer print --batch 12:00 [--date 2026-12-07]`: one print batch by courier, read through the service. */
export function printCommand(cli: CliContext): Command {
  return new Command('print')
    .description('打单：列出一个打印批次的订单（按快递分组）')
    .option('--batch <HH:mm>', '哪一批，如 12:00；不填为下一批')
    .option('--date <YYYY-MM-DD>', '哪一天（北京时间，与 --batch 一起用）；不填为今天')
    .option('--json', '输出 JSON')
    .action(async (opts: { batch?: string; date?: string; json?: boolean }) => {
      // The service checks the date and time against the configured batches and answers in Chinese.
      const [batch, labels] = await withCommandApi(cli, async (api) => {
        const key = opts.batch
          ? { date: opts.date ?? shanghaiDate(Date.now()), time: opts.batch }
          : await api.nextPrintBatch();
        return Promise.all([api.printBatch(key), api.labels()]);
      });
      process.stdout.write(opts.json ? JSON.stringify(batch, null, 2) + '\n' : batchText(batch, labels));
    });
}
