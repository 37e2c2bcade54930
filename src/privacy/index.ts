/**
 * Privacy (issue 18, part 4): seeing a receiver in full is an explicit, logged action of a role that needs it, and
 * the admin reads the access log and today's decrypt quota. One factory for the composition root; the receiver's
 * plain values pass through memory for one answer and are stored nowhere.
 */
import type { Router } from 'express';
import type { OrderRepository } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import type { Logger } from '../shared/logger.js';
import type { Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import { createAccessLog } from './access-log.js';
import { privacyRouter, revealRouter } from './privacy-router.js';
import { createRevealService } from './reveal-service.js';

export interface PrivacyModuleDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  platform: Pick<ShopPlatform, 'decryptReceivers' | 'decryptQuota' | 'getOrder'>;
  orders: Pick<OrderRepository, 'get'>;
  /**
   * The daily decrypt quota the shop was granted, when the configuration knows it (the sandbox's own setting): the
   * platform does not report it, so the admin sees what is left only from here.
   */
  dailyLimit?: number | null;
}

export function createPrivacyModule(deps: PrivacyModuleDeps) {
  const log = createAccessLog({ store: deps.store, clock: deps.clock });
  const quota = () => {
    const q = deps.platform.decryptQuota();
    return q.limit === null && deps.dailyLimit != null ? { ...q, limit: deps.dailyLimit } : q;
  };
  const reveal = createRevealService({ platform: deps.platform, orders: deps.orders, log, logger: deps.logger });
  const routers: { path: string; router: Router }[] = [
    { path: '/orders', router: revealRouter(reveal) },
    { path: '/privacy', router: privacyRouter({ log, quota }) },
  ];
  return { reveal, log, quota, routers };
}

export type PrivacyModule = ReturnType<typeof createPrivacyModule>;
export { ACCESS_LOG, accessLogCsv, createAccessLog } from './access-log.js';
export type { AccessFilter, AccessLog, AccessRecord } from './access-log.js';
export { createRevealService, isRevealScene } from './reveal-service.js';
export type { RevealedReceiver, RevealService } from './reveal-service.js';
export {
  ACCESS_LOG_HEADERS,
  ACCESS_OUTCOME_LABELS,
  ACCESS_OUTCOMES,
  DECRYPT_SCENE_LABELS,
  PRIVACY_WORDS,
  REVEAL_SCENES,
  REVEALED_FIELD_LABELS,
  revealScenesOf,
} from './privacy-labels.js';
