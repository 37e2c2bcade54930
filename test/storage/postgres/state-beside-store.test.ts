/**
 * State kept beside the store, on two real PostgreSQL instances of one database (docs/postgres.md, "State kept
 * beside the store"): what one instance writes through the domain reaches the other's knowledge search, parcels of
 * an order, buyer search by waybill and compliance check once it catches up. Without the modules' listeners each
 * of these reads on the second instance answered as if the write had never happened (the memory-store versions of
 * these tests, test/storage/state-beside-store.test.ts, were run against the old code to show it).
 */
import { expect, it } from 'vitest';
import type { User } from '../../../src/accounts/index.js';
import { createSearchIndex, searchBuyers } from '../../../src/buyers/index.js';
import { createKnowledgeModule } from '../../../src/knowledge/index.js';
import { createParcelRepository } from '../../../src/logistics/index.js';
import { createComplianceCheck } from '../../../src/messaging/compliance/compliance-check.js';
import { createPhraseBook } from '../../../src/messaging/compliance/phrase-book.js';
import { createOrderRepository } from '../../../src/orders/index.js';
import { fixedClock } from '../../../src/shared/time.js';
import type { Store } from '../../../src/storage/index.js';
import { buyerOrder } from '../../buyers/support/buyer-orders.js';
import { describeEachStore } from '../../support/each-store.js';

const AT = '2026-12-07T10:00:00+08:00';
const keeper: User = { username: 'xiaozhou', displayName: '小周', role: 'keeper' };

const knowledge = (store: Store) =>
  createKnowledgeModule({
    store,
    clock: fixedClock(AT),
    quickReplies: { list: () => [], render: async () => ({ text: '', missingPrompts: [] }) },
    statusOf: () => undefined,
    notifier: { notify: async () => {} },
  });

describeEachStore(
  'state kept beside the store, two instances',
  (s) => {
    it('when instance A adds and then edits a knowledge entry, then B’s search finds it by its current words', async () => {
      const [a, b] = await s.instances();
      const [ka, kb] = [await knowledge(a), await knowledge(b)];
      const found = (q: string) => kb.entries.search(q).map((e) => e.id);
      const made = await ka.entries.create(
        { question: '能寄到冰岛吗？', answer: '冰岛暂不发货。', category: 'shipping', tags: [] },
        keeper,
      );
      await b.catchUp();
      expect(found('冰岛')).toEqual([made.id]);

      await ka.entries.edit(
        made.id,
        { question: '可以用顺丰到付吗？', answer: '可以。', category: 'shipping', tags: [] },
        keeper,
      );
      await b.catchUp();
      expect(found('顺丰到付')).toContain(made.id);
      expect(found('冰岛')).toEqual([]);
    });

    it('when instance A saves a parcel, then B lists it under the order and finds the buyer by its waybill', async () => {
      const [a, b] = await s.instances();
      const ordersB = createOrderRepository(b);
      const parcelsB = createParcelRepository(b);
      const index = createSearchIndex(
        { orders: ordersB, parcels: parcelsB },
        { onOrders: (l) => ordersB.onChange(l), onParcel: (l) => parcelsB.onSave(l) },
      );
      await ordersB.upsertMany([buyerOrder({ tid: '4200000000000001', nick: '冰岛来的小雪' })]);
      expect(parcelsB.forOrder('4200000000000001')).toEqual([]); // B's indexes are built before A's parcel exists
      expect(searchBuyers({ index, orders: ordersB }, 'SF7700000001').buyers).toEqual([]);

      await a.catchUp();
      await createParcelRepository(a).save(
        '4200000000000001',
        {
          company: 'shunfeng',
          waybill: 'SF7700000001',
          state: 'in_transit',
          subState: null,
          events: [],
          checkedAt: AT,
        },
        AT,
      );
      await b.catchUp();
      expect(parcelsB.forOrder('4200000000000001').map((p) => p.waybill)).toEqual(['SF7700000001']);
      expect(searchBuyers({ index, orders: ordersB }, 'SF7700000001').buyers[0]).toMatchObject({
        nick: '冰岛来的小雪',
        best: 'waybill',
      });
    });

    it('when the keeper adds a phrase on instance A, then a message checked on B is held to it', async () => {
      const [a, b] = await s.instances();
      const bookA = createPhraseBook({ store: a, clock: fixedClock(AT) });
      const checkB = createComplianceCheck(createPhraseBook({ store: b, clock: fixedClock(AT) }));
      const text = '亲，拍下后找客服领冰岛特供券';
      expect(checkB.scan(text)).toEqual([]);
      await bookA.add({ phrase: '冰岛特供券', category: 'review-reward' }, keeper);
      await b.catchUp();
      expect(checkB.scan(text).map((f) => f.phrase)).toEqual(['冰岛特供券']);
    });
  },
  ['postgres'],
);
