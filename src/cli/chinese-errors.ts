/**
 * Commander's own errors (a missing argument, an unknown option, a mistyped command) are English sentences a shop
 * person reads when she mistypes. Each is said again in Chinese from its error code; the names she typed and the
 * suggestion commander found are kept. A message without a known shape is left as it is rather than guessed at.
 */
import type { Command } from 'commander';

type Rewrite = [RegExp, (...groups: string[]) => string];

const REWRITES: Record<string, Rewrite> = {
  'commander.missingArgument': [/argument '(.+)'/, (name) => `缺少参数 ${name}`],
  'commander.optionMissingArgument': [/option '(.+)' argument missing/, (flags) => `选项 ${flags} 后面要写一个值`],
  'commander.missingMandatoryOptionValue': [/option '(.+)' not specified/, (flags) => `必须写上选项 ${flags}`],
  'commander.conflictingOption': [/error: (.+) cannot be used with (.+)$/, (a, b) => `${a} 和 ${b} 不能同时使用`],
  'commander.unknownOption': [/option '(.+?)'/, (flag) => `没有这个选项：${flag}`],
  'commander.unknownCommand': [/command '(.+?)'/, (name) => `没有这个命令：${name}`],
  'commander.excessArguments': [
    /Expected (\d+) arguments? but got (\d+)/,
    (expected, got) => `参数太多：这条命令要 ${expected} 个参数，您写了 ${got} 个`,
  ],
};

/** "(Did you mean --date?)" → "（您是不是要输入 --date？）". */
function suggestion(message: string): string {
  const m = /\(Did you mean (?:one of )?(.+)\?\)/.exec(message);
  return m ? `（您是不是要输入 ${m[1]!.replace(/, /g, '、')}？）` : '';
}

export function chineseError(message: string, code: string | undefined): string {
  const rewrite = code ? REWRITES[code] : undefined;
  const firstLine = message.split('\n')[0]!;
  const m = rewrite?.[0].exec(firstLine);
  if (!rewrite || !m) return message;
  return `错误：${rewrite[1](...m.slice(1).map((g) => g ?? ''))}${suggestion(message)}`;
}

/** Every command of the tree says its parsing errors in Chinese, followed by where to read its usage. */
export function chineseErrors(command: Command): void {
  command.showHelpAfterError('（加上 --help 可以看这条命令的用法）');
  const error = command.error.bind(command);
  command.error = (message: string, options?: { code?: string; exitCode?: number }) =>
    error(chineseError(message, options?.code), options);
  for (const sub of command.commands) chineseErrors(sub);
}
