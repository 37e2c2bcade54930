/**
 * State a module keeps beside the store (docs/postgres.md, "State kept beside the store") follows documents another
 * instance wrote, as the PostgreSQL store tells them through `onExternalChange`: the knowledge search index, the
 * parcels' order index (and through it the buyer search's waybills), the compliance phrase list, and the jobs' last
 * runs. Each "elsewhere" write below is one this module never made; before the listeners existed every one of these
 * reads answered from the instance's own writes only.
 */
import { describe, expect, it } from 'vitest';
import type { User } from '../../src/accounts/index.js';
import { createSearchIndex, searchBuyers } from '../../src/buyers/index.js';
import { createKnowledgeModule, type KnowledgeEntry } from '../../src/knowledge/index.js';
import { createParcelRepository, PARCELS, type Parcel } from '../../src/logistics/index.js';
import { createComplianceCheck } from '../../src/messaging/compliance/compliance-check.js';
import { COMPLIANCE_PHRASES_COLLECTION, createPhraseBook } from '../../src/messaging/compliance/phrase-book.js';
import { createOrderRepository } from '../../src/orders/index.js';
import { createJobHistory, JOB_STATE } from '../../src/scheduler/index.js';
import type { JobRun } from '../../src/scheduler/job.js';
import { fixedClock } from '../../src/shared/time.js';
import { buyerOrder } from '../buyers/support/buyer-orders.js';
import { storeWithElsewhere } from '../support/external-store.js';

const AT = '2026-12-07T10:00:00+08:00';
const keeper: User = { username: 'xiaozhou', displayName: '小周', role: 'keeper' };

function entry(id: string, question: string, answer: string, deleted = false): KnowledgeEntry {
  return { id, question, answer, category: 'shipping', tags: [], createdAt: AT, updatedAt: AT, deleted, history: [] };
}

describe('the knowledge search index', () => {
  async function world() {
    const s = storeWithElsewhere();
    const k = await createKnowledgeModule({
      store: s.store,
      clock: fixedClock(AT),
      quickReplies: { list: () => [], render: async () => ({ text: '', missingPrompts: [] }) },
      statusOf: () => undefined,
      notifier: { notify: async () => {} },
    });
    return { ...s, k };
  }
  const found = (k: Awaited<ReturnType<typeof world>>['k'], q: string) => k.entries.search(q).map((e) => e.id);

  it('when another instance adds, edits and deletes an entry, then this instance’s search follows each', async () => {
    const { k, elsewhere } = await world();
    expect(found(k, '能寄到冰岛吗')).not.toContain('k-iceland');

    await elsewhere((tx) =>
      tx.put('knowledge-entries', 'k-iceland', entry('k-iceland', '能寄到冰岛吗？', '冰岛暂不发货。')),
    );
    expect(found(k, '能寄到冰岛吗')).toContain('k-iceland');

    await elsewhere((tx) =>
      tx.put('knowledge-entries', 'k-iceland', entry('k-iceland', '可以用顺丰到付吗？', '可以，顺丰到付。')),
    );
    expect(found(k, '顺丰到付')).toContain('k-iceland');
    expect(found(k, '冰岛')).not.toContain('k-iceland');

    await elsewhere((tx) =>
      tx.put('knowledge-entries', 'k-iceland', entry('k-iceland', '可以用顺丰到付吗？', '可以，顺丰到付。', true)),
    );
    expect(found(k, '顺丰到付')).not.toContain('k-iceland');
  });

  it('when this instance writes after another instance did, then both entries are found', async () => {
    const { k, elsewhere } = await world();
    await elsewhere((tx) =>
      tx.put('knowledge-entries', 'k-iceland', entry('k-iceland', '能寄到冰岛吗？', '暂不发货。')),
    );
    const mine = await k.entries.create(
      { question: '能寄到澳门吗？', answer: '可以寄澳门。', category: 'shipping', tags: [] },
      keeper,
    );
    expect(found(k, '冰岛')).toEqual(['k-iceland']);
    expect(found(k, '澳门')).toEqual([mine.id]);
  });
});

