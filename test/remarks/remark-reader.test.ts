import { describe, expect, it } from 'vitest';
import { createRemarkReader } from '../../src/remarks/index.js';
import { createMemoryStore } from '../../src/storage/index.js';

const entry = (id: string, kind: string, at: string, username: string, staff: string, status = 'written') => ({
  id,
  tid: '3001',
  kind,
  at,
  username,
  staff,
  status,
  text: '',
  flag: null,
});

describe('what other features read of the remarks', () => {
  it('when an order has several sale records, then the first one that did not fail names who took the sale', async () => {
    const store = createMemoryStore();
    // Stored out of order, as entries written from two consoles land.
    await store.transact((tx) => {
      tx.put('remark-entries', '3001', {
        tid: '3001',
        entries: [
          entry('e3', 'sale.record', '2026-11-23T11:00:00.000+08:00', 'xiaozhou', '小周'),
          entry('e1', 'sale.record', '2026-11-23T09:00:00.000+08:00', 'azhang', '阿张', 'failed'),
          entry('e2', 'sale.record', '2026-11-23T10:00:00.000+08:00', 'xiaoli', '小丽'),
          entry('e4', 'price.balance', '2026-11-23T08:00:00.000+08:00', 'admin', '管理员'),
        ],
      });
    });
    const reader = createRemarkReader(store);
    expect(reader.saleTaker('3001')).toEqual({ username: 'xiaoli', name: '小丽' });
    expect(reader.saleTaker('9999')).toBeNull();
    expect([...reader.entries()].map((e) => e.id).sort()).toEqual(['e1', 'e2', 'e3', 'e4']);
  });
});
