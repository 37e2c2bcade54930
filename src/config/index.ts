/**
 * The one place configuration is read: `data/config.json` and the environment, checked against one zod schema
 * (every problem reported at once). Only the composition root and the CLI import it; features receive values.
 */
export type { Config } from './config-schema.js';
export { SANDBOX_DEFAULTS } from './config-schema.js';
export { ConfigError, loadConfig } from './load-config.js';
