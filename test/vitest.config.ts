import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    pool: 'forks',
    // One worker per core (vitest's default leaves one core idle: a single worker on two cores).
    maxWorkers: Math.max(2, availableParallelism()),
    minWorkers: 1,
    // Workers serve file after file, loading the libraries once; file-isolation.ts gives each file
    // fresh modules of ours and clean nock, timers and stubs, as a fresh process did.
    isolate: false,
    setupFiles: ['test/support/file-isolation.ts'],
    hookTimeout: 30_000,
    // Asia/Shanghai must come from our code, never from the host: run tests in a far-away zone.
    // Workers started from the TypeScript source load it through this module (src/shared/module-worker.ts).
    env: {
      TZ: 'America/Los_Angeles',
      NODE_ENV: 'test',
      XIAOER_TS_WORKER_LOADER: new URL('./support/ts-worker-loader.mjs', import.meta.url).href,
    },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/browser/**'], testTimeout: 20_000 },
      },
      {
        // A real chromium beside a full suite on two cores takes 6 s alone and has taken over 20 s under
        // load; these tests measure behaviour, not speed, so they get room.
        extends: true,
        test: { name: 'browser', include: ['test/browser/**/*.test.ts'], testTimeout: 60_000 },
      },
    ],
  },
});
