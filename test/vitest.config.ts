import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Asia/Shanghai must come from our code, never from the host: run tests in a far-away zone.
    env: { TZ: 'America/Los_Angeles', NODE_ENV: 'test' },
  },
});
