/** The buyer desk's one service: search, a buyer's story, and the profile the staff keep. */
import type { User } from '../accounts/index.js';
import type { StoredOrder } from '../orders/index.js';
import type { Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import { createProfiles, type ProfileInput } from './buyer-profile.js';
import { searchBuyers } from './buyer-search.js';
import { buyerStory, type BuyerSources } from './buyer-story.js';
import type { SearchIndex } from './search-index.js';

export function createBuyersService(deps: {
  store: Store;
  clock: Clock;
  index: SearchIndex;
  orders: { get(tid: string): StoredOrder | undefined };
  sources: Omit<BuyerSources, 'tidsOf' | 'order' | 'profile'>;
}) {
  const profiles = createProfiles({ store: deps.store, clock: deps.clock });
  const sources: BuyerSources = {
    ...deps.sources,
    tidsOf: (nick) => deps.index.tidsOf(nick),
    order: (tid) => deps.orders.get(tid),
    profile: (nick) => profiles.get(nick),
  };
  return {
    search: (q: string, limit?: number) => searchBuyers({ index: deps.index, orders: deps.orders }, q, limit),
    story: (nick: string) => buyerStory(sources, nick),
    /** A profile is kept for a buyer xiaoer knows (the same 404 as the page for a mistyped nick). */
    async saveProfile(nick: string, input: ProfileInput, user: User) {
      if (!profiles.get(nick)) buyerStory(sources, nick);
      return profiles.save(nick, input, user);
    },
    profiles,
    index: deps.index,
  };
}

export type BuyersService = ReturnType<typeof createBuyersService>;
