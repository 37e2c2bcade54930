import { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import type { SyncAllProgress } from '../../service/index.js';
import type { SyncRun } from '../../sync/index.js';
import { type CliContext, withCommandApi } from '../with-service.js';

function printSummary(run: SyncRun, out: (s: string) => void): void {
  out(`订单：新增 ${run.ordersNew}，更新 ${run.ordersChanged}，未变 ${run.ordersUnchanged}`);
  out(`物流刷新：${run.parcelsRefreshed} 个包裹`);
  out(`平台调用：${run.platformCalls} 次`);
  out(`错误：${run.errors.length} 个${run.errors.length ? '\n  ' + run.errors.slice(0, 10).join('\n  ') : ''}`);
}

const PHASE = { backfill: ['回填', '天'], incremental: ['增量', '天'], logistics: ['物流', '个包裹'] } as const;

/** A bar per phase on stderr, fed by the in-process service (a running service's progress is in its console). */
function progressBar(): { update(p: SyncAllProgress): void; stop(): void } {
  const bar = new SingleBar(
    { format: '{phase} |{bar}| {value}/{total} {unit}', hideCursor: true, noTTYOutput: false },
    Presets.shades_classic,
  );
  let phase = '';
  return {
    update(p) {
      const [label, unit] = PHASE[p.phase];
      if (label !== phase) {
        if (phase) bar.stop();
        phase = label;
        bar.start(p.total, 0, { phase: label, unit });
      }
      bar.update(p.done, { phase: label });
    },
    stop() {
      if (phase) bar.stop();
    },
  };
}

export function syncCommand(cli: CliContext): Command {
  return new Command('sync')
    .description('立即同步订单和物流')
    .option('--json', '以 JSON 输出结果')
    .action(async (opts: { json?: boolean }) => {
      const out = (s: string) => process.stdout.write(s + '\n');
      const bar = opts.json ? null : progressBar();
      let run: SyncRun;
      try {
        run = await withCommandApi(
          cli,
          async (api, where) => {
            if (where.kind === 'service' && !opts.json) out(`小二服务正在运行（进程 ${where.pid}），由它同步…`);
            if (where.kind === 'server' && !opts.json) out(`由小二服务（${where.url}）同步…`);
            return api.sync();
          },
          { onSyncProgress: bar?.update },
        );
      } finally {
        bar?.stop();
      }
      if (opts.json) out(JSON.stringify(run, null, 2));
      else printSummary(run, out);
      if (!run.ok) process.exitCode = 1;
    });
}
