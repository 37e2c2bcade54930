import { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import type { CopyProgress, CopyReport, CopyStep } from '../../service/index.js';
import { createLogger } from '../../shared/logger.js';

/**
 * A database address as it may be shown: the password is not for the screen or a terminal's scrollback. Up to the
 * last @, as a password typed with an @ of its own (not written %40) still ends there.
 */
export function shownLocation(text: string): string {
  return text.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:).*@/i, '$1***@');
}

/** One bar over everything on stderr, on a terminal only: a log file or a pipe gets the summary lines alone. */
function progressBar(): { update(p: CopyProgress): void; stop(): void } | null {
  if (!process.stderr.isTTY) return null;
  const bar = new SingleBar(
    { format: '复制中 |{bar}| {value}/{total} 条  {part}', hideCursor: true, stream: process.stderr },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const part = `${p.kind === 'collection' ? '集合' : '日志'} ${p.name}`;
      if (!started) bar.start(p.overallTotal, 0, { part });
      started = true;
      bar.update(p.overallDone, { part });
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

export function summaryLines(report: CopyReport): string[] {
  const lines = report.parts.map(
    (p) => `${p.kind === 'collection' ? '集合' : '日志'} ${p.name}：${p.destination.count} 条，校验一致`,
  );
  const collections = report.parts.filter((p) => p.kind === 'collection').length;
  const logs = report.parts.length - collections;
  const total = report.parts.reduce((n, p) => n + p.destination.count, 0);
  lines.push(`复制完成：${collections} 个集合、${logs} 个日志，共 ${total} 条，条数和校验和都与来源一致。`);
  return lines;
}

const NEXT_STEP: Record<string, string> = {
  store_copy_destination_not_empty: '确认要用来源替换目标时，加上 --force（目标原有的数据会被清空）',
  store_copy_mismatch: '查明原因后，加上 --force 重新复制',
};

/** Digesting and checking 100k orders take seconds with nothing to show on the bar: each step is said. */
const STEP_LINES: Record<CopyStep, string> = {
  'digest-source': '正在读取来源，逐个集合和日志计算条数和校验和…',
  write: '正在写入目标…',
  check: '写入完成，正在重新打开目标，逐个核对…',
};

interface CopyFlags {
  from: string;
  to: string;
  force?: boolean;
}

export function storeCommand(): Command {
  const store = new Command('store').description('数据存储：在数据目录和数据库之间搬家');
  store
    .command('copy')
    .description('把整个存储（所有集合和日志）复制到另一个存储，复制后逐个核对条数和校验和；来源不能有服务在运行')
    .requiredOption('--from <来源>', '来源：数据目录，或数据库地址 <postgres://…>')
    .requiredOption('--to <目标>', '目标：数据目录，或数据库地址 <postgres://…>；必须是空的，除非加上 --force')
    .option('--force', '目标已有数据时，先清空它再复制（替换，不合并）')
    .action(async (flags: CopyFlags) => {
      const out = (s: string) => process.stdout.write(s + '\n');
      out(`正在复制：来源 ${shownLocation(flags.from)} → 目标 ${shownLocation(flags.to)}`);
      // Loaded only here: the other commands need none of the stores' modules.
      const { copyStoreBetween } = await import('../../service/index.js');
      const bar = progressBar();
      const started = Date.now();
      let report: CopyReport;
      try {
        report = await copyStoreBetween({
          ...flags,
          onProgress: bar?.update,
          onStep: (step) => {
            if (step === 'check') bar?.stop();
            out(STEP_LINES[step]);
          },
          // Only failures, on stderr: stdout holds the per-collection lines a person (or a script) reads.
          logger: createLogger({ level: 'error', destination: process.stderr }),
        });
      } catch (err) {
        // What to do next is the command's to say: the flag belongs to it, not to the copy.
        const code = err instanceof Error ? (err as { code?: string }).code : undefined;
        const next = code && Object.hasOwn(NEXT_STEP, code) ? NEXT_STEP[code] : undefined;
        if (next) throw new Error(`${(err as Error).message}。${next}`, { cause: err });
        throw err;
      } finally {
        bar?.stop();
      }
      for (const line of summaryLines(report)) out(line);
      out(`用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`);
    });
  return store;
}
