/**
 * Phrases no template may contain. Each entry says why it is here, so nobody "fixes" the lint
 * by deleting a line without knowing what it protects. Matching ignores spaces, case and
 * full-width letters (see compliance-lint.ts), so "加 V" and "加Ｖ" are caught too.
 */

/**
 * The four kinds of phrase the platform rules (and the shop's handbook) keep out of anything a buyer receives. The
 * keeper adds phrases to one of these in the console; the names are what staff read (GET /api/labels).
 */
export const COMPLIANCE_CATEGORIES = ['review-reward', 'review-change', 'off-platform', 'absolute-word'] as const;
export type ComplianceRule = (typeof COMPLIANCE_CATEGORIES)[number];

export const COMPLIANCE_CATEGORY_LABELS: Readonly<Record<ComplianceRule, string>> = {
  'review-reward': '诱导好评（返现、送礼）',
  'review-change': '要求删改评价换补偿',
  'off-platform': '引导到平台外（微信、QQ、换手机号、私下转账）',
  'absolute-word': '平台禁用的绝对化用语',
};

/** What a refusal offers instead when the phrase has no wording of its own: said the compliant way. */
export const CATEGORY_SUGGESTIONS: Readonly<Record<ComplianceRule, string>> = {
  'review-reward': '如有不满意请联系客服，我们会尽力解决',
  'review-change': '给您添麻烦了，我们先把问题给您处理好，有需要随时联系我们',
  'off-platform': '有问题直接在旺旺上联系我们就好，我们随时在线',
  'absolute-word': '我们会尽量做到，请您放心',
};

export interface CompliancePhrase {
  phrase: string;
  rule: ComplianceRule;
  why: string;
  /** A compliant wording for this phrase; else the category's. */
  suggestion?: string;
  /** Ordinary shop words that contain the phrase and stay allowed (第一时间 holds 第一). */
  except?: readonly string[];
}

const REWARD = 'review-reward' as const;
const CHANGE = 'review-change' as const;
const OFF = 'off-platform' as const;
const ABSOLUTE = 'absolute-word' as const;

