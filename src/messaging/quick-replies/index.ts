/** Quick replies for staff: search over the loaded quick-reply templates, render for an order, usage counts. */
export { quickReplySearch, searchQuickReplies, type QuickReplyHit, type QuickReplyMatch } from './search.js';
export { initialOf, pinyinInitials } from './pinyin-initials.js';
export {
  createQuickReplyService,
  type QuickReplyService,
  type QuickReplyRender,
  type RenderOptions,
} from './quick-reply-service.js';
export {
  createUsageRepository,
  QUICK_REPLY_USAGE,
  type QuickReplyUsage,
  type UsageRepository,
} from './usage-repository.js';
