/**
 * Messaging wired in one place: the message store, channels from the config, the send policy,
 * quick replies, their routers and the dispatch job. The composition root calls this once and
 * mounts `routers` under /api.
 */
import type { Router } from 'express';
import { createLocalInstances, type Instances, type Job } from '../scheduler/index.js';
import type { ParcelRepository } from '../logistics/index.js';
import type { OrderRepository } from '../orders/index.js';
import type { ShopPlatform } from '../platform/index.js';
import type { Logger } from '../shared/logger.js';
import type { Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import { buildChannels } from './channels/build-channels.js';
import { createComplianceCheck } from './compliance/compliance-check.js';
import { createPhraseBook } from './compliance/phrase-book.js';
import { buyersRouter } from './http/buyers-router.js';
import { complianceRouter } from './http/compliance-router.js';
import { messagesRouter } from './http/messages-router.js';
import { quickRepliesRouter } from './http/quick-replies-router.js';
import { messagingConfigSchema, type MessagingConfig, type MessagingConfigInput } from './messaging-config.js';
import { createMessageRepository } from './outbound/message-repository.js';
import { createMessageService } from './outbound/message-service.js';
import { createOrderFacts } from './outbound/order-facts.js';
import { createReceiverPhones } from './outbound/receiver-phones.js';
import { createQuickReplyService } from './quick-replies/quick-reply-service.js';
import { createUsageRepository } from './quick-replies/usage-repository.js';
import type { TemplateSet } from './templates/index.js';

export interface MessagingModuleDeps {
  store: Store;
  orders: OrderRepository;
  parcels: ParcelRepository;
  templates: TemplateSet;
  /** The shop platform, for the buyers' numbers an SMS needs (decrypted at send time, never stored). */
  platform: Pick<ShopPlatform, 'decryptReceivers'>;
  clock: Clock;
  logger: Logger;
  /** config.messaging; a raw object is validated with the same schema (tests pass partial settings). */
  config: MessagingConfig | MessagingConfigInput;
  shopName: string;
  /** The day's last print batch, HH:mm (config jobs.printBatches.times' last): what the shipping-time reply says. */
  shipCutoff?: string;
  /** Robot-queue waits; tests inject one that moves their clock. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * The running instances, so a send claimed by another living instance on the same database is never taken for a
   * crash's leftover. Default: this process alone, a fresh id per build (what an earlier start claimed is left over).
   */
  instances?: Pick<Instances, 'self' | 'alive'>;
}

export function createMessagingModule(deps: MessagingModuleDeps) {
  const config = messagingConfigSchema.parse(deps.config);
  const logger = deps.logger.child({ module: 'messaging' });
  const channels = buildChannels({ config, clock: deps.clock, logger, ...(deps.sleep ? { sleep: deps.sleep } : {}) });
  const facts = createOrderFacts({
    orders: deps.orders,
    parcels: deps.parcels,
    shopName: deps.shopName,
    shipCutoff: deps.shipCutoff,
  });
  // One phrase list for everything leaving for a buyer: built-in phrases and the keeper's, read on every check.
  const phraseBook = createPhraseBook({ store: deps.store, clock: deps.clock });
  const compliance = createComplianceCheck(phraseBook);
  const messages = createMessageService({
    compliance,
    repo: createMessageRepository(deps.store),
    templates: deps.templates,
    facts,
    buyerChannel: channels.buyer,
    outbox: channels.outbox,
    robot: channels.robot,
    config,
    clock: deps.clock,
    logger,
    inFlight: new Set(),
    instances: deps.instances ?? createLocalInstances(),
    phones: createReceiverPhones({ platform: deps.platform, receiverOf: facts.receiverOf, clock: deps.clock, logger }),
  });
  const quickReplies = createQuickReplyService({
    templates: deps.templates,
    facts,
    usage: createUsageRepository(deps.store),
    clock: deps.clock,
    compliance,
  });

  const service = {
    ...messages,
    /** For the CLI: `xiaoer reply <shortcut|id> [--tid T] [--set key=value]`, as config.cliUser. */
    renderQuickReply: quickReplies.render,
    searchQuickReplies: quickReplies.search,
    quickReplyUsage: quickReplies.usage,
    /** What leaves for a buyer from elsewhere (a knowledge answer copied) can be checked the same way. */
    checkCompliance: compliance.scan,
  };

  const routers: { path: string; router: Router }[] = [
    { path: '/messages', router: messagesRouter(messages, compliance) },
    { path: '/buyers', router: buyersRouter(messages) },
    { path: '/quick-replies', router: quickRepliesRouter(quickReplies) },
    { path: '/compliance-phrases', router: complianceRouter(phraseBook, compliance) },
  ];
  const jobs: Job[] = [
    {
      name: 'message-dispatch',
      schedule: '* * * * *',
      description: 'sends due buyer messages through the send policy; resolves sends a crash left unanswered',
      run: () => messages.dispatchDue(),
    },
  ];
  return { service, routers, jobs };
}

export type MessagingModule = ReturnType<typeof createMessagingModule>;
export type MessagingService = MessagingModule['service'];
