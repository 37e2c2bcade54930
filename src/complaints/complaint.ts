/**
 * 售后投诉 with their clocks: a first response within 24 hours, verification within 3 working days,
 * the outcome told to the buyer, satisfaction recorded at the end. Late ones turn red in the handover.
 */
export const COMPLAINT_CATEGORIES = ['quality', 'wrong_item', 'logistics', 'service', 'price', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_CHANNELS = ['wangwang', 'phone', 'qq', 'wechat', 'sms', 'email', 'other'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const SATISFACTION = ['satisfied', 'neutral', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

export const CATEGORY_TEXT: Readonly<Record<ComplaintCategory, string>> = {
  quality: '质量问题',
  wrong_item: '发错货',
  logistics: '物流',
  service: '服务态度',
  price: '价格',
  other: '其他',
};
export const CHANNEL_TEXT: Readonly<Record<ComplaintChannel, string>> = {
  wangwang: '旺旺',
  phone: '电话',
  qq: 'QQ',
  wechat: '微信',
  sms: '短信',
  email: '邮件',
  other: '其他',
};
export const SATISFACTION_TEXT: Readonly<Record<Satisfaction, string>> = {
  satisfied: '满意',
  neutral: '一般',
  unsatisfied: '不满意',
};

export type ComplaintStage =
  'awaiting_response' | 'awaiting_verification' | 'awaiting_outcome' | 'awaiting_satisfaction' | 'closed';
/** Where a complaint stands, in the order it goes: the console's badge and the service's refusals. */
export const STAGE_TEXT: Readonly<Record<ComplaintStage, string>> = {
  awaiting_response: '待首次回复',
  awaiting_verification: '待核实',
  awaiting_outcome: '待告知结果',
  awaiting_satisfaction: '待回访满意度',
  closed: '已结案',
};

export interface Step {
  at: string;
  by: string;
  byName: string;
  note: string;
}

export interface Complaint {
  id: string;
  buyerNick: string;
  tid: string | null;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  content: string;
  staff: string;
  staffName: string;
  openedAt: string;
  /** Deadlines (+08:00 instants) fixed when the complaint is recorded. */
  respondBy: string;
  verifyBy: string;
  response: Step | null;
  verification: Step | null;
  outcome: Step | null;
  satisfaction: (Step & { level: Satisfaction }) | null;
}

export interface ComplaintView extends Complaint {
  stage: ComplaintStage;
  responseLate: boolean;
  verificationLate: boolean;
  late: boolean;
}

export function stageOf(c: Complaint): ComplaintStage {
  if (!c.response) return 'awaiting_response';
  if (!c.verification) return 'awaiting_verification';
  if (!c.outcome) return 'awaiting_outcome';
  if (!c.satisfaction) return 'awaiting_satisfaction';
  return 'closed';
}

/** A clock is late when its step happened after the deadline, or has not happened and the deadline passed. */
export function viewComplaint(c: Complaint, now: number): ComplaintView {
  const lateFor = (step: Step | null, by: string) => (step ? Date.parse(step.at) : now) > Date.parse(by);
  const responseLate = lateFor(c.response, c.respondBy);
  const verificationLate = lateFor(c.verification, c.verifyBy);
  return { ...c, stage: stageOf(c), responseLate, verificationLate, late: responseLate || verificationLate };
}
