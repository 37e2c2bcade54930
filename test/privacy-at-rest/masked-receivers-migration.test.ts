/**
 * Store migration 4 (issue 18): a data folder written before the platform masked receivers holds them in full in the
 * orders. After the upgrade the orders hold them masked as the platform does, no file keeps the plain values, a
 * print batch's entry still matches its (now masked) order, and the order backfill runs again for the oaids.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORDER_COLLECTION, ORDERS, type Order } from '../../src/orders/index.js';
import { addressFingerprint, PRINT_BATCHES, type StoredBatch } from '../../src/printing/index.js';
import { receiverChanged } from '../../src/printing/batch-rules.js';
import { MIGRATIONS } from '../../src/service/migrations.js';
import { openLowdbStore } from '../../src/storage/index.js';
import { paidOrder } from '../printing/support.js';

const collections = { [ORDERS]: ORDER_COLLECTION };

async function allText(dir: string): Promise<string> {
  let text = '';
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) text += await readFile(join(e.parentPath, e.name), 'utf8');
  return text;
}

describe('migration 4: masked receivers at rest', () => {
  it('when a store written before holds plain receivers, then after the upgrade they are masked as the platform masks them, and nothing else moves', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xiaoer-migrate-'));
    try {
      const before = await openLowdbStore({ dir, collections, migrations: MIGRATIONS.filter((m) => m.version < 4) });
      const plain: Order = paidOrder('7001', '09:00', {
        receiver: {
          ...{ name: '欧阳娜娜', mobile: '13912345678', phone: '0571-88886666', state: '浙江省', city: '杭州市' },
          ...{ district: '西湖区', town: '文新街道', address: '文三路90号3幢501', zip: '310000', country: '' },
        },
      });
      const batch: StoredBatch = {
        ...{ id: '2026-12-07@12:00', date: '2026-12-07', time: '12:00', builtAt: '2026-12-07T12:00:00.000+08:00' },
        entries: [
          { tid: '7001', enteredAt: '2026-12-07T12:00:00.000+08:00', address: addressFingerprint(plain.receiver) },
        ],
        runs: [],
      };
      const checkpoint = {
        ...{ backfillCursor: null, backfillEnd: 1, backfillDone: true, modifiedUntil: 1_800_000_000_000 },
        ...{ lastRunAt: null, lastSuccessAt: null },
      };
      await before.transact((tx) => {
        tx.put(ORDERS, plain.tid, plain);
        tx.put(PRINT_BATCHES, batch.id, batch);
        tx.put('sync', 'orders', checkpoint);
      });
      await before.close();
      expect(await allText(dir)).toContain('13912345678');

      const after = await openLowdbStore({ dir, collections, migrations: MIGRATIONS });
      const order = after.get<Order>(ORDERS, '7001')!;
      expect(order.receiver).toEqual({
        ...plain.receiver,
        ...{ name: '欧*', mobile: '139****5678', phone: '0571-****6666', address: '西湖区****' },
      });
      expect({ ...order, receiver: null }).toEqual({ ...plain, receiver: null });
      const entry = after.get<StoredBatch>(PRINT_BATCHES, batch.id)!.entries[0]!;
      expect(receiverChanged(entry, order.receiver)).toBe(false);
      // The platform's own answer later (masked, with an oaid) is the same receiver, not a changed address.
      expect(receiverChanged(entry, { ...order.receiver, oaid: 'oaid-7001' })).toBe(false);
      expect(after.get('sync', 'orders')).toMatchObject({
        backfillDone: false,
        backfillCursor: null,
        modifiedUntil: 1_800_000_000_000,
      });
      await after.close();
      const text = await allText(dir);
      for (const v of ['13912345678', '欧阳娜娜', '文三路90号', '88886666']) expect(text, v).not.toContain(v);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
