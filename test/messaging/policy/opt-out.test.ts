import { describe, expect, it } from 'vitest';
import { isOptOutReply } from '../../../src/messaging/policy/opt-out.js';

describe('opt-out replies', () => {
  for (const text of ['退订', 'TD', 'td', ' Ｔ Ｄ ', 'T', '退订。', '回复退订', 'unsubscribe']) {
    it(`when a buyer replies "${text}", then it is an opt-out`, () => expect(isOptOutReply(text)).toBe(true));
  }
  for (const text of ['退货', '我想退订单里的一件', 'TD123', '谢谢', '']) {
    it(`when a buyer replies "${text}", then it is not an opt-out`, () => expect(isOptOutReply(text)).toBe(false));
  }
});
