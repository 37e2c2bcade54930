/** The review's state machine (reviews/review-state.ts): phone first, a message only after no answer, closing. */
import { describe, expect, it } from 'vitest';
import type { Review } from '../../src/orders/order.js';
import {
  assertMayMessage,
  buyerChanged,
  close,
  messaged,
  newReview,
  recordCall,
  stateText,
  type CallOutcome,
} from '../../src/reviews/review-state.js';
import { fromStored } from '../../src/reviews/review-repository.js';

const review: Review = {
  tid: '1001',
  oid: '1001-1',
  buyerNick: 'b1',
  result: 'bad',
  content: '有色差',
  reply: '',
  itemTitle: '开衫',
  createdAt: '2026-11-22T10:00:00.000+08:00',
};
const xiaoli = { username: 'xiaoli', displayName: '小丽' };
const at = (hhmm: string) => `2026-11-23T${hhmm}:00.000+08:00`;
const call = (outcome: CallOutcome, when = '11:05') => ({
  at: at(when),
  by: 'xiaoli',
  byName: '小丽',
  outcome,
  note: '',
});
const fresh = () => newReview(review, '1001:1001-1', at('10:00'));

describe('a review as work', () => {
  it('when a review is new, then a message is refused until a call went unanswered', () => {
    expect(() => assertMayMessage(fresh())).toThrow('请先打电话');
    expect(() => assertMayMessage(recordCall(fresh(), call('reached')))).toThrow('最近一次电话已接通');
    expect(() => assertMayMessage(recordCall(fresh(), call('refused')))).toThrow('拒绝沟通');
    const noAnswer = recordCall(fresh(), call('no_answer'));
    expect(() => assertMayMessage(noAnswer)).not.toThrow();
    // the latest call decides: reached after an unanswered one means talk, not a message
    expect(() => assertMayMessage(recordCall(noAnswer, call('reached', '11:30')))).toThrow('已接通');
  });

  it('when calls are recorded, then the state is 已打电话 with the latest outcome, and worked from the first call', () => {
    const r = recordCall(recordCall(fresh(), call('no_answer')), call('reached', '11:40'));
    expect(r.state).toBe('called');
    expect(r.calls.map((c) => c.outcome)).toEqual(['no_answer', 'reached']);
    expect(stateText(r)).toBe('已打电话（已接通）');
    expect(r.workedAt).toBe(at('11:05'));
    expect(r.stateAt).toBe(at('11:05'));
  });

  it('when a message was queued, then the review is 已发短信, a second message is refused, a later call keeps the state', () => {
    const m = messaged(recordCall(fresh(), call('no_answer')), xiaoli, 'msg-1', at('11:10'));
    expect(m).toMatchObject({ state: 'messaged', message: { by: 'xiaoli', messageId: 'msg-1' }, missingValues: [] });
    expect(() => assertMayMessage(m)).toThrow('已经发过短信');
    expect(recordCall(m, call('reached', '20:10')).state).toBe('messaged');
  });

  it('when a review is resolved, given up or changed by the buyer, then it is closed to calls and messages', () => {
    const resolved = close(fresh(), 'resolved', xiaoli, '补发了', at('11:20'));
    expect(resolved).toMatchObject({ state: 'resolved', closedBy: 'xiaoli', note: '补发了' });
    expect(() => recordCall(resolved, call('reached'))).toThrow('这条评价已解决，不能再记录电话');
    const gaveUp = close(recordCall(fresh(), call('no_answer')), 'given_up', xiaoli, '职业差评师', at('20:50'));
    expect(() => assertMayMessage(gaveUp)).toThrow('已放弃');
    expect(() => close(gaveUp, 'resolved', xiaoli, '', at('21:00'))).toThrow('已放弃');
    const changed = buyerChanged(fresh(), at('15:00'));
    expect(stateText(changed)).toBe('买家已改评');
    expect(buyerChanged(changed, at('16:00'))).toBe(changed);
  });

  it('when a review was stored by the old 20:00 job, then a refused message is 待联系 again and a queued one 已发短信', () => {
    const legacy = (messageQueued: boolean | null, handledAt: string | null) => ({
      id: '1001:1001-1',
      review,
      seenAt: at('09:00'),
      handledAt,
      messageQueued,
      messageReason: messageQueued === false ? 'missing_values' : null,
      followUpId: 'review:1001:1001-1',
    });
    expect(fromStored(legacy(false, at('20:00')))).toMatchObject({ state: 'new', workedAt: null, calls: [] });
    expect(fromStored(legacy(null, null))).toMatchObject({ state: 'new' });
    expect(fromStored(legacy(true, at('20:00')))).toMatchObject({
      state: 'messaged',
      stateAt: at('20:00'),
      workedAt: at('20:00'),
    });
    const current = recordCall(fresh(), call('no_answer'));
    expect(fromStored(current)).toBe(current);
  });
});
