/**
 * The chat-side tools of 订单详情: quick replies rendered for this order (one-click copy) and the
 * small 发送消息 action (order-message.js).
 */
import { h } from '../dom.js';
import { orderMessage } from './order-message.js';
import { quickReplyPanel } from './quick-reply-panel.js';

export function orderTools(tid) {
  return [
    h(
      'section',
      { class: ['card', 'order-replies'], dataset: { testid: 'order-replies' } },
      h('h2', {}, '快捷短语'),
      quickReplyPanel({ idPrefix: 'order-reply', tid }),
    ),
    orderMessage(tid),
  ];
}
