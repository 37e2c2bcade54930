/** A remark entry's statuses and a write's outcomes have one list each (remarks/remark-entry.ts), for /api/labels. */
import { describe, expect, it } from 'vitest';
import { ENTRY_STATUS_LABELS, WRITE_OUTCOME_TEXT } from '../../src/remarks/index.js';
import { copiesOutside } from '../support/literal-copies.js';

describe('remark entry status names', () => {
  it('when the source is searched, then no file but remark-entry.ts spells the name of an entry status', () => {
    const names = Object.values(ENTRY_STATUS_LABELS);
    expect(names).toContain('待写入（排队中）');
    expect(copiesOutside(names, ['src/remarks/remark-entry.ts'])).toEqual({});
  });

  it('when every status is named, then each of the four has a Chinese name', () => {
    expect(Object.keys(ENTRY_STATUS_LABELS).sort()).toEqual(['already_present', 'failed', 'pending', 'written']);
    for (const [status, name] of Object.entries(ENTRY_STATUS_LABELS)) {
      expect(name, status).toMatch(/^[\u4e00-\u9fff（）]+$/);
    }
  });

  it('when the source is searched, then no file but remark-entry.ts spells what a person is told after a write', () => {
    expect(Object.keys(WRITE_OUTCOME_TEXT)).toEqual(['written', 'pending', 'already_present']);
    expect(copiesOutside(Object.values(WRITE_OUTCOME_TEXT), ['src/remarks/remark-entry.ts'])).toEqual({});
  });
});
