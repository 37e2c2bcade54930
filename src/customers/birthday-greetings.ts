/**
 * The 09:00 birthday greetings: one `birthday` message per buyer per year through the send policy, to the buyers
 * whose profile holds today's birthday (an ID number was checked, and only its date kept, when it was recorded).
 */
import type { Job, JobSettings } from '../scheduler/index.js';
import type { MessageSink } from '../messaging/index.js';
import type { Logger } from '../shared/logger.js';
import { shanghaiDate, toInstant, type Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import { birthdayOf, isBirthdayOn } from './birthdays.js';
import type { BuyerDirectory } from './buyer-directory.js';

export const BIRTHDAY_GREETINGS = 'birthday-greetings';

interface GreetingRecord {
  id: string;
  nick: string;
  year: number;
  at: string;
  queued: boolean;
  reason: string | null;
}

export interface BirthdayRun {
  greeted: number;
  refused: number;
  /** Kept for a person to fill a missing value (messaging's needs_values): neither sent nor refused. */
  needsValues: number;
  alreadyGreeted: number;
}

export async function sendBirthdayGreetings(
  deps: { directory: BuyerDirectory; sink: Pick<MessageSink, 'enqueue'>; store: Store; clock: Clock },
  today: string,
): Promise<BirthdayRun> {
  const out: BirthdayRun = { greeted: 0, refused: 0, needsValues: 0, alreadyGreeted: 0 };
  const year = Number(today.slice(0, 4));
  for (const profile of deps.directory.profiles()) {
    const found = birthdayOf(profile);
    if (!found.birthday || !isBirthdayOn(found.birthday, today)) continue;
    const id = `${year}:${profile.nick}`;
    if (deps.store.get<GreetingRecord>(BIRTHDAY_GREETINGS, id)) {
      out.alreadyGreeted++;
      continue;
    }
    const answer = await deps.sink.enqueue({
      kind: 'birthday',
      buyerNick: profile.nick,
      reason: `生日祝福 ${today.slice(5)} (${found.source})`,
    });
    const record: GreetingRecord = {
      id,
      nick: profile.nick,
      year,
      at: toInstant(deps.clock.now()),
      queued: answer.queued,
      reason: answer.reason ?? null,
    };
    await deps.store.transact((tx) => tx.put(BIRTHDAY_GREETINGS, id, record));
    if (answer.queued) out.greeted++;
    else if (answer.reason === 'needs_values') out.needsValues++;
    else out.refused++;
  }
  return out;
}

export function birthdayGreetingsJob(
  deps: { directory: BuyerDirectory; sink: Pick<MessageSink, 'enqueue'>; store: Store; clock: Clock; logger: Logger },
  settings: JobSettings,
): Job {
  return {
    name: 'birthday-greetings',
    ...settings,
    description: 'birthday greetings from the buyer profiles',
    async run(ctx) {
      const today = shanghaiDate(ctx?.dueAt ?? deps.clock.now());
      const r = await sendBirthdayGreetings(deps, today);
      return { greeted: r.greeted, refused: r.refused, needsValues: r.needsValues, alreadyGreeted: r.alreadyGreeted };
    },
  };
}
