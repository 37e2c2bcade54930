/**
 * Birthdays for the greeting job, from the profiles the staff keep and nowhere else: a date typed, or the one an ID
 * number given in chat yielded (the number itself is not kept, so none is handed on). The platform gives neither; the
 * sandbox's buyers reach these profiles the same way, recorded through the profile service (sandbox-profiles.ts).
 */
import type { BuyerDirectory, BuyerProfile } from '../customers/index.js';
import type { Store } from '../storage/index.js';
import { BUYER_PROFILES, type BuyerProfileRecord } from './buyer-profile.js';

export function profileDirectory(deps: { store: Store }): BuyerDirectory {
  return {
    *profiles(): Iterable<BuyerProfile> {
      for (const p of deps.store.all<BuyerProfileRecord>(BUYER_PROFILES))
        if (p.birthday) yield { nick: p.nick, birthday: p.birthday, source: p.birthdaySource ?? 'staff' };
    },
  };
}
