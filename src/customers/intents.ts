/**
 * Buyers who showed intent but did not buy (what they wanted, what they hesitated on). The next shift
 * follows them up (operations.md: "follow up buyers who showed intent yesterday but did not buy").
 */
import { randomUUID } from 'node:crypto';
import type { User } from '../accounts/index.js';
import { NotFoundError, ValidationError } from '../shared/errors.js';
import { shanghaiDate, toInstant, type Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';

export const INTENTS = 'intents';

export type IntentOutcome = 'bought' | 'not_interested' | 'later';

export interface Intent {
  id: string;
  buyerNick: string;
  items: string;
  hesitation: string;
  staff: string;
  staffName: string;
  at: string;
  day: string;
  followedUpAt: string | null;
  followedUpBy: string | null;
  outcome: IntentOutcome | null;
  note: string | null;
}

export function createIntents(deps: { store: Store; clock: Clock }) {
  const { store, clock } = deps;
  return {
    async note(input: { buyerNick: string; items: string; hesitation: string }, user: User): Promise<Intent> {
      const buyerNick = input.buyerNick.trim();
      if (!buyerNick) throw new ValidationError({ message: '请填写买家', code: 'field_required', field: 'buyerNick' });
      const now = clock.now();
      const intent: Intent = {
        id: `i-${randomUUID()}`,
        buyerNick,
        items: input.items.trim(),
        hesitation: input.hesitation.trim(),
        staff: user.username,
        staffName: user.displayName,
        at: toInstant(now),
        day: shanghaiDate(now),
        followedUpAt: null,
        followedUpBy: null,
        outcome: null,
        note: null,
      };
      await store.transact((tx) => tx.put(INTENTS, intent.id, intent));
      return intent;
    },
    async followUp(id: string, input: { outcome: IntentOutcome; note?: string }, user: User): Promise<Intent> {
      return store.transact((tx) => {
        const intent = tx.get<Intent>(INTENTS, id);
        if (!intent)
          throw new NotFoundError({
            message: '没有找到这条购买意向，请刷新后重试',
            code: 'intent_not_found',
            params: { id },
          });
        const done: Intent = {
          ...intent,
          followedUpAt: toInstant(clock.now()),
          followedUpBy: user.username,
          outcome: input.outcome,
          note: input.note?.trim() || null,
        };
        tx.put(INTENTS, id, done);
        return done;
      });
    },
    /** Oldest first. */
    list(filter: { open?: boolean } = {}): Intent[] {
      const out: Intent[] = [];
      for (const i of store.all<Intent>(INTENTS)) if (!filter.open || i.followedUpAt === null) out.push(i);
      return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    },
  };
}

export type Intents = ReturnType<typeof createIntents>;
