/** One unfinished thing handed to the next shift: who owns it, since when, and what it is. */
export const OPEN_ITEM_KINDS = [
  'task',
  'transfer_claim',
  'manual_match',
  'parcel',
  'review',
  'complaint',
  'message',
  'memo',
  'intent',
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
  message: '发送失败/暂缓的消息',
  memo: '不规范备注',
  intent: '意向客户跟进',
};

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
  owner: string | null;
  ownerName: string | null;
  /** Past its deadline: shown in red. */
  late: boolean;
}

export interface OwnerGroup {
  owner: string | null;
  ownerName: string;
  items: OpenItem[];
}

const bySince = (a: OpenItem, b: OpenItem) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.key < b.key ? -1 : 1);

/** Groups by owner (nobody's items under 接班同事), oldest first inside each group and across groups. */
export function groupByOwner(items: OpenItem[]): OwnerGroup[] {
  const groups = new Map<string, OwnerGroup>();
  for (const item of items) {
    const key = item.owner ?? '';
    let g = groups.get(key);
    if (!g)
      groups.set(key, (g = { owner: item.owner, ownerName: item.ownerName ?? item.owner ?? '接班同事', items: [] }));
    g.items.push(item);
  }
  const out = [...groups.values()];
  for (const g of out) g.items.sort(bySince);
  return out.sort((a, b) => bySince(a.items[0]!, b.items[0]!));
}
