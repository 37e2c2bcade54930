/** A buyer who answers 退订 or TD (any case, alone or with punctuation) asks for no more messages. */
import { toHalfWidth } from '../../shared/money.js';

const OPT_OUT = /^(退订|td|t|取消订阅|unsubscribe)$/;

export function isOptOutReply(text: string): boolean {
  const bare = toHalfWidth(text)
    .trim()
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
  return OPT_OUT.test(bare) || /^回?(复)?(退订|td)$/.test(bare);
}