describe('the parcels of an order and the buyer search by waybill', () => {
  const parcel = (tid: string, waybill: string): Parcel => ({
    company: 'shunfeng',
    waybill,
    tid,
    state: 'in_transit',
    subState: null,
    events: [],
    checkedAt: AT,
    polledAt: AT,
    final: false,
  });

  it('when another instance saves a parcel, then the order lists it here and its waybill finds the buyer', async () => {
    const { store, elsewhere } = storeWithElsewhere();
    const orders = createOrderRepository(store);
    const parcels = createParcelRepository(store);
    const index = createSearchIndex(
      { orders, parcels },
      { onOrders: (l) => orders.onChange(l), onParcel: (l) => parcels.onSave(l) },
    );
    await orders.upsertMany([buyerOrder({ tid: '4200000000000001', nick: '冰岛来的小雪' })]);
    // Both indexes are built now, before the other instance's parcel exists.
    expect(parcels.forOrder('4200000000000001')).toEqual([]);
    expect(searchBuyers({ index, orders }, 'SF7700000001').buyers).toEqual([]);

    await elsewhere((tx) => tx.put(PARCELS, 'shunfeng:SF7700000001', parcel('4200000000000001', 'SF7700000001')));

    expect(parcels.forOrder('4200000000000001').map((p) => p.waybill)).toEqual(['SF7700000001']);
    expect(searchBuyers({ index, orders }, 'sf7700000001').buyers[0]).toMatchObject({
      nick: '冰岛来的小雪',
      best: 'waybill',
    });
  });
});

describe('the compliance phrase list', () => {
  it('when another instance adds and removes a phrase, then this instance’s check follows', async () => {
    const { store, elsewhere } = storeWithElsewhere();
    const book = createPhraseBook({ store, clock: fixedClock(AT) });
    const check = createComplianceCheck(book);
    const text = '亲，拍下后找客服领冰岛特供券';
    expect(check.scan(text)).toEqual([]); // the list is prepared now

    await elsewhere((tx) =>
      tx.put(COMPLIANCE_PHRASES_COLLECTION, 'p-冰岛特供券', {
        id: 'p-冰岛特供券',
        phrase: '冰岛特供券',
        rule: 'review-reward',
        addedBy: { username: 'xiaozhou', displayName: '小周' },
        addedAt: AT,
      }),
    );
    expect(check.scan(text).map((f) => f.phrase)).toEqual(['冰岛特供券']);

    await elsewhere((tx) => tx.delete(COMPLIANCE_PHRASES_COLLECTION, 'p-冰岛特供券'));
    expect(check.scan(text)).toEqual([]);
  });
});

describe('the jobs’ last runs', () => {
  const run = (startedAt: string, outcome: JobRun['outcome'], instanceId: string): JobRun => ({
    job: 'logistics-refresh',
    startedAt,
    finishedAt: startedAt,
    outcome,
    counts: {},
    error: outcome === 'ok' ? null : 'boom',
    instanceId,
  });
  const state = (r: JobRun) => ({ job: r.job, lastRun: r, lastSuccessAt: r.outcome === 'ok' ? r.startedAt : null });

  it('when another instance records a run, then it is the last run here, and a later failure here keeps its success', async () => {
    const { store, elsewhere } = storeWithElsewhere();
    const history = createJobHistory({ runs: store.log<JobRun>('job-runs'), store });
    await history.load();
    await history.record(run('2026-12-07T10:00:00+08:00', 'ok', 'a'));

    const theirs = run('2026-12-07T10:05:00+08:00', 'ok', 'b');
    await elsewhere((tx) => tx.put(JOB_STATE, 'logistics-refresh', state(theirs)));
    expect(history.lastRun('logistics-refresh')).toEqual(theirs);
    expect(history.lastSuccess('logistics-refresh')).toBe(Date.parse('2026-12-07T10:05:00+08:00'));

    // This instance's next record is written from what it holds: B's success must not be taken back in the store.
    await history.record(run('2026-12-07T10:10:00+08:00', 'failed', 'a'));
    expect(store.get<{ lastSuccessAt: string }>(JOB_STATE, 'logistics-refresh')?.lastSuccessAt).toBe(
      '2026-12-07T10:05:00+08:00',
    );

    // A notice older than what this instance holds (overtaken by its own record) takes nothing back.
    await elsewhere((tx) => tx.put(JOB_STATE, 'logistics-refresh', state(run('2026-12-07T09:00:00+08:00', 'ok', 'b'))));
    expect(history.lastRun('logistics-refresh')?.startedAt).toBe('2026-12-07T10:10:00+08:00');
    expect(history.lastSuccess('logistics-refresh')).toBe(Date.parse('2026-12-07T10:05:00+08:00'));
  });
});
