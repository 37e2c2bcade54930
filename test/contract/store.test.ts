/**
 * The Store contract (src/storage/store.ts) every repository is written against, on lowdb and on PostgreSQL:
 * transactions are all or nothing (also after a restart), read-modify-write is never interleaved, entries and
 * inventory give what the store holds, logs read back in append order; on PostgreSQL, what one instance commits
 * reaches the other.
 */
import { expect, it } from 'vitest';
import type { ExternalChange, Store } from '../../src/storage/index.js';
import { describeEachStore } from '../support/each-store.js';

interface Task {
  title: string;
  n?: number;
}

const read = async <T>(s: Store, log: string): Promise<T[]> => {
  const out: T[] = [];
  for await (const r of s.log<T>(log).read()) out.push(r);
  return out;
};

describeEachStore('the Store contract', (s) => {
  it('answers with the function’s value, shows the writes at once, and keeps them all across a restart', async () => {
    const written = s.store.transact((tx) => {
      tx.put<Task>('tasks', 'k1', { title: '回电' });
      tx.put('buyer-profiles', '小王', { nick: '小王' });
      tx.put('orders', 't1', { tid: 't1', status: 'WAIT_BUYER_PAY', items: [] });
      return 'ok';
    });
    // Before it is durable, this process already reads it (as a repository's next line does).
    expect(s.store.get('tasks', 'k1')).toEqual({ title: '回电' });
    expect(await written).toBe('ok');
    const again = await s.reopen();
    expect(again.get('tasks', 'k1')).toEqual({ title: '回电' });
    expect(again.get('buyer-profiles', '小王')).toEqual({ nick: '小王' });
    expect(again.get('orders', 't1')).toMatchObject({ tid: 't1' });
  });

  it('keeps nothing of a transaction that throws, not even after a restart, and keeps what was there', async () => {
    await s.store.transact((tx) => tx.put<Task>('tasks', 'k1', { title: '回电', n: 1 }));
    const failed = s.store.transact((tx) => {
      const t = tx.get<Task>('tasks', 'k1')!;
      t.n = 2; // a copy: changing it in place must not reach the store
      tx.put('tasks', 'k1', t);
      tx.put<Task>('tasks', 'k2', { title: '新的' });
      tx.delete('buyer-profiles', 'x');
      throw new Error('验证失败');
    });
    await expect(failed).rejects.toThrow('验证失败');
    expect(s.store.get('tasks', 'k1')).toEqual({ title: '回电', n: 1 });
    expect(s.store.get('tasks', 'k2')).toBeUndefined();
    expect(s.store.count('tasks')).toBe(1);
    // The next transaction commits normally after a refused one.
    await s.store.transact((tx) => tx.put<Task>('tasks', 'k3', { title: '后来的' }));
    const again = await s.reopen();
    expect(again.get('tasks', 'k1')).toEqual({ title: '回电', n: 1 });
    expect(again.get('tasks', 'k2')).toBeUndefined();
    expect([...again.entries('tasks')].map(([id]) => id).sort()).toEqual(['k1', 'k3']);
  });

  it('gives a transaction a copy to change and its own writes to read, and deletes for good', async () => {
    await s.store.transact((tx) => tx.put<Task>('tasks', 'k1', { title: 'a', n: 1 }));
    await s.store.transact((tx) => {
      const t = tx.get<Task>('tasks', 'k1')!;
      t.n = 5;
      expect(s.store.get<Task>('tasks', 'k1')!.n).toBe(1);
      tx.put('tasks', 'k1', t);
      expect(tx.get<Task>('tasks', 'k1')!.n).toBe(5);
      tx.delete('tasks', 'k1');
      expect(tx.get('tasks', 'k1')).toBeUndefined();
      tx.put<Task>('tasks', 'k1', { title: 'b' });
      tx.put<Task>('tasks', 'k2', { title: 'c' });
      tx.delete('tasks', 'k2');
    });
    expect(s.store.get('tasks', 'k1')).toEqual({ title: 'b' });
    expect(s.store.get('tasks', 'k2')).toBeUndefined();
    await s.store.transact((tx) => tx.delete('tasks', 'k1'));
    const again = await s.reopen();
    expect(again.get('tasks', 'k1')).toBeUndefined();
    expect(again.count('tasks')).toBe(0);
  });

  it('never interleaves two read-modify-write transactions: forty increments give forty', async () => {
    const bump = () =>
      s.store.transact((tx) => {
        const c = tx.get<{ n: number }>('counters', 'c') ?? { n: 0 };
        tx.put('counters', 'c', { n: c.n + 1 });
        return c.n + 1;
      });
    const answers = await Promise.all(Array.from({ length: 40 }, bump));
    // Each saw the one before it: the answers are 1..40, in the order they were asked.
    expect(answers).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect((await s.reopen()).get('counters', 'c')).toEqual({ n: 40 });
  });

  it('gives every document with its id (entries), all, count, and an inventory of what holds anything', async () => {
    await s.store.transact((tx) => {
      tx.put('parcels', 'zto:731', { waybill: '731', company: 'zto' });
      tx.put('parcels', 'sf:SF1', { waybill: 'SF1', company: 'sf' });
      tx.put<Task>('tasks', 'gone', { title: 'x' });
    });
    await s.store.transact((tx) => tx.delete('tasks', 'gone'));
    await s.store.log('sync-runs').append({ n: 1 });
    const entries = [...s.store.entries<{ waybill: string }>('parcels')].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(entries).toEqual([
      ['sf:SF1', { waybill: 'SF1', company: 'sf' }],
      ['zto:731', { waybill: '731', company: 'zto' }],
    ]);
    expect([...s.store.all('parcels')]).toHaveLength(2);
    expect(s.store.count('parcels')).toBe(2);
    expect(s.store.count('never-written')).toBe(0);
    expect([...s.store.entries('never-written')]).toEqual([]);
    // A collection whose documents were all deleted holds nothing; the migrations' own records may be listed.
    const inv = await s.store.inventory();
    expect(inv.collections).toContain('parcels');
    expect(inv.collections).not.toContain('tasks');
    expect(inv.logs).toEqual(['sync-runs']);
    expect(await (await s.reopen()).inventory()).toEqual(inv);
  });

  it('reads a log back in append order, apart from other logs, after a restart too', async () => {
    const runs = s.store.log<{ n: number }>('sync-runs');
    await runs.append({ n: 1 }, { n: 2 });
    await s.store.log('message-attempts').append({ other: true });
    await runs.append({ n: 3 });
    await runs.append();
    expect(await read(s.store, 'sync-runs')).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(await read(s.store, 'never-appended')).toEqual([]);
    const again = await s.reopen();
    expect(await read(again, 'sync-runs')).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(await read(again, 'message-attempts')).toEqual([{ other: true }]);
  });

  it('keeps every record of appends made at once, each exactly once', async () => {
    // Their order among themselves is not promised: on PostgreSQL each append is its own statement on its own
    // connection (docs/postgres.md "Contract tests"); the domain awaits an append before the next.
    const runs = s.store.log<{ n: number }>('sync-runs');
    await Promise.all(Array.from({ length: 30 }, (_, n) => runs.append({ n })));
    const got = (await read<{ n: number }>(s.store, 'sync-runs')).map((r) => r.n);
    expect(got.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, n) => n));
  });

  it('never tells its own writes to its listeners of other instances’ changes', async () => {
    const told: ExternalChange[] = [];
    s.store.onExternalChange((c) => told.push(...c));
    await s.store.transact((tx) => tx.put<Task>('tasks', 'k1', { title: 'a' }));
    await s.store.flush();
    expect(told).toEqual([]);
  });

  if (s.kind === 'postgres') {
    it('shows what one instance commits on the other once it catches up, deletes included, and tells it', async () => {
      const [a, b] = await s.instances();
      await a.transact((tx) => tx.put<Task>('tasks', 'k1', { title: '一' }));
      await b.catchUp();
      const told: ExternalChange[] = [];
      b.onExternalChange((c) => told.push(...c));
      await a.transact((tx) => {
        tx.put<Task>('tasks', 'k1', { title: '二' });
        tx.put<Task>('tasks', 'k2', { title: '三' });
      });
      await b.catchUp();
      expect(told).toEqual([
        { collection: 'tasks', id: 'k1', before: { title: '一' }, after: { title: '二' } },
        { collection: 'tasks', id: 'k2', before: undefined, after: { title: '三' } },
      ]);
      // Caught up after each commit: an instance catching up later learns only the net change of a document.
      await a.transact((tx) => tx.delete('tasks', 'k2'));
      await b.catchUp();
      expect(told.slice(2)).toEqual([{ collection: 'tasks', id: 'k2', before: { title: '三' }, after: undefined }]);
      expect(b.get('tasks', 'k1')).toEqual({ title: '二' });
      expect(b.get('tasks', 'k2')).toBeUndefined();
      expect(b.count('tasks')).toBe(1);
    });

    it('counts two instances’ increments of one document without losing one', async () => {
      const [a, b] = await s.instances();
      const bump = (st: Store) =>
        st.transact((tx) => {
          const c = tx.get<{ n: number }>('counters', 'c') ?? { n: 0 };
          tx.put('counters', 'c', { n: c.n + 1 });
        });
      await Promise.all(Array.from({ length: 15 }, () => [bump(a), bump(b)]).flat());
      await Promise.all([a.catchUp(), b.catchUp()]);
      expect(a.get('counters', 'c')).toEqual({ n: 30 });
      expect(b.get('counters', 'c')).toEqual({ n: 30 });
    });

    it('reads one log written by two instances whole, each instance’s records in its order', async () => {
      const [a, b] = await s.instances();
      for (let i = 0; i < 5; i++) {
        await a.log('sync-runs').append({ who: 'a', i });
        await b.log('sync-runs').append({ who: 'b', i });
      }
      const all = await read<{ who: string; i: number }>(a, 'sync-runs');
      expect(all).toHaveLength(10);
      expect(all.filter((r) => r.who === 'b').map((r) => r.i)).toEqual([0, 1, 2, 3, 4]);
      expect(await read(b, 'sync-runs')).toEqual(all);
    });
  }
});
