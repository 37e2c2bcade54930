/**
 * Every command's help is Chinese: its headings (commander writes Usage:, Options: …), the descriptions of the
 * commands, their arguments and options, and the defaults. Option names, placeholders and codes a person types
 * (--date, <YYYY-MM-DD>, icbc, oos.notify) are what is typed, not words to translate.
 */
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { BANK_NAMES } from '../../src/reconciliation/settings.js';
import { englishWords, PRODUCT_NAMES } from '../support/english-words.js';

/** The API's product and file names, and the two output formats the CLI offers by their own names. */
const FORMATS = [...PRODUCT_NAMES, 'JSON', 'MARKDOWN'];

const program = buildProgram(() => {
  throw new Error('help never reads the config');
});
const tree = (c: Command): Command[] => [c, ...c.commands.flatMap(tree)];
const path = (c: Command): string => (c.parent ? `${path(c.parent)} ${c.name()}` : c.name());

/** What a person reads of a command's help, without what they type: names, placeholders, codes, file names. */
function readable(c: Command): string[] {
  // Commands to type (xiaoer jobs list), option names, placeholders, dotted or dashed codes (oos.notify,
  // ship-time), file names (data/config.json).
  const typed = /(\bxiaoer(?: [a-z-]+)*|--?[\w-]+|<[^>]*>|\[[^\]]*\]|\b[a-z]+(?:[._-][a-z0-9]+)+\b|\S+\/\S+\.\w+)/g;
  // The values an option takes, typed as they are: the banks, the shifts, the file formats.
  const values = new RegExp(`\\b(${[...Object.keys(BANK_NAMES), 'day', 'night', 'csv', 'xlsx'].join('|')})\\b`, 'g');
  const texts = [
    c.description(),
    ...c.options.map((o) => o.description),
    ...c.registeredArguments.map((a) => a.description),
  ];
  return texts.map((t) => t.replace(typed, ' ').replace(values, ' '));
}

describe('the CLI help', () => {
  it('when any command shows its help, then the headings, descriptions and defaults are Chinese', () => {
    const commands = tree(program);
    expect(commands.map(path)).toContain('xiaoer transfers import');
    for (const c of commands) {
      const help = c.helpInformation();
      expect(help, path(c)).toContain('用法：');
      expect(help, path(c)).not.toMatch(/Usage:|Options:|Commands:|Arguments:|display help|default:/);
      expect(c.description(), path(c)).not.toBe('');
      for (const text of readable(c)) expect(englishWords(text, [], FORMATS), `${path(c)}: ${text}`).toEqual([]);
    }
  });

  it('when an option has a default a person would type, then the help says it in Chinese', () => {
    const handover = program.commands.find((c) => c.name() === 'handover')!;
    expect(handover.helpInformation()).toContain('（默认 day）');
  });
});
