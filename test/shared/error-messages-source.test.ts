/**
 * Every message a throw site in src/ writes for a person is Chinese: the text of `new XError('…')` and of
 * `new XError({ message: '…' })`, with interpolations and “quoted” values left out, holds no English word of three
 * or more letters but the product names. Engineers' English goes to `detail`, which this test does not read.
 * (UpstreamError keeps the outside system's English as its message: person-error.ts speaks for it.)
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishWords } from '../support/english-words.js';

const ROOT = join(import.meta.dirname, '../..');
const PERSON_ERRORS =
  /new (ValidationError|NotFoundError|ConflictError|ForbiddenError|AuthenticationError|TooLargeError)\(\s*/g;

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sources(p)));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** The string or template literal starting at `at` (a quote), with each ${…} replaced by a space. */
function literalAt(text: string, at: number): string | null {
  const quote = text[at];
  if (quote !== "'" && quote !== '"' && quote !== '`') return null;
  let out = '';
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      out += text[i + 1] ?? '';
      i++;
      continue;
    }
    if (c === quote) return out;
    if (quote === '`' && c === '$' && text[i + 1] === '{') {
      let depth = 1;
      for (i += 2; i < text.length && depth > 0; i++) depth += text[i] === '{' ? 1 : text[i] === '}' ? -1 : 0;
      i--;
      out += ' ';
      continue;
    }
    out += c;
  }
  return null;
}

/** The person's message of the throw at `at`: the first argument, or its `message:` property. */
function messageAt(text: string, at: number): string | null {
  const direct = literalAt(text, at);
  if (direct !== null) return direct;
  if (text[at] !== '{') return null;
  const m = /message:\s*/.exec(text.slice(at, at + 400));
  return m ? literalAt(text, at + m.index + m[0].length) : null;
}

describe('messages written at throw sites', () => {
  it('when every person-facing error in src/ is read, then its message has no English word', async () => {
    const found: string[] = [];
    let checked = 0;
    for (const file of await sources(join(ROOT, 'src'))) {
      const text = await readFile(file, 'utf8');
      for (const m of text.matchAll(PERSON_ERRORS)) {
        const message = messageAt(text, m.index + m[0].length);
        if (message === null) continue; // a message built elsewhere (a variable): covered by the HTTP sweeps
        checked++;
        const words = englishWords(message);
        if (words.length) found.push(`${relative(ROOT, file)}: ${message} → ${words.join(', ')}`);
      }
    }
    expect(found).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
