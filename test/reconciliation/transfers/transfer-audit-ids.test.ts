/**
 * Audit events of transfers are kept whichever process writes them: two instances on one database each count their
 * own events from zero, so an id made of the time and that count alone would let one instance's event overwrite the
 * other's written in the same millisecond.
 */
import { describe, expect, it, vi } from 'vitest';
import type * as RepositoryTypes from '../../../src/reconciliation/transfers/transfer-repository.js';
import type { AuditEvent } from '../../../src/reconciliation/transfers/transfer-types.js';
import { createMemoryStore } from '../../../src/storage/memory-store.js';

const MODULE = '../../../src/reconciliation/transfers/transfer-repository.js';
type RepositoryModule = typeof RepositoryTypes;

/** The repository module as a separate process has it: loaded afresh, its counters at zero. */
async function freshModule(): Promise<RepositoryModule> {
  vi.resetModules();
  return (await import(MODULE)) as RepositoryModule;
}

const event = (by: string): Omit<AuditEvent, 'id'> => ({
  transferId: 'H1',
  rowIdentity: null,
  action: 'chased',
  by,
  at: '2026-12-07T10:00:00.000+08:00',
  detail: `${by} 催了一次`,
});

describe('transfer audit ids', () => {
  it('when two instances each write their first audit event in the same millisecond, then both events are kept', async () => {
    const store = createMemoryStore();
    const a = (await freshModule()).createTransferRepository(store);
    const b = (await freshModule()).createTransferRepository(store);
    await a.write((w) => w.audit(event('小丽')));
    await b.write((w) => w.audit(event('小周')));
    const kept = a.audit({ transferId: 'H1' });
    expect(kept.map((e) => e.by).sort()).toEqual(['小丽', '小周'].sort());
    expect(new Set(kept.map((e) => e.id)).size).toBe(2);
  });

  it('when one instance writes several events in one millisecond, then they read back in the order written', async () => {
    const store = createMemoryStore();
    const repo = (await freshModule()).createTransferRepository(store);
    const names = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'];
    for (const n of names) await repo.write((w) => w.audit(event(n)));
    expect(repo.audit({ transferId: 'H1' }).map((e) => e.by)).toEqual(names);
  });
});
