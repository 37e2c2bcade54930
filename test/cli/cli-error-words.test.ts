/**
 * Commander's parsing errors reach a shop person who mistyped: each is said in Chinese, keeping what she typed and
 * commander's suggestion, and followed by where to read the usage.
 */
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { chineseError } from '../../src/cli/chinese-errors.js';
import { buildProgram } from '../../src/cli/program.js';
import { englishWords } from '../support/english-words.js';

function run(args: string[]): { err: string; code: string } {
  const program = buildProgram(() => {
    throw new Error('a parsing error never reads the config');
  });
  let err = '';
  const silence = (c: Command): void => {
    c.exitOverride().configureOutput({ writeErr: (s) => (err += s), writeOut: () => undefined });
    for (const sub of c.commands) silence(sub);
  };
  silence(program);
  try {
    program.parse(args, { from: 'user' });
  } catch (e) {
    return { err, code: (e as { code: string }).code };
  }
  throw new Error(`parsed without an error: ${args.join(' ')}`);
}

describe('the CLI parsing errors', () => {
  it.each([
    [['jobs', 'run'], 'commander.missingArgument', '错误：缺少参数 name'],
    [
      ['handover', '--dat', '2026-12-01'],
      'commander.unknownOption',
      '错误：没有这个选项：--dat（您是不是要输入 --date？）',
    ],
    [['jbos'], 'commander.unknownCommand', '错误：没有这个命令：jbos（您是不是要输入 jobs？）'],
    [['jobs', 'list', 'extra'], 'commander.excessArguments', '错误：参数太多：这条命令要 0 个参数，您写了 1 个'],
  ])('when a person types xiaoer %j, then the error is said in Chinese', (args, code, first) => {
    const out = run(args);
    expect(out.code).toBe(code);
    const lines = out.err.trim().split('\n');
    expect(lines[0]).toBe(first);
    expect(lines[1]).toBe('（加上 --help 可以看这条命令的用法）');
    expect(englishWords(out.err.replace(/--?[\w-]+|\b(?:jbos|jobs|name)\b/g, ' '))).toEqual([]);
  });

  it('when an option is given without its value, then the error names the option in Chinese', () => {
    expect(
      chineseError("error: option '--date <YYYY-MM-DD>' argument missing", 'commander.optionMissingArgument'),
    ).toBe('错误：选项 --date <YYYY-MM-DD> 后面要写一个值');
  });

  it('when a message has no known shape, then it is left as it is rather than guessed at', () => {
    expect(chineseError('error: something new', 'commander.someNewCode')).toBe('error: something new');
    expect(chineseError('账户不存在', undefined)).toBe('账户不存在');
  });
});
