/**
 * Who owns an open item: ONE rule table (docs/handover.md copies it). Each source of open items names its rule and
 * the facts the rule needs; `ownerOf` turns them into a username. Every chain ends at the keeper of money, whom the
 * roster always names, so no item is left to "someone". A reassignment by hand, or the next shift taking over at
 * the handover's acknowledgement, is kept in the item's state (open-item-state.ts) and wins over the rule.
 */
import { nextWindow, type RepairWindow } from '../reviews/index.js';
import { nextOnDuty, onDuty, type Roster } from '../roster/index.js';
import { MINUTE } from '../shared/time.js';

export const OWNER_RULES = ['named', 'last_actor', 'keeper', 'repair_window', 'on_duty'] as const;
export type OwnerRule = (typeof OWNER_RULES)[number];

/** The rule table: what each rule means, in the words the report and the docs use. */
export const OWNER_RULE_TEXT: Record<OwnerRule, string> = {
  named: '交办给谁就是谁：备注或登记里点名的同事（三天未到账的汇款回到接单的客服）',
  last_actor: '最后处理这笔订单的人（最后写备注的同事），没有就是到期时在班的人',
  keeper: '钱的事归汇款负责人',
  repair_window: '中差评归下一个中差评处理时段开始时在班的人',
  on_duty: '到期时在班的人',
};

export interface OwnerFacts {
  rule: OwnerRule;
  /** `named`: the colleague named; `last_actor`: whoever last acted on the order. */
  person?: string | null;
  /** When it is due (epoch ms): whoever is on duty then takes it when the rule has no person. */
  due: number;
}

/**
 * Who is on duty when the next repair window starts (the one not yet ended at `from`), the windows being the config's
 * (config.jobs.reviewWindows, the same data the windows' jobs run by); a window nobody works passes to the next.
 */
function repairWindowOwner(roster: Roster, windows: readonly RepairWindow[], from: number): string | null {
  let at = from;
  // Two weeks of windows: a roster with nobody on any of them falls through to whoever is on duty.
  for (let i = 0; i < 14 * Math.max(1, windows.length); i++) {
    const w = nextWindow(windows, at);
    if (!w) return null;
    const who = onDuty(roster, w.start);
    if (who[0]) return who[0];
    at = w.end + MINUTE;
  }
  return null;
}

/**
 * The owner by the rule table; `known` says whether a username is a staff account (a departed name falls through);
 * `windows` are the repair windows (config.jobs.reviewWindows) for `repair_window`.
 */
export function ownerOf(
  facts: OwnerFacts,
  roster: Roster,
  known: (username: string) => boolean,
  windows: readonly RepairWindow[] = [],
): string {
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
      owner = repairWindowOwner(roster, windows, facts.due) ?? dutyAt(facts.due);
      break;
    case 'on_duty':
      owner = dutyAt(facts.due);
      break;
  }
  return owner ?? roster.keeper;
}
