/** Quick replies for staff: search over the loaded quick-reply templates. Rendering is ../templates' renderTemplate. */
export { quickReplySearch, searchQuickReplies, type QuickReplyHit, type QuickReplyMatch } from './search.js';
export { initialOf, pinyinInitials } from './pinyin-initials.js';
