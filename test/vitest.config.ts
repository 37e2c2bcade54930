import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // One worker per core (vitest's default leaves one core idle: a single worker on two cores).
    maxWorkers: Math.max(2, availableParallelism()),
    minWorkers: 1,
    // Workers serve file after file, loading the libraries once; file-isolation.ts gives each file
    // fresh modules of ours and clean nock, timers and stubs, as a fresh process did.
    isolate: false,
    setupFiles: ['test/support/file-isolation.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Asia/Shanghai must come from our code, never from the host: run tests in a far-away zone.
    // Workers started from the TypeScript source load it through this module (src/shared/module-worker.ts).
    env: {
      TZ: 'America/Los_Angeles',
      NODE_ENV: 'test',
      XIAOER_TS_WORKER_LOADER: new URL('./support/ts-worker-loader.mjs', import.meta.url).href,
    },
  },
});
