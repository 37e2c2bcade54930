/** A knowledge-base entry: a buyer's question, the shop's answer, its category and tags, with its edit history. */

export const KNOWLEDGE_CATEGORIES = [
  'size',
  'exchange',
  'return',
  'shipping',
  'quality',
  'invoice',
  'wrong-missing',
  'care',
  'payment',
  'other',
] as const;
export type KnowledgeCategory = (typeof KNOWLEDGE_CATEGORIES)[number];

/** What staff read for each category (the console via GET /api/labels): the only copy. */
export const KNOWLEDGE_CATEGORY_LABELS: Readonly<Record<KnowledgeCategory, string>> = {
  size: '尺码与合身',
  exchange: '换货',
  return: '退货退款',
  shipping: '发货与物流',
  quality: '质量瑕疵',
  invoice: '发票',
  'wrong-missing': '错发漏发',
  care: '洗涤保养',
  payment: '付款与优惠',
  other: '其他问题',
};

/** What staff read for each kind of revision in an entry's history (GET /api/labels): the only copy. */
export const REVISION_ACTION_LABELS: Readonly<Record<'create' | 'edit' | 'delete', string>> = {
  create: '新建',
  edit: '修改',
  delete: '删除',
};

/** The words of an entry a person writes; what a revision records before and after. */
export interface EntryContent {
  question: string;
  answer: string;
  category: KnowledgeCategory;
  tags: string[];
}

export interface Revision {
  at: string;
  /** Username and display name of the logged-in person (the seed's revision is by 'system'). */
  by: string;
  byName: string;
  action: keyof typeof REVISION_ACTION_LABELS;
  before: EntryContent | null;
  after: EntryContent | null;
}

export interface KnowledgeEntry extends EntryContent {
  id: string;
  createdAt: string;
  updatedAt: string;
  /** A deleted entry stays with its history but is no longer searched or listed. */
  deleted: boolean;
  history: Revision[];
}

export const contentOf = (e: EntryContent): EntryContent => ({
  question: e.question,
  answer: e.answer,
  category: e.category,
  tags: [...e.tags],
});
