/** A review's state and a call's outcome have one list of names (reviews/review-state.ts), served by /api/labels. */
import { describe, expect, it } from 'vitest';
import { CALL_OUTCOME_LABELS, REVIEW_STATE_LABELS, REVIEW_STATES } from '../../src/reviews/review-state.js';
import { labels } from '../../src/service/labels-router.js';
import { copiesOutside } from '../support/literal-copies.js';

describe('review state names', () => {
  it('when the source is searched, then no file but review-state.ts spells a state or call outcome name', () => {
    const names = [...Object.values(REVIEW_STATE_LABELS), ...Object.values(CALL_OUTCOME_LABELS)];
    expect(copiesOutside(names, ['src/reviews/review-state.ts'])).toEqual({});
  });

  it('when the console asks for labels, then every state comes in order with its name, and every call outcome', () => {
    expect(Object.keys(labels().reviewStates)).toEqual([...REVIEW_STATES]);
    expect(labels().reviewStates).toEqual(REVIEW_STATE_LABELS);
    expect(labels().reviewCallOutcomes).toEqual({ reached: '已接通', no_answer: '未接通', refused: '拒绝沟通' });
  });
});
