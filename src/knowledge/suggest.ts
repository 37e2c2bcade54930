/**
 * Suggested replies for what a buyer just wrote: knowledge answers and quick replies ranked together by the text,
 * then by the order's stage (an unpaid order's buyer most likely asks about paying, a shipped one's about the
 * parcel, a signed one's about returns and quality), the best three rendered for the order so one click copies
 * them. With no usable words, the stage's own topics are suggested.
 */
import type { User } from '../accounts/index.js';
import { ORDER_STATUS_GROUPS, TRADE_STATUS_LABELS } from '../orders/index.js';
import { NotFoundError } from '../shared/errors.js';
import type { KnowledgeCategory } from './entry.js';
import type { KnowledgeRepository } from './knowledge-repository.js';
import { docId } from './knowledge-service.js';
import type { SearchIndex } from './search-index.js';

export const ORDER_STAGES = ['unpaid', 'to_ship', 'shipped', 'signed', 'closed'] as const;
export type OrderStage = (typeof ORDER_STAGES)[number];

/** What staff read for each stage (GET /api/labels): the order book's own names for those statuses. */
const groupLabel = (key: string) => ORDER_STATUS_GROUPS.find((g) => g.key === key)?.label ?? key;
export const ORDER_STAGE_LABELS: Readonly<Record<OrderStage, string>> = {
  unpaid: groupLabel('unpaid'),
  to_ship: groupLabel('to_ship'),
  shipped: TRADE_STATUS_LABELS.WAIT_BUYER_CONFIRM_GOODS,
  signed: TRADE_STATUS_LABELS.TRADE_BUYER_SIGNED,
  closed: groupLabel('closed'),
};

/** What staff read for each kind of suggestion (GET /api/labels): the only copy. */
export const SUGGESTION_KIND_LABELS: Readonly<Record<'entry' | 'quick-reply', string>> = {
  entry: '知识库',
  'quick-reply': '快捷短语',
};

/** The platform's trade status → the stage that decides what a buyer most likely asks. */
export function stageOf(status: string | undefined): OrderStage | null {
  switch (status) {
    case 'WAIT_BUYER_PAY':
    case 'TRADE_NO_CREATE_PAY':
    case 'PAY_PENDING':
    case 'WAIT_PRE_AUTH_CONFIRM':
      return 'unpaid';
    case 'WAIT_SELLER_SEND_GOODS':
    case 'SELLER_CONSIGNED_PART':
      return 'to_ship';
    case 'WAIT_BUYER_CONFIRM_GOODS':
      return 'shipped';
    case 'TRADE_BUYER_SIGNED':
    case 'TRADE_FINISHED':
      return 'signed';
    case 'TRADE_CLOSED':
    case 'TRADE_CLOSED_BY_TAOBAO':
      return 'closed';
    default:
      return null;
  }
}

/**
 * Per stage: the entry categories and quick-reply categories (the templates' own 售前/售中/售后 words) it favours,
 * and the words searched when the buyer's text gives nothing to go on.
 */
const STAGE: Readonly<Record<OrderStage, { entries: KnowledgeCategory[]; quick: string[]; topics: string }>> = {
  unpaid: { entries: ['payment'], quick: ['售前', '议价'], topics: '付款 支付失败 优惠券' },
  to_ship: { entries: ['shipping'], quick: ['售中'], topics: '发货时间 改地址' },
  shipped: { entries: ['shipping'], quick: ['售中'], topics: '查物流 物流不更新 多久收到' },
  signed: {
    entries: ['return', 'exchange', 'quality', 'wrong-missing', 'care', 'invoice'],
    quick: ['售后'],
    topics: '退货 换货 质量问题',
  },
  closed: { entries: ['return'], quick: ['售后'], topics: '退款时间 到账' },
};

/** How much a favoured category lifts a score: enough to order near ties, not to beat a clearly better text match. */
const STAGE_LIFT = 0.35;

export interface QuickReplyItem {
  id: string;
  title: string;
  category: string;
  preview: string;
}

