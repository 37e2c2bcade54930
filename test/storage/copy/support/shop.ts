/** A small shop's store to copy: orders written the service's way (row layout), and odd documents and logs. */
import { createOrderRepository } from '../../../../src/orders/index.js';
import type { Store } from '../../../../src/storage/index.js';
import { makeOrder } from '../../../remarks/support/orders.js';

export const ORDER_COUNT = 250;

export async function fillShop(store: Store, orders = ORDER_COUNT): Promise<void> {
  const repo = createOrderRepository(store);
  const all = Array.from({ length: orders }, (_, i) =>
    makeOrder({ tid: String(4_100_000_000_000 + i), payment: 1000 + i, sellerMemo: i % 7 ? '' : `备注 ${i}` }),
  );
  for (let i = 0; i < all.length; i += 100) await repo.upsertMany(all.slice(i, i + 100));
  await store.transact((tx) => {
    // Ids that are not a field of their document, as the parcels' are.
    tx.put('parcels', 'zto:7311000001', {
      waybill: '7311000001',
      company: 'zto',
      steps: [{ at: '2026-11-23', text: '已揽收' }],
    });
    tx.put('parcels', 'sf:SF10001', { waybill: 'SF10001', company: 'sf', steps: [] });
    tx.put('buyer-profiles', '毛毛雨920402', {
      nick: '毛毛雨920402',
      note: '喜欢蓝色',
      tags: ['老客'],
      extra: { b: 1, a: null },
    });
    tx.put('meta', 'sync', { syncedTo: '2026-11-22T10:00:00.000+08:00', backfillDone: true });
  });
  await store
    .log('sync-runs')
    .append(
      { at: '2026-11-22T10:00:00.000+08:00', ordersNew: orders },
      { at: '2026-11-22T10:05:00.000+08:00', ordersNew: 0, errors: ['超时'] },
    );
  await store.log('message-log').append({ id: 'm1', text: '亲，已发货' });
  await store.flush();
}
