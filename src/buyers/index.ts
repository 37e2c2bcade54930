/**
 * The buyer desk (issue 17, parts 1 and 2): find anyone fast (GET /api/search) and one buyer's whole story on one
 * page (GET /api/buyers/:nick, PUT /api/buyers/:nick/profile). One factory for the composition root: it reads every
 * other module through the ports given here and keeps one thing of its own, the staff's buyer profiles.
 */
import type { Router } from 'express';
import type { ComplaintView } from '../complaints/index.js';
import type { Intent, RevisitEntry } from '../customers/index.js';
import type { OpenItem } from '../handover/index.js';
import { createRefundRegister, type BuyerAccount } from '../ledger/index.js';
import type { ParcelRepository } from '../logistics/index.js';
import type { OutboundMessage } from '../messaging/index.js';
import type { OrderRepository } from '../orders/index.js';
import type { TransferOrder } from '../reconciliation/index.js';
import { createRemarkReader } from '../remarks/index.js';
import type { Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import type { FollowUp, TaskView } from '../tasks/index.js';
import { buyersRouter, searchRouter } from './buyers-router.js';
import { createBuyersService } from './buyers-service.js';
import { createSearchIndex } from './search-index.js';

export interface BuyersModuleDeps {
  store: Store;
  clock: Clock;
  orders: OrderRepository;
  parcels: ParcelRepository;
  messages: {
    list(filter: { buyer: string; audience: 'buyer' }): OutboundMessage[];
    optOutOf(nick: string): { at: string; by: string; source: string } | null;
  };
  tasks: { list(filter: { tid: string }): TaskView[] };
  ledger: { account(nick: string): BuyerAccount };
  transfers: { list(): TransferOrder[] };
  complaints: { list(): ComplaintView[] };
  intents: { list(): Intent[] };
  revisits: { forBuyer(nick: string): (RevisitEntry & { date: string })[] };
  followUps: { list(): FollowUp[] };
  openItems(): OpenItem[];
}

export function createBuyersModule(deps: BuyersModuleDeps) {
  const index = createSearchIndex(
    { orders: deps.orders, parcels: deps.parcels },
    { onOrders: (l) => deps.orders.onChange(l), onParcel: (l) => deps.parcels.onSave(l) },
  );
  const refunds = createRefundRegister(deps.store);
  const remarks = createRemarkReader(deps.store);
  const service = createBuyersService({
    store: deps.store,
    clock: deps.clock,
    index,
    orders: deps.orders,
    sources: {
      parcels: (tid) => deps.parcels.forOrder(tid),
      remarks: (tid) => remarks.forOrder(tid),
      tasks: (tid) => deps.tasks.list({ tid }),
      messages: (nick) => deps.messages.list({ buyer: nick, audience: 'buyer' }),
      optOut: (nick) => deps.messages.optOutOf(nick),
      complaints: () => deps.complaints.list(),
      intents: () => deps.intents.list(),
      revisits: (nick) => deps.revisits.forBuyer(nick),
      account: (nick) => deps.ledger.account(nick),
      refunds: (tid) => refunds.list({ tid }),
      transfers: () => deps.transfers.list(),
      followUps: () => deps.followUps.list(),
      openItems: () => deps.openItems(),
    },
  });
  const routers: { path: string; router: Router }[] = [
    { path: '/search', router: searchRouter(service) },
    { path: '/buyers', router: buyersRouter(service) },
  ];
  return { service, routers, close: () => index.close() };
}

export type BuyersModule = ReturnType<typeof createBuyersModule>;
export type { BuyersService } from './buyers-service.js';
export { createSearchIndex, phoneTails, waybillKey } from './search-index.js';
export type { SearchIndex } from './search-index.js';
export { searchBuyers } from './buyer-search.js';
export type { SearchAnswer, BuyerHit, SearchMatch } from './buyer-search.js';
export type { BuyerStory } from './buyer-story.js';
export { BUYER_PROFILES, applyProfile, createProfiles } from './buyer-profile.js';
export { profileDirectory } from './profile-directory.js';
export { recordSandboxProfiles, SANDBOX_RECORDER } from './sandbox-profiles.js';
export type { BuyerProfileRecord, ProfileInput } from './buyer-profile.js';
export {
  CONTACT_LABELS,
  CONTACT_PREFERENCES,
  EVENT_LABELS,
  MATCH_KINDS,
  MATCH_LABELS,
  PROFILE_FIELD_LABELS,
} from './buyer-labels.js';
export { benchSearch, type SearchFigures } from './bench/search-benchmark.js';
