import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../src/storage/index.js';
import { createRowCodec, type RowLayout } from '../../src/storage/row-layout.js';
import { lineOps, MAX_LINE_CHARS, walLine, type WalOp } from '../../src/storage/wal.js';

const LAYOUT: RowLayout = ['tid', 'memo', { key: 'items', each: ['oid', 'n'] }];
const codec = createRowCodec(LAYOUT);
const order = (n: number) => ({ tid: `t${n}`, memo: `备注${n}`, items: [{ oid: `o${n}`, n }] });
const parse = (pieces: string[]) => JSON.parse(pieces.join('')) as unknown;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-walrows-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('write-ahead log rows', () => {
  it('when a transaction holds several documents of a collection with a layout, then they go out as rows with the layout, and read back as the same changes', () => {
    const ops: WalOp[] = [
      ...Array.from({ length: 40 }, (_, n): WalOp => ['orders', `t${n}`, order(n)]),
      ['orders', 'gone', null],
      ['meta', 'm', { v: 1 }],
    ];
    const pieces = walLine(ops, (c) => (c === 'orders' ? codec : undefined));
    expect(pieces.at(-1)!.endsWith('\n')).toBe(true);
    const line = parse(pieces) as { layouts: Record<string, unknown>; ops: unknown[][] };
    expect(line.layouts).toEqual({ orders: LAYOUT });
    expect(line.ops[0]).toEqual(['orders', 't0', ['t0', '备注0', [['o0', 0]]], 1]);
    expect(line.ops[40]).toEqual(['orders', 'gone', null]);
    expect(line.ops[41]).toEqual(['meta', 'm', { v: 1 }]);
    expect(JSON.stringify(lineOps(line, 'seg'))).toBe(JSON.stringify(ops));
    // Half the bytes or less: the keys are gone.
    expect(pieces.join('').length).toBeLessThan(walLine(ops).join('').length * 0.75);
  });

  it('when a transaction holds few documents, or one does not fit, then those stay objects', () => {
    const few: WalOp[] = [
      ['orders', 't1', order(1)],
      ['orders', 't2', order(2)],
    ];
    expect(parse(walLine(few, () => codec))).toEqual(few);
    const odd = { tid: 'x', memo: '', items: [], extra: true };
    const ops: WalOp[] = [
      ...Array.from({ length: 5 }, (_, n): WalOp => ['orders', `t${n}`, order(n)]),
      ['orders', 'x', odd],
    ];
    const line = parse(walLine(ops, () => codec)) as { ops: unknown[][] };
    expect(line.ops[5]).toEqual(['orders', 'x', odd]);
    expect(lineOps(line, 'seg')[5]).toEqual(['orders', 'x', odd]);
  });

  it('when a transaction would make a line longer than replay can read, then it is refused before anything is written', () => {
    const ops: WalOp[] = Array.from({ length: 6 }, (_, n): WalOp => [
      'orders',
      `t${n}`,
      { ...order(n), memo: 'x'.repeat(100) },
    ]);
    const chars = walLine(ops, () => codec).join('').length;
    expect(() => walLine(ops, () => codec, chars - 1)).toThrow(
      new RegExp(`a transaction of 6 changes makes a ${chars}-character log line; at most ${chars - 1}`),
    );
    expect(walLine(ops, () => codec, chars).join('').length).toBe(chars);
    // V8's longest string is 2^29 − 24 code units; a line read back is one string.
    expect(MAX_LINE_CHARS).toBeLessThan(2 ** 29 - 24);
  });

  it('when collections are named like members of every object, then they are stored and read back like any other', async () => {
    const s = await openLowdbStore({ dir, collections: { orders: { shards: 2, rowLayout: LAYOUT } } });
    await s.transact((tx) => {
      for (const c of ['constructor', 'toString', '__proto__'])
        for (let n = 0; n < 5; n++) tx.put(c, `${c}${n}`, { v: n });
    });
    await s.close();
    const r = await openLowdbStore({ dir });
    for (const c of ['constructor', 'toString', '__proto__']) {
      expect(r.count(c), c).toBe(5);
      expect(r.get(c, `${c}3`), c).toEqual({ v: 3 });
    }
    await r.close();
  });

  it('when a line is neither form, or a row has no layout, then reading it fails naming the file', () => {
    expect(() => lineOps({ ops: [] }, 'wal-00000003.jsonl')).toThrow(/wal-00000003\.jsonl: a log line that is neither/);
    expect(() => lineOps({ layouts: {}, ops: [['orders', 't1', ['t1'], 1]] }, 'wal-1')).toThrow(
      'wal-1: orders/t1 is a row, but the line has no layout for orders',
    );
    expect(() => lineOps({ layouts: { orders: LAYOUT }, ops: [['orders', 't1', ['t1'], 1]] }, 'wal-1')).toThrow(
      'wal-1: orders/t1: expected a row of 3 values, got 1',
    );
  });

  it('when a store with a layout crashes before its checkpoint, then a store opened without the layout recovers every document exactly', async () => {
    const s = await openLowdbStore({ dir, collections: { orders: { shards: 4, rowLayout: LAYOUT } } });
    const docs = Array.from({ length: 30 }, (_, n) => order(n));
    await s.transact((tx) => docs.forEach((d) => tx.put('orders', d.tid, d)));
    await s.transact((tx) => tx.put('orders', 't3', { ...order(3), memo: '改价' }));
    const segs = (await readdir(join(dir, 'wal'))).filter((f) => f.endsWith('.jsonl'));
    const text = (await Promise.all(segs.map((f) => readFile(join(dir, 'wal', f), 'utf8')))).join('');
    expect(text).toContain('"layouts":{"orders":');
    expect(text).not.toContain('"memo":"备注7"');
    // The crash: the files as they are on disk now, without the clean close and its checkpoint.
    const copy = join(dir, 'copy');
    await mkdir(join(copy, 'wal'), { recursive: true });
    for (const f of segs) await writeFile(join(copy, 'wal', f), await readFile(join(dir, 'wal', f)));
    await s.close();
    const r = await openLowdbStore({ dir: copy, collections: { orders: { shards: 4 } } });
    expect(r.count('orders')).toBe(30);
    expect(JSON.stringify(r.get('orders', 't7'))).toBe(JSON.stringify(order(7)));
    expect(r.get('orders', 't3')).toEqual({ ...order(3), memo: '改价' });
    await r.close();
  });
});
