import type { Logger } from '../../shared/logger.js';
import type { Clock } from '../../shared/time.js';
import type { TopSignMethod } from '../top/sign.js';
import type { ShopPlatform } from '../platform-port.js';
import { createTaobaoPlatform } from '../taobao/index.js';
import { SANDBOX_CREDENTIALS } from './credentials.js';

export { SANDBOX_CREDENTIALS } from './credentials.js';
export { createSandboxShop, MEMO_MAX_BYTES } from './shop.js';
export type { SandboxShop, SandboxShopOptions, ShopOutcome, RateQuery } from './shop.js';
export { createSandboxRouter } from './router.js';
export { createBackOfficeRouter } from './back-office.js';
export { sandboxTmc, SANDBOX_TMC_PATH, DEFAULT_GROUP, REFUSALS } from './tmc/publisher.js';
export type { SandboxTmc, SandboxTmcOptions, SandboxTmcStats } from './tmc/publisher.js';
export { SANDBOX_TOPICS } from './tmc/events.js';
export type { SandboxRouterOptions } from './router.js';
export { createSandboxFaults, faultSettingsSchema } from './faults.js';
export type { SandboxFaults, FaultSettings, FaultDecision } from './faults.js';
export { DEFAULT_PACE } from './living.js';
export type { SandboxPace, TickSummary } from './living.js';
export type { SandboxBuyer, SandboxAddress, SandboxTrade, SandboxLine, SandboxRate } from './types.js';
export { isValidIdNumber } from './generator/id-number.js';

/** Path of the gateway under the app: the app mounts the sandbox router at /sandbox. */
export const SANDBOX_GATEWAY_PATH = '/sandbox/router/rest';

/** The sandbox platform adapter is the real Taobao adapter pointed at the embedded gateway. */
export function createSandboxPlatform(opts: {
  baseUrl: string;
  signMethod?: TopSignMethod;
  clock?: Clock;
  logger?: Logger;
}): ShopPlatform {
  return createTaobaoPlatform({
    gatewayUrl: opts.baseUrl.replace(/\/+$/, '') + SANDBOX_GATEWAY_PATH,
    appKey: SANDBOX_CREDENTIALS.appKey,
    appSecret: SANDBOX_CREDENTIALS.appSecret,
    session: SANDBOX_CREDENTIALS.session,
    signMethod: opts.signMethod ?? 'hmac-sha256',
    kind: 'sandbox',
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
}
