import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';
import { createFollowUps, transferChaseOpener } from '../../src/tasks/index.js';

describe('a transfer chase becomes a follow-up', () => {
  it('when the three-day rule opens a chase twice, then one follow-up owned by the staff who took the order is open', async () => {
    const followUps = createFollowUps({ store: createMemoryStore(), clock: fixedClock('2026-11-26T10:00:00+08:00') });
    const opener = transferChaseOpener(followUps);
    const chase = {
      id: 'chase:H1',
      assignee: { username: 'xiaoli', displayName: '小丽' },
      subject: '汇款三天未到账',
      instructions: '请联系买家核实汇款',
      tid: '3001',
    };
    await opener.open(chase);
    await opener.open(chase);
    expect(followUps.list({ open: true })).toMatchObject([
      {
        id: 'chase:H1',
        kind: 'transfer_chase',
        tid: '3001',
        owner: 'xiaoli',
        ownerName: '小丽',
        title: '汇款三天未到账',
      },
    ]);
  });
});