export const COMPLIANCE_PHRASES: readonly CompliancePhrase[] = [
  // Paying or rewarding for reviews is review manipulation under the platform rules; shops get demoted or closed for
  // it.
  { phrase: '好评返现', rule: REWARD, why: 'cash for a good review: platform review-manipulation rule' },
  { phrase: '返现', rule: REWARD, why: 'any cash-back offer in a message reads as paying for reviews' },
  { phrase: '追评返', rule: REWARD, why: 'rewards for follow-up reviews are the same manipulation' },
  { phrase: '晒图返', rule: REWARD, why: 'rewards for photo reviews are the same manipulation' },
  { phrase: '好评有礼', rule: REWARD, why: 'a gift for a good review is still a reward for the review' },
  { phrase: '好评送', rule: REWARD, why: 'a gift for a good review is still a reward for the review' },
  { phrase: '好评红包', rule: REWARD, why: 'a red packet for a good review is paying for it' },
  { phrase: '五星好评', rule: REWARD, why: 'asking for a rating by stars is inducing the review' },
  // Review repair is about fixing the buyer's problem; asking for a changed review is what gets reported as harassment.
  {
    phrase: '改好评',
    rule: CHANGE,
    why: 'asking the buyer to change a review; repair messages offer care and a fix only',
  },
  { phrase: '改成好评', rule: CHANGE, why: 'asking the buyer to change a review' },
  { phrase: '修改评价', rule: CHANGE, why: 'asking the buyer to change a review' },
  { phrase: '改评价', rule: CHANGE, why: 'asking the buyer to change a review' },
  { phrase: '改差评', rule: CHANGE, why: 'asking the buyer to change a bad review' },
  { phrase: '删差评', rule: CHANGE, why: 'asking the buyer to delete a bad review' },
  { phrase: '删除差评', rule: CHANGE, why: 'asking the buyer to delete a bad review' },
  { phrase: '删除评价', rule: CHANGE, why: 'asking the buyer to delete a review' },
  { phrase: '删评', rule: CHANGE, why: 'asking the buyer to delete a review' },
  { phrase: '撤销差评', rule: CHANGE, why: 'asking the buyer to withdraw a bad review' },
  // Moving buyers or money off the platform removes their protection and is banned in chat and SMS.
  { phrase: '淘口令', rule: OFF, why: 'share codes in messages are treated as link spam and bypass the chat' },
  { phrase: '加微信', rule: OFF, why: 'luring the buyer to another app is an off-platform lure' },
  { phrase: '微信', rule: OFF, why: 'naming another chat app moves the conversation off the platform' },
  { phrase: '威信', rule: OFF, why: 'homophone of 微信' },
  { phrase: '薇信', rule: OFF, why: 'homophone of 微信' },
  { phrase: 'v信', rule: OFF, why: 'coded form of 微信' },
  { phrase: 'vx', rule: OFF, why: 'coded form of 微信 (letters alone: matched as a word, so a nick like vxiao passes)' },
  { phrase: 'wx', rule: OFF, why: 'coded form of 微信 (letters alone: matched as a word)' },
  { phrase: '微信转账', rule: OFF, why: 'payment outside the platform: no buyer protection' },
  { phrase: '加v', rule: OFF, why: 'coded form of 加微信' },
  { phrase: 'qq', rule: OFF, why: 'another chat app (letters alone: matched as a word)' },
  { phrase: '扣扣', rule: OFF, why: 'spoken form of QQ' },
  { phrase: '加我手机', rule: OFF, why: 'swapping phone numbers moves the talk off the platform' },
  { phrase: '我的手机号', rule: OFF, why: 'giving a personal number moves the talk off the platform' },
  { phrase: '我手机号', rule: OFF, why: 'giving a personal number moves the talk off the platform' },
  { phrase: '留个电话', rule: OFF, why: 'asking to swap phone numbers' },
  { phrase: '留个手机号', rule: OFF, why: 'asking to swap phone numbers' },
  { phrase: '私人电话', rule: OFF, why: 'a personal number instead of the shop chat' },
  { phrase: '私人号码', rule: OFF, why: 'a personal number instead of the shop chat' },
  { phrase: '私下交易', rule: OFF, why: 'explicit off-platform trade' },
  { phrase: '私下转账', rule: OFF, why: 'money outside the order: no buyer protection' },
  { phrase: '私下付款', rule: OFF, why: 'money outside the order: no buyer protection' },
  { phrase: '支付宝转账', rule: OFF, why: 'asking for a direct Alipay transfer instead of paying the order' },
  { phrase: '转账给我', rule: OFF, why: 'asking for money to a person instead of the order' },
  { phrase: '扫码付款', rule: OFF, why: 'QR-code payment outside the order' },
  { phrase: '不走平台', rule: OFF, why: 'explicit off-platform trade' },
  // The handbook forbids absolute promises: the courier, the weather or the fit can still let the buyer down (use
  // 尽量/努力). The platform's advertising rules ban absolute claims (最好, 第一, 国家级…) in what the shop says.
  { phrase: '肯定', rule: ABSOLUTE, why: 'absolute promise (handbook: 凡事留有余地)' },
  { phrase: '保证', rule: ABSOLUTE, why: 'absolute promise (handbook: 凡事留有余地)' },
  { phrase: '绝对', rule: ABSOLUTE, why: 'absolute promise (handbook: 凡事留有余地)' },
  { phrase: '百分百', rule: ABSOLUTE, why: 'absolute promise in other words' },
  { phrase: '百分之百', rule: ABSOLUTE, why: 'absolute promise in other words' },
  { phrase: '最好', rule: ABSOLUTE, why: 'absolute claim banned by the advertising rules', suggestion: '很受欢迎，口碑不错' },
  {
    phrase: '第一',
    rule: ABSOLUTE,
    why: 'absolute claim (销量第一); 第一时间 and 第一次 are ordinary words',
    suggestion: '很受欢迎，口碑不错',
    except: ['第一时间', '第一次'],
  },
  { phrase: '国家级', rule: ABSOLUTE, why: 'absolute claim banned by the advertising rules', suggestion: '品质可靠' },
  { phrase: '世界级', rule: ABSOLUTE, why: 'absolute claim banned by the advertising rules', suggestion: '品质可靠' },
  { phrase: '最佳', rule: ABSOLUTE, why: 'absolute claim banned by the advertising rules', suggestion: '很受欢迎' },
  { phrase: '最高级', rule: ABSOLUTE, why: 'absolute claim banned by the advertising rules', suggestion: '品质可靠' },
  { phrase: '顶级', rule: ABSOLUTE, why: 'absolute claim banned by the advertising rules', suggestion: '品质可靠' },
  { phrase: '唯一', rule: ABSOLUTE, why: 'absolute claim banned by the advertising rules', suggestion: '很有特色' },
  { phrase: '全网最低', rule: ABSOLUTE, why: 'absolute price claim', suggestion: '价格很实惠' },
  { phrase: '史上最', rule: ABSOLUTE, why: 'absolute claim banned by the advertising rules', suggestion: '很受欢迎' },
];
