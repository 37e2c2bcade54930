/**
 * Who owns an open item: ONE rule table (docs/handover.md copies it). Each source of open items names its rule and
 * the facts the rule needs; `ownerOf` turns them into a username. Every chain ends at the keeper of money, whom the
 * roster always names, so no item is left to "someone". A reassignment by hand, or the next shift taking over at
 * the handover's acknowledgement, is kept in the item's state (open-item-state.ts) and wins over the rule.
 */
import { nextOnDuty, onDuty, shiftOf, type Roster } from '../roster/index.js';
import { DAY, MINUTE, shanghaiDate, startOfShanghaiDay } from '../shared/time.js';

export const OWNER_RULES = ['named', 'last_actor', 'keeper', 'repair_window', 'on_duty'] as const;
export type OwnerRule = (typeof OWNER_RULES)[number];

/** The rule table: what each rule means, in the words the report and the docs use. */
export const OWNER_RULE_TEXT: Record<OwnerRule, string> = {
  named: '交办给谁就是谁：备注或登记里点名的同事（三天未到账的汇款回到接单的客服）',
  last_actor: '最后处理这笔订单的人（最后写备注的同事），没有就是到期时在班的人',
  keeper: '钱的事归汇款负责人',
  repair_window: '中差评电话归修复时段（20:00–21:00）在班的人',
  on_duty: '到期时在班的人',
};

/** The night shift's review-repair window (handbook: 20:00–21:00 the night shift reminds buyers; 20:00 is best). */
export const REPAIR_WINDOW = { start: '20:00', end: '21:00' } as const;

export interface OwnerFacts {
  rule: OwnerRule;
  /** `named`: the colleague named; `last_actor`: whoever last acted on the order. */
  person?: string | null;
  /** When it is due (epoch ms): whoever is on duty then takes it when the rule has no person. */
  due: number;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Who is on duty in the first repair window that ends after `from`: the night shift of that evening. */
function repairWindowOwner(roster: Roster, from: number): string | null {
  for (let d = 0; d < 14; d++) {
    const date = shanghaiDate(from + d * DAY);
    const start = startOfShanghaiDay(date) + minutes(REPAIR_WINDOW.start) * MINUTE;
    const end = startOfShanghaiDay(date) + minutes(REPAIR_WINDOW.end) * MINUTE;
    if (end <= from) continue;
    const who = onDuty(roster, start);
    // Someone on the night shift first (the handbook gives the calls to it), else anyone on duty then.
    const night = who.find((u) => shiftOf(roster, u, date) === 'night');
    if (night ?? who[0]) return night ?? who[0]!;
  }
  return null;
}

/** The owner by the rule table; `known` says whether a username is a staff account (a departed name falls through). */
export function ownerOf(facts: OwnerFacts, roster: Roster, known: (username: string) => boolean): string {
  const person = facts.person && known(facts.person) ? facts.person : null;
  const dutyAt = (t: number) => nextOnDuty(roster, t, 14)?.usernames[0] ?? null;
  let owner: string | null = null;
  switch (facts.rule) {
    case 'named':
    case 'last_actor':
      owner = person ?? dutyAt(facts.due);
      break;
    case 'keeper':
      owner = roster.keeper;
      break;
    case 'repair_window':
      owner = repairWindowOwner(roster, facts.due) ?? dutyAt(facts.due);
      break;
    case 'on_duty':
      owner = dutyAt(facts.due);
      break;
  }
  return owner ?? roster.keeper;
}
