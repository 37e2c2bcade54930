/**
 * Birthdays for the greeting job from the profiles the staff keep: a date typed, or the one an ID number given in chat
 * yielded (the number itself is not kept, so none is handed on). The shop's own directory, when there is one (the
 * sandbox's buyers), still answers for every buyer no profile gives a birthday.
 */
import type { BuyerDirectory, BuyerProfile } from '../customers/index.js';
import type { Store } from '../storage/index.js';
import { BUYER_PROFILES, type BuyerProfileRecord } from './buyer-profile.js';

export function profileDirectory(deps: { store: Store; fallback?: BuyerDirectory | undefined }): BuyerDirectory {
  return {
    *profiles(): Iterable<BuyerProfile> {
      const covered = new Set<string>();
      for (const p of deps.store.all<BuyerProfileRecord>(BUYER_PROFILES)) {
        if (!p.birthday) continue;
        covered.add(p.nick);
        yield { nick: p.nick, birthday: p.birthday, idNumber: null };
      }
      if (deps.fallback) for (const b of deps.fallback.profiles()) if (!covered.has(b.nick)) yield b;
    },
  };
}
