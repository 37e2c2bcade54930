import type { Logger } from '../../shared/logger.js';
import type { Clock } from '../../shared/time.js';
import { buildTracker } from '../kuaidi100/tracker.js';
import type { LogisticsTracker } from '../logistics-port.js';
import { SANDBOX_KUAIDI100, SANDBOX_KUAIDI100_BASE, SANDBOX_MOUNT } from './credentials.js';

/**
 * The real kuaidi100 adapter pointed at the app's own sandbox courier with the sandbox account, so
 * every sandbox run exercises the production protocol code (signing, phone tail, errors, the poll interval).
 */
export function createSandboxTracker(opts: {
  baseUrl: string;
  clock?: Clock;
  logger?: Logger;
  sleep?: (ms: number) => Promise<void>;
}): LogisticsTracker {
  return buildTracker(
    {
      ...SANDBOX_KUAIDI100,
      baseUrl: opts.baseUrl.replace(/\/+$/, '') + SANDBOX_MOUNT + SANDBOX_KUAIDI100_BASE,
      clock: opts.clock,
      logger: opts.logger,
      sleep: opts.sleep,
    },
    'sandbox',
  );
}