/** The quick replies, read and rendered through messaging (wired in the composition root). */
export interface QuickReplySource {
  list(): QuickReplyItem[];
  /** Renders for the order without counting it as a use (a suggestion is not a reply sent). */
  render(
    id: string,
    opts: { tid?: string; user: Pick<User, 'username' | 'displayName'> },
  ): Promise<{ text: string; missingPrompts: { label: string }[] }>;
}

export interface Suggestion {
  kind: 'entry' | 'quick-reply';
  id: string;
  title: string;
  category: string;
  text: string;
  score: number;
  /** Blanks the person still fills in (a quick reply's 【请填写：…】). */
  missing: string[];
}

export const quickDocId = (id: string) => `quick-reply:${id}`;

export function createSuggester(deps: {
  index: SearchIndex;
  repo: KnowledgeRepository;
  quickReplies: QuickReplySource;
  statusOf: (tid: string) => string | undefined;
}) {
  const { index, repo, quickReplies } = deps;
  /** What the index holds of each quick reply (its words, to see a change) and the item itself. */
  let indexedQuick = new Map<string, { words: string; item: QuickReplyItem }>();

  /** Keeps the quick replies in the index in step with messaging's list (they can be edited there). */
  function syncQuickReplies() {
    const now = new Map(
      quickReplies
        .list()
        .map((item) => [item.id, { words: `${item.title}\u0000${item.category}\u0000${item.preview}`, item }]),
    );
    for (const id of indexedQuick.keys()) if (!now.has(id)) index.remove(quickDocId(id));
    for (const [id, { words, item }] of now) {
      if (indexedQuick.get(id)?.words === words) continue;
      index.put({
        id: quickDocId(id),
        kind: 'quick-reply',
        category: item.category,
        question: item.title,
        tags: [],
        answer: item.preview,
      });
    }
    indexedQuick = now;
  }

  /** Ranked candidates (ids as the index has them), best first, with the stage's lift applied. */
  function rank(text: string, stage: OrderStage | null, limit = 3): { id: string; kind: string; score: number }[] {
    syncQuickReplies();
    const lift = stage ? STAGE[stage] : null;
    const scored = (q: string) =>
      index
        .search(q, { limit: 30 })
        .map((h) => {
          const favoured =
            lift &&
            (h.kind === 'entry' ? (lift.entries as string[]).includes(h.category) : lift.quick.includes(h.category));
          return { id: h.id, kind: h.kind, score: h.score * (favoured ? 1 + STAGE_LIFT : 1) };
        })
        .sort((a, b) => b.score - a.score);
    let hits = scored(text);
    if (hits.length === 0 && lift) hits = scored(lift.topics);
    return hits.slice(0, limit);
  }

  async function suggest(
    input: { text: string; tid?: string },
    user: Pick<User, 'username' | 'displayName'>,
  ): Promise<{ stage: OrderStage | null; suggestions: Suggestion[] }> {
    const status = input.tid ? deps.statusOf(input.tid) : undefined;
    // Refused before ranking, so an unknown order fails alike whether or not a quick reply is among the three.
    if (input.tid && status === undefined)
      throw new NotFoundError({
        message: `订单 ${input.tid} 不存在`,
        code: 'order_not_found',
        params: { tid: input.tid },
      });
    const stage = stageOf(status);
    const suggestions: Suggestion[] = [];
    for (const hit of rank(input.text, stage)) {
      const score = Math.round(hit.score * 100) / 100;
      if (hit.kind === 'entry') {
        const e = repo.entry(hit.id.slice(docId('').length));
        if (!e) continue;
        suggestions.push({
          kind: 'entry',
          id: e.id,
          title: e.question,
          category: e.category,
          text: e.answer,
          score,
          missing: [],
        });
      } else {
        const id = hit.id.slice(quickDocId('').length);
        const q = indexedQuick.get(id)?.item;
        if (!q) continue;
        const r = await quickReplies.render(id, { ...(input.tid ? { tid: input.tid } : {}), user });
        suggestions.push({
          kind: 'quick-reply',
          id,
          title: q.title,
          category: q.category,
          text: r.text,
          score,
          missing: r.missingPrompts.map((p) => p.label),
        });
      }
    }
    return { stage, suggestions };
  }

  return { suggest, rank };
}

export type Suggester = ReturnType<typeof createSuggester>;
