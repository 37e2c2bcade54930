import { createInterface } from 'node:readline/promises';

/**
 * What `xiaoer login` asks for. At a terminal the password is read with echo off (nothing is shown, not even
 * stars, so its length stays private too); from a script it is the first line of standard input, so it never
 * appears in the shell history or the process list.
 */

/** One line typed at the terminal, the question on stderr (stdout is for results). */
export async function askLine(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

/** The first line of a piped standard input ('' when there is none). */
export async function firstLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  try {
    const line = (await rl[Symbol.asyncIterator]().next()).value as string | undefined;
    return line ?? '';
  } finally {
    rl.close();
  }
}

// eslint-disable-next-line no-control-regex -- terminal escape sequences are control characters by definition
const ESCAPES = /\u001b(?:\[[0-9;?]*[@-~]|O.|.)?/g;

/** A password typed at the terminal with echo off; Ctrl-C gives up, backspace takes back a character. */
export function askHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (err?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      // An arrow or function key arrives as an escape sequence (ESC [ A): none of it is part of a password.
      for (const ch of chunk.replace(ESCAPES, '')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new Error('已取消登录。'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.on('data', onData);
    input.resume();
  });
}
