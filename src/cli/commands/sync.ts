import { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import type { Config } from '../../config/index.js';
import { silentLogger } from '../../shared/logger.js';
import { startService } from '../../service/index.js';
import type { SyncRun } from '../../sync/index.js';
import { runningService } from '../service-client.js';

function printSummary(run: SyncRun, out: (s: string) => void): void {
  out(`订单 orders: 新增 new ${run.ordersNew}, 更新 changed ${run.ordersChanged}, 未变 unchanged ${run.ordersUnchanged}`);
  out(`物流 parcels refreshed: ${run.parcelsRefreshed}`);
  out(`平台调用 platform calls: ${run.platformCalls}`);
  out(`错误 errors: ${run.errors.length}${run.errors.length ? '\n  ' + run.errors.slice(0, 10).join('\n  ') : ''}`);
}

export function syncCommand(loadConfig: () => Config): Command {
  return new Command('sync')
    .description('同步订单和物流 (sync orders and parcels now)')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { json?: boolean }) => {
      const config = loadConfig();
      const out = (s: string) => process.stdout.write(s + '\n');
      const api = await runningService(config);
      let run: SyncRun;
      if (api) {
        if (!opts.json) out(`服务正在运行，通过其接口同步 / the service is running: syncing through its API…`);
        run = (await api.post<SyncRun>('/sync')).data;
      } else {
        // No service: run the same composition root here, on a private port, without its jobs.
        const svc = await startService({ ...config, port: 0 }, { jobs: false, initialSync: false, logger: silentLogger() });
        const bar = new SingleBar({ format: '{phase} |{bar}| {value}/{total} {unit}', hideCursor: true, noTTYOutput: false }, Presets.shades_classic);
        let phase = '';
        try {
          run = await svc.sync.syncAll((p) => {
            if (opts.json) return;
            const label = p.phase === 'backfill' ? '回填 backfill' : p.phase === 'incremental' ? '增量 incremental' : '物流 logistics';
            if (label !== phase) {
              if (phase) bar.stop();
              phase = label;
              bar.start(p.total, 0, { phase: label, unit: p.phase === 'logistics' ? 'parcels' : 'days' });
            }
            bar.update(p.done, { phase: label });
          });
        } finally {
          if (phase) bar.stop();
          await svc.close();
        }
      }
      if (opts.json) out(JSON.stringify(run, null, 2));
      else printSummary(run, out);
      if (!run.ok) process.exitCode = 1;
    });
}
