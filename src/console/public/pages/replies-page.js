/**
 * 快捷短语: every quick reply, searched the way staff type, rendered for an order when its number
 * is given (#/replies?tid=…), prompts filled, copied in one click. '/' focuses the search anywhere.
 */
import { h, replace } from '../dom.js';
import { quickReplyPanel } from './quick-reply-panel.js';

export function render({ view, query }) {
  const panel = quickReplyPanel({
    idPrefix: 'replies',
    tid: query.get('tid') ?? '',
    askTid: true,
    initialQuery: query.get('q') ?? '',
  });
  replace(
    view,
    h('h1', { tabindex: '-1' }, '快捷短语'),
    h('p', { class: 'muted small' }, '按 / 搜索；回车选择第一条；复制后粘贴到聊天窗口'),
    h('section', { class: 'card' }, panel),
  );
  panel.querySelector('[data-shortcut="quick-reply"]').focus();
}
