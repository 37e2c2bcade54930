/**
 * Phrases no template may contain. Each entry says why it is here, so nobody "fixes" the lint
 * by deleting a line without knowing what it protects. Matching ignores spaces, case and
 * full-width letters (see compliance-lint.ts), so "加 V" and "加Ｖ" are caught too.
 */

export type ComplianceRule = 'review-inducement' | 'off-platform' | 'absolute-promise';

export interface CompliancePhrase {
  phrase: string;
  rule: ComplianceRule;
  why: string;
}

const REVIEW = 'review-inducement' as const;
const OFF = 'off-platform' as const;
const ABSOLUTE = 'absolute-promise' as const;

export const COMPLIANCE_PHRASES: readonly CompliancePhrase[] = [
  // Paying or rewarding for reviews is review manipulation under the platform rules; shops get demoted or closed for
  // it.
  { phrase: '好评返现', rule: REVIEW, why: 'cash for a good review: platform review-manipulation rule' },
  { phrase: '返现', rule: REVIEW, why: 'any cash-back offer in a message reads as paying for reviews' },
  { phrase: '追评返', rule: REVIEW, why: 'rewards for follow-up reviews are the same manipulation' },
  { phrase: '晒图返', rule: REVIEW, why: 'rewards for photo reviews are the same manipulation' },
  { phrase: '好评有礼', rule: REVIEW, why: 'a gift for a good review is still a reward for the review' },
  // Review repair is about fixing the buyer's problem; asking for a changed review is what gets reported as harassment.
  {
    phrase: '改好评',
    rule: REVIEW,
    why: 'asking the buyer to change a review; repair messages offer care and a fix only',
  },
  { phrase: '修改评价', rule: REVIEW, why: 'asking the buyer to change a review' },
  { phrase: '改评价', rule: REVIEW, why: 'asking the buyer to change a review' },
  { phrase: '删差评', rule: REVIEW, why: 'asking the buyer to delete a bad review' },
  { phrase: '删除评价', rule: REVIEW, why: 'asking the buyer to delete a review' },
  { phrase: '删评', rule: REVIEW, why: 'asking the buyer to delete a review' },
  // Moving buyers or money off the platform removes their protection and is banned in chat and SMS.
  { phrase: '淘口令', rule: OFF, why: 'share codes in messages are treated as link spam and bypass the chat' },
  { phrase: '加微信', rule: OFF, why: 'luring the buyer to another app is an off-platform lure' },
  { phrase: '微信转账', rule: OFF, why: 'payment outside the platform: no buyer protection' },
  { phrase: '加v', rule: OFF, why: 'coded form of 加微信' },
  { phrase: '私下交易', rule: OFF, why: 'explicit off-platform trade' },
  { phrase: '支付宝转账', rule: OFF, why: 'asking for a direct Alipay transfer instead of paying the order' },
  { phrase: '转账给我', rule: OFF, why: 'asking for money to a person instead of the order' },
  { phrase: '扫码付款', rule: OFF, why: 'QR-code payment outside the order' },
  // The handbook forbids absolute promises: the courier, the weather or taste can still let the buyer down (use 尽量/努力).
  { phrase: '肯定', rule: ABSOLUTE, why: 'absolute promise (handbook: 凡事留有余地)' },
  { phrase: '保证', rule: ABSOLUTE, why: 'absolute promise (handbook: 凡事留有余地)' },
  { phrase: '绝对', rule: ABSOLUTE, why: 'absolute promise (handbook: 凡事留有余地)' },
  { phrase: '百分百', rule: ABSOLUTE, why: 'absolute promise in other words' },
  { phrase: '百分之百', rule: ABSOLUTE, why: 'absolute promise in other words' },
];
