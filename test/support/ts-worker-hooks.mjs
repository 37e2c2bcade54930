/**
 * Module hooks for workers run from source: `./x.js` imported by a .ts file is `./x.ts` (the source names the
 * compiled file, as NodeNext requires), and a .ts file is stripped of its types by esbuild, which vitest brings.
 * Stripped files are kept in the temp folder by their text's hash: every test file starts its own worker, and
 * starting esbuild in each one cost seconds on a loaded machine.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import process from 'node:process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CACHE = join(tmpdir(), 'xiaoer-ts-worker-cache');

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (err) {
    const relative = specifier.startsWith('.') || specifier.startsWith('file:');
    if (relative && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
    }
    throw err;
  }
}

async function stripTypes(file, source) {
  const cached = join(CACHE, `${createHash('sha256').update(file).update('\0').update(source).digest('hex')}.js`);
  try {
    return await readFile(cached, 'utf8');
  } catch {
    const { transform } = await import('esbuild');
    const { code } = await transform(source, {
      loader: 'ts',
      format: 'esm',
      target: 'node20',
      sourcefile: file,
      sourcemap: 'inline',
    });
    await mkdir(CACHE, { recursive: true });
    // Written aside and renamed: two workers stripping the same file never read half of it.
    const aside = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(aside, code);
    await rename(aside, cached);
    return code;
  }
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  return { format: 'module', source: await stripTypes(file, await readFile(file, 'utf8')), shortCircuit: true };
}
