import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running the module `name` that sits beside the caller (`base` is the caller's import.meta.url).
 * Built, that module is dist/…/name.js and runs as it is. Run from the TypeScript source (the tests), Node 20 cannot
 * load it by itself: the runner names a module for `--import` that can, in XIAOER_TS_WORKER_LOADER (the tests'
 * is test/support/ts-worker-loader.mjs). Without it the worker is refused with a message saying so, rather than
 * quietly doing the work on the main thread the worker exists to keep free.
 */
export function moduleWorker(base: string, name: string, options: WorkerOptions = {}): Worker {
  const fromSource = base.endsWith('.ts');
  const url = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, base);
  if (!fromSource) return new Worker(url, options);
  const loader = process.env.XIAOER_TS_WORKER_LOADER;
  if (!loader) {
    throw new Error(
      `${url.pathname} is TypeScript: set XIAOER_TS_WORKER_LOADER to a module that lets Node load it (test/support/ts-worker-loader.mjs), or run the build`,
    );
  }
  return new Worker(url, { ...options, execArgv: [...(options.execArgv ?? []), '--import', loader] });
}
