/** A job run's outcomes and reasons have one list of names (scheduler/job.ts), read by the CLI and the console. */
import { describe, expect, it } from 'vitest';
import { RUN_OUTCOME_LABELS, RUN_REASON_LABELS } from '../../src/scheduler/index.js';
import { copiesOutside } from '../support/literal-copies.js';

describe('job run outcome and reason names', () => {
  it('when the source is searched, then no file but job.ts spells the name of an outcome or a reason', () => {
    const names = [...Object.values(RUN_OUTCOME_LABELS), ...Object.values(RUN_REASON_LABELS)];
    expect(names).toContain('补跑');
    expect(copiesOutside(names, ['src/scheduler/job.ts'])).toEqual({});
  });

  it('when every outcome and reason is named, then each has a Chinese name', () => {
    expect(Object.keys(RUN_OUTCOME_LABELS)).toEqual([
      'ok',
      'failed',
      'skipped-overlap',
      'skipped-not-owner',
      'unknown',
    ]);
    expect(Object.keys(RUN_REASON_LABELS)).toEqual(['scheduled', 'catch-up', 'manual']);
    for (const name of Object.values({ ...RUN_OUTCOME_LABELS, ...RUN_REASON_LABELS })) {
      expect(name).toMatch(/^[\u4e00-\u9fff，]+$/);
    }
  });
});
