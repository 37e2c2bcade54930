/** One unfinished thing handed to the next shift: who owns it, since when, and what it is. */
import type { OwnerRule } from './ownership.js';

export const OPEN_ITEM_KINDS = [
  'task',
  'transfer_claim',
  'manual_match',
  'parcel',
  'review',
  'complaint',
  'message',
  'intent',
  'refund',
] as const;
export type OpenItemKind = (typeof OPEN_ITEM_KINDS)[number];

/** What staff read for each kind of open item (the Markdown report, and 交接班 via GET /api/labels): the only copy. */
export const KIND_TEXT: Record<OpenItemKind, string> = {
  task: '交办任务',
  transfer_claim: '未核实汇款',
  manual_match: '待人工匹配的汇款',
  parcel: '异常包裹',
  review: '中差评',
  complaint: '投诉',
  message: '要人处理的消息',
  intent: '意向客户跟进',
  refund: '待处理退款',
};

/**
 * The words of a refund the platform waits on the seller for (买家申请退款，卖家未处理): its title and detail in the open
 * items (report-open-items.ts), the only copy.
 */
export const REFUND_ITEM_TEXT = {
  title: '买家申请退款，等卖家处理',
  refundId: '退款编号',
} as const;

export interface OpenItem {
  key: string;
  kind: OpenItemKind;
  /** +08:00 instant the problem started (orders the list, oldest first). */
  since: string;
  ageHours: number;
  title: string;
  detail: string;
  tid: string | null;
  buyerNick: string | null;
  /** Username: every item has one (ownership.ts), and only it, the keeper or the admin may close the item. */
  owner: string;
  ownerName: string;
  /** Which rule of the table gave the owner, or `reassigned` (by hand, or taken over at a handover). */
  ownerRule: OwnerRule | 'reassigned';
  /** Past its deadline: shown in red. */
  late: boolean;
  /** Snoozed until this +08:00 instant (not in the report's open items until then). */
  snoozedUntil: string | null;
  /** The latest note written on it, with its writer's name. */
  lastNote: string | null;
}

export interface OwnerGroup {
  owner: string;
  ownerName: string;
  count: number;
  lateCount: number;
  items: OpenItem[];
}

const bySince = (a: OpenItem, b: OpenItem) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.key < b.key ? -1 : 1);

/** Groups by owner, the owner with most items first, oldest first inside each group. */
export function groupByOwner(items: OpenItem[]): OwnerGroup[] {
  const groups = new Map<string, OwnerGroup>();
  for (const item of items) {
    let g = groups.get(item.owner);
    if (!g)
      groups.set(item.owner, (g = { owner: item.owner, ownerName: item.ownerName, count: 0, lateCount: 0, items: [] }));
    g.items.push(item);
    g.count++;
    if (item.late) g.lateCount++;
  }
  const out = [...groups.values()];
  for (const g of out) g.items.sort(bySince);
  return out.sort((a, b) => b.count - a.count || bySince(a.items[0]!, b.items[0]!));
}
