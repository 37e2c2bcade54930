/**
 * `npm run test:fast`: the unit and component tests, for the edit-test loop (under a minute on two
 * quiet cores). Everything else of test/vitest.config.ts applies. Left out, by folder or file name so
 * new tests land in the right lane without a list to keep up:
 * - test/browser/**: real chromium driving the console over the real service (over half the suite's time);
 * - test/cli/**: the CLI as shipped, mostly run from dist/ in a child process (slow, and this lane
 *   compiles nothing, so it would test whatever was built last);
 * - *.built.test.ts anywhere: other tests that run the compiled build (dist/) in a child process, same reason;
 * - test/lint/**: the lint's own rules, checked by running dependency-cruiser in child processes (slow);
 * - *.load.test.ts anywhere: a service under a heavy load on purpose (a 10 MB statement of 85,000 credits while the
 *   health check is polled), tens of seconds of both cores by design.
 * `npm test` runs them all, after the type-check and build.
 */
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        ...configDefaults.exclude,
        'test/browser/**',
        'test/cli/**',
        '**/*.built.test.ts',
        'test/lint/**',
        '**/*.load.test.ts',
      ],
    },
  }),
);
