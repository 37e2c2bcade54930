/**
 * One buyer's whole story, newest first (GET /api/buyers/:nick and the console's #/buyers/:nick): orders with their
 * status and parcels, remarks, messages (sent, held, refused) and the opt-out, complaints with their clocks,
 * revisits and intents, the store balance and refunds, transfer orders, follow-up notes, the staff's profile, and the
 * buyer's open problems (the handover's open items naming the buyer) first. Each part is read from the module that
 * owns it; nothing here is stored twice.
 */
import type { ComplaintView } from '../complaints/index.js';
import type { Intent, RevisitEntry } from '../customers/index.js';
import type { OpenItem } from '../handover/index.js';
import type { BuyerAccount, RefundRecord } from '../ledger/index.js';
import type { Parcel } from '../logistics/index.js';
import type { OutboundMessage } from '../messaging/index.js';
import type { StoredOrder } from '../orders/index.js';
import type { TransferOrder } from '../reconciliation/index.js';
import type { RemarkEntry } from '../remarks/index.js';
import { NotFoundError } from '../shared/errors.js';
import { maskAccount, maskAddress, maskAsPlatform, maskName } from '../shared/mask.js';
import type { FollowUp, TaskView } from '../tasks/index.js';
import type { BuyerProfileRecord } from './buyer-profile.js';
import { timelineOf, type TimelineLine } from './buyer-timeline.js';

/** Read-only ports onto the modules that own each part; the composition root wires them (buyers/index.ts). */
export interface BuyerSources {
  tidsOf(nick: string): readonly string[];
  order(tid: string): StoredOrder | undefined;
  parcels(tid: string): Parcel[];
  remarks(tid: string): readonly RemarkEntry[];
  tasks(tid: string): TaskView[];
  messages(nick: string): OutboundMessage[];
  optOut(nick: string): { at: string; by: string; source: string } | null;
  complaints(): Iterable<ComplaintView>;
  intents(): Iterable<Intent>;
  revisits(nick: string): (RevisitEntry & { date: string })[];
  account(nick: string): BuyerAccount;
  refunds(tid: string): RefundRecord[];
  transfers(): Iterable<TransferOrder>;
  followUps(): Iterable<FollowUp>;
  openItems(): Iterable<OpenItem>;
  profile(nick: string): BuyerProfileRecord | undefined;
}

const newestFirst =
  <T>(at: (x: T) => string) =>
  (a: T, b: T) =>
    at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : 0;

function orderView(o: StoredOrder, parcels: Parcel[]) {
  const r = maskAsPlatform(o.receiver);
  return {
    tid: o.tid,
    status: o.status,
    createdAt: o.createdAt,
    paidAt: o.paidAt,
    consignedAt: o.consignedAt,
    payment: o.payment,
    items: o.items.map((i) => ({
      title: i.title,
      skuProperties: i.skuProperties,
      num: i.num,
      refundStatus: i.refundStatus,
      logisticsCompany: i.logisticsCompany,
      waybill: i.invoiceNo,
    })),
    sellerMemo: o.sellerMemo,
    sellerFlag: o.sellerFlag,
    buyerMessage: o.buyerMessage,
    // Masked for every role, as on the order page and as the platform hands it out (王*, 138****5678, 西湖区****);
    // a receiver in full is revealed per order, logged (src/privacy).
    receiver: { name: r.name, mobile: r.mobile, address: `${r.state}${r.city}${r.address}` },
    parcels: parcels.map((p) => ({
      company: p.company,
      waybill: p.waybill,
      state: p.state,
      lastEvent: p.events[0] ?? null,
      checkedAt: p.checkedAt,
    })),
  };
}

export type BuyerOrderView = ReturnType<typeof orderView>;

export interface BuyerStory {
  nick: string;
  profile: BuyerProfileRecord | null;
  optOut: { at: string; by: string; source: string } | null;
  /** Late first, then oldest first: what to deal with before anything else. */
  openProblems: OpenItem[];
  orders: BuyerOrderView[];
  remarks: RemarkEntry[];
  tasks: TaskView[];
  messages: OutboundMessage[];
  complaints: ComplaintView[];
  revisits: (RevisitEntry & { date: string })[];
  intents: Intent[];
  balance: BuyerAccount;
  refunds: RefundRecord[];
  transfers: TransferOrder[];
  notes: FollowUp[];
  /** Everything above as one list, newest first. */
  timeline: TimelineLine[];
}

export function buyerStory(src: BuyerSources, nick: string): BuyerStory {
  const tids = [...src.tidsOf(nick)];
  const mine = new Set(tids);
  const orders = tids
    .map((tid) => src.order(tid))
    .filter((o): o is StoredOrder => !!o)
    .sort(newestFirst((o) => o.createdAt));
  const remarks = tids.flatMap((tid) => src.remarks(tid)).sort(newestFirst((e) => e.at));
  const tasks = tids.flatMap((tid) => src.tasks(tid)).sort(newestFirst((t) => t.openedAt));
  const messages = src.messages(nick).sort(newestFirst((m) => m.createdAt));
  const complaints = [...src.complaints()].filter((c) => c.buyerNick === nick).sort(newestFirst((c) => c.openedAt));
  const intents = [...src.intents()].filter((i) => i.buyerNick === nick).sort(newestFirst((i) => i.at));
  const revisits = src.revisits(nick).sort(newestFirst((r) => r.date));
  const account = src.account(nick);
  const balance = { ...account, movements: [...account.movements].sort(newestFirst((m) => m.at)) };
  const refunds = tids
    .flatMap((tid) => src.refunds(tid))
    .map((r) => ({ ...r, account: maskAccount(r.account), realName: maskName(r.realName) }))
    .sort(newestFirst((r) => r.createdAt));
  const transfers = [...src.transfers()]
    .filter((t) => t.buyerNick === nick)
    .map((t) => ({ ...t, address: maskAddress(t.address), buyerName: t.buyerName ? maskName(t.buyerName) : null }))
    .sort(newestFirst((t) => t.createdAt));
  const notes = [...src.followUps()]
    .filter((f) => f.buyerNick === nick || (f.tid !== null && mine.has(f.tid)))
    .sort(newestFirst((f) => f.closedAt ?? f.openedAt));
  const openProblems = [...src.openItems()]
    .filter((i) => i.buyerNick === nick || (i.tid !== null && mine.has(i.tid)))
    .sort((a, b) => Number(b.late) - Number(a.late) || (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
  const profile = src.profile(nick) ?? null;
  const optOut = src.optOut(nick);

  const known =
    orders.length ||
    profile ||
    optOut ||
    messages.length ||
    complaints.length ||
    intents.length ||
    revisits.length ||
    balance.movements.length ||
    transfers.length ||
    notes.length;
  if (!known)
    throw new NotFoundError({
      message: `没有找到买家“${nick}”：这个昵称没有订单、投诉、消息或其他记录，请检查昵称是否写对`,
      code: 'buyer_not_found',
      params: { nick },
    });

  const story = {
    nick,
    profile,
    optOut,
    openProblems,
    orders: orders.map((o) => orderView(o, src.parcels(o.tid))),
    remarks,
    tasks,
    messages,
    complaints,
    revisits,
    intents,
    balance,
    refunds,
    transfers,
    notes,
  };
  return { ...story, timeline: timelineOf(story) };
}
