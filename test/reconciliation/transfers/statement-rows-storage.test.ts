import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRANSFER_ROWS, TRANSFER_ROWS_COLLECTION } from '../../../src/reconciliation/index.js';
import type { StoredRow } from '../../../src/reconciliation/index.js';
import { openLowdbStore } from '../../../src/storage/index.js';
import { ROWS_FROM } from '../../../src/storage/wal.js';
import { bocStatement } from './support/statement-text.js';
import { orderBody, startTransfers, XIAOLI, XIAOZHOU } from './support/transfer-harness.js';

/** The statement rows of each write-ahead log line (one line a transaction), each as the log holds it. */
async function loggedRows(dir: string): Promise<unknown[][]> {
  const lines: unknown[][] = [];
  for (const file of (await readdir(join(dir, 'wal'))).sort()) {
    for (const line of (await readFile(join(dir, 'wal', file), 'utf8')).split('\n').filter(Boolean)) {
      const parsed = JSON.parse(line) as unknown[] | { ops: unknown[][] };
      const ops = (Array.isArray(parsed) ? parsed : parsed.ops) as unknown[][];
      const docs = ops.filter((op) => op[0] === TRANSFER_ROWS).map((op) => op[2]);
      if (docs.length) lines.push(docs);
    }
  }
  return lines;
}

describe('statement rows in the store', () => {
  it('when an import stores matched and unmatched rows and one is confirmed by hand, then the log holds the batches as rows of values, and the store reads the same rows back after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xiaoer-rows-'));
    try {
      const options = { dir, collections: { [TRANSFER_ROWS]: TRANSFER_ROWS_COLLECTION } };
      const store = await openLowdbStore(options);
      const h = await startTransfers({ store });
      const paying = await Promise.all(
        ['张三', '李四', '王五', '赵六', '钱七'].map((name, i) =>
          h.service.create(orderBody({ buyerNick: `买家${i}`, buyerName: name, amountDueFen: 12300 + i }), XIAOLI),
        ),
      );
      const byHand = await h.service.create(
        orderBody({ buyerNick: '乙', buyerName: '孙八', amountDueFen: 45600 }),
        XIAOLI,
      );
      const summary = await h.service.importStatement(
        bocStatement([
          ...paying.map((t) => ({ yuan: (t.amountDueFen / 100).toFixed(2), payer: t.buyerName! })),
          { yuan: '456.00', payer: '陌生人' },
          ...[7, 8, 9, 10, 11].map((yuan) => ({ yuan: `${yuan}.00`, payer: `路人${yuan}` })),
        ]).bytes,
        'boc.csv',
        { user: XIAOZHOU },
      );
      // The stranger paying 乙's amount waits for a person (queued); the small amounts pay nothing (unmatched).
      expect(summary.counts).toEqual({ matched: 5, queued: 1, unmatched: 5 });
      const stranger = summary.queued[0]!.row;
      await h.service.confirm(byHand.id, { rows: [stranger.identity], reason: '买家电话确认由朋友代付' }, XIAOZHOU);
      expect(h.service.get(byHand.id).transfer.state).toBe('paid');
      const before = [...store.all<StoredRow>(TRANSFER_ROWS)].sort((a, b) => a.row.line - b.row.line);
      expect(before).toHaveLength(11);

      // A transaction of several rows (the matched ones, the unmatched ones) writes them as rows of values, not as
      // objects with their keys: the collection's layout applies and putRow builds rows in its key order.
      const lines = await loggedRows(dir);
      const batches = lines.filter((docs) => docs.length >= ROWS_FROM);
      expect(batches.length).toBeGreaterThanOrEqual(2);
      expect(batches.flat().filter((doc) => !Array.isArray(doc))).toEqual([]);

      await store.close();
      const reopened = await openLowdbStore(options);
      const after = [...reopened.all<StoredRow>(TRANSFER_ROWS)].sort((a, b) => a.row.line - b.row.line);
      expect(JSON.parse(JSON.stringify(after))).toEqual(JSON.parse(JSON.stringify(before)));
      await reopened.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
