/** A remark entry's statuses have one list of names (remarks/remark-entry.ts), served by GET /api/labels. */
import { describe, expect, it } from 'vitest';
import { ENTRY_STATUS_LABELS } from '../../src/remarks/index.js';
import { copiesOutside } from '../support/literal-copies.js';

describe('remark entry status names', () => {
  it('when the source is searched, then no file but remark-entry.ts spells the name of an entry status', () => {
    const names = Object.values(ENTRY_STATUS_LABELS);
    expect(names).toContain('待写入（排队中）');
    // The CLI answers a write with a sentence per outcome ('已写入', '已排队，等平台确认'), not the history's names.
    expect(copiesOutside(names, ['src/remarks/remark-entry.ts'], { 已写入: ['src/cli/commands/remark.ts'] })).toEqual(
      {},
    );
  });

  it('when every status is named, then each of the four has a Chinese name', () => {
    expect(Object.keys(ENTRY_STATUS_LABELS).sort()).toEqual(['already_present', 'failed', 'pending', 'written']);
    for (const [status, name] of Object.entries(ENTRY_STATUS_LABELS)) {
      expect(name, status).toMatch(/^[\u4e00-\u9fff（）]+$/);
    }
  });
});
