/**
 * Finds copies of a list's words in the source: every file under src/ (service and console) holding
 * the text as a whole string literal ('韵达快递', "韵达快递" or `韵达快递`). A list kept in one module
 * has its words in that one file; a second file with them is a second copy that will drift.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|html)$/.test(e.name) ? [path] : [];
  });
}

let cache: { path: string; text: string }[] | undefined;
/** Comments may quote a word (`退款已登记`) without holding a copy of the list. */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
const sources = () =>
  (cache ??= sourceFiles(join(ROOT, 'src')).map((p) => ({
    path: relative(ROOT, p),
    text: withoutComments(readFileSync(p, 'utf8')),
  })));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The files under src/ that hold `word` as a whole string literal, sorted. */
export function filesWithLiteral(word: string): string[] {
  const literal = new RegExp(`(['"\`])${escape(word)}\\1`);
  return sources()
    .filter((f) => literal.test(f.text))
    .map((f) => f.path)
    .sort();
}

/**
 * Every word of `words` that some file other than `owners` holds as a literal, with those files.
 * `homonyms` lists files where the same word names something else (the remark kind 退款已登记 is not the message).
 */
export function copiesOutside(
  words: Iterable<string>,
  owners: string[],
  homonyms: Record<string, string[]> = {},
): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const w of words) {
    const others = filesWithLiteral(w).filter((p) => !owners.includes(p) && !(homonyms[w] ?? []).includes(p));
    if (others.length) found[w] = others;
  }
  return found;
}
