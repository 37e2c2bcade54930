/**
 * Commander writes its help in English (Usage:, Options:, "display help for command"); a shop person reads every
 * command's help, so each command of the tree gets the Chinese headings and the Chinese help and version options.
 * Applied once to the whole tree: a command added with addCommand does not inherit its parent's help settings.
 */
import type { Command, Option } from 'commander';

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
};

/** An option's description, with its default said in Chinese when it is a value a person would type. */
function optionDescription(option: Option): string {
  const value = option.defaultValue as unknown;
  const shown = typeof value === 'string' || typeof value === 'number' ? `（默认 ${value}）` : '';
  return `${option.description}${shown}`;
}

export function chineseHelp(command: Command): Command {
  command.configureHelp({ styleTitle: (title) => TITLES[title] ?? title, optionDescription });
  command.helpOption('-h, --help', '显示这条命令的帮助');
  // Only a command with commands of its own has `help <command>`.
  if (command.commands.length) command.helpCommand('help [command]', '显示某条命令的帮助');
  else command.helpCommand(false);
  for (const sub of command.commands) chineseHelp(sub);
  return command;
}
