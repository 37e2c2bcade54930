/**
 * Reviews stored by the old 20:00 job (handledAt, messageQueued) load as states: migration 3 makes a review whose
 * message was refused 待联系 again (it was never handled), one whose message was queued 已发短信, and closes the old
 * job's phone follow-ups (the review itself is the open item now). Other follow-ups are left alone.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/service/migrations.js';
import { createReviewBook } from '../../src/reviews/review-book.js';
import { NEGATIVE_REVIEWS } from '../../src/reviews/review-repository.js';
import { FOLLOW_UPS } from '../../src/tasks/follow-ups.js';
import { fixedClock } from '../../src/shared/time.js';
import { openLowdbStore } from '../../src/storage/index.js';

const at = '2026-11-20T20:00:00.000+08:00';
const legacy = (tid: string, messageQueued: boolean) => ({
  id: `${tid}:${tid}-1`,
  review: {
    tid,
    oid: `${tid}-1`,
    buyerNick: `b${tid}`,
    result: 'bad',
    content: '不满意',
    reply: '',
    itemTitle: '开衫',
    createdAt: '2026-11-19T10:00:00.000+08:00',
  },
  seenAt: at,
  handledAt: at,
  messageQueued,
  messageReason: messageQueued ? null : 'missing_values',
  followUpId: `review:${tid}:${tid}-1`,
});
const followUp = (id: string, kind: string) => ({
  id,
  kind,
  tid: '1',
  buyerNick: 'b1',
  title: '电话联系差评买家',
  detail: '',
  owner: null,
  ownerName: null,
  shift: 'night',
  openedAt: at,
  closedAt: null,
  closedBy: null,
  note: null,
});

describe('migration 3: reviews get a state', () => {
  it('when a store of the old job is opened, then refused reviews are 待联系 again, queued ones 已发短信, phone follow-ups closed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xiaoer-migrate-'));
    try {
      const before = await openLowdbStore({ dir, migrations: MIGRATIONS.filter((m) => m.version <= 2) });
      await before.transact((tx) => {
        tx.put(NEGATIVE_REVIEWS, '1:1-1', legacy('1', false));
        tx.put(NEGATIVE_REVIEWS, '2:2-1', legacy('2', true));
        tx.put(FOLLOW_UPS, 'review:1:1-1', followUp('review:1:1-1', 'review_phone'));
        tx.put(FOLLOW_UPS, 'parcel:x', followUp('parcel:x', 'stuck_parcel'));
      });
      await before.close();

      const after = await openLowdbStore({ dir, migrations: MIGRATIONS });
      expect(after.get(NEGATIVE_REVIEWS, '1:1-1')).toMatchObject({ state: 'new', calls: [], workedAt: null });
      expect(after.get(NEGATIVE_REVIEWS, '2:2-1')).toMatchObject({ state: 'messaged', stateAt: at });
      expect(after.get(NEGATIVE_REVIEWS, '1:1-1')).not.toHaveProperty('handledAt');
      expect(after.get(FOLLOW_UPS, 'review:1:1-1')).toMatchObject({
        closedAt: at,
        note: expect.stringMatching('中差评'),
      });
      expect(after.get(FOLLOW_UPS, 'parcel:x')).toMatchObject({ closedAt: null });
      const book = createReviewBook({ store: after, clock: fixedClock(at), windowDays: 30, windows: [] });
      expect(book.open().map((r) => [r.review.tid, r.state])).toEqual([
        ['1', 'new'],
        ['2', 'messaged'],
      ]);
      await after.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
