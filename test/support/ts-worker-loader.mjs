/**
 * Lets a worker thread started from the TypeScript source load TypeScript: the service starts its workers with
 * `--import` of this module when it runs from src/ (src/shared/module-worker.ts), which it does under vitest.
 * vitest.config.ts names it in XIAOER_TS_WORKER_LOADER. The built service (dist/) never needs it.
 */
import { register } from 'node:module';

register('./ts-worker-hooks.mjs', import.meta.url);
