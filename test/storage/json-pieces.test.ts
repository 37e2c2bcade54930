import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/storage/atomic-file.js';
import { jsonPieces } from '../../src/storage/json-pieces.js';

const order = (n: number) => ({
  tid: `41376543210987${String(n).padStart(5, '0')}`,
  memo: `改价-10元+小丽/11.23 "${n}"\n`,
  flag: n % 5,
  items: [{ oid: String(n), price: 12_800 }],
  gone: undefined,
  at: new Date(Date.UTC(2026, 10, 23, 0, 0, n)),
});

describe('JSON written in pieces', () => {
  it.each([
    [
      'a shard of 3,000 documents',
      { docs: Object.fromEntries(Array.from({ length: 3000 }, (_, n) => [String(n), order(n)])) },
    ],
    [
      'a big object beside small members',
      {
        version: 3,
        docs: Object.fromEntries(Array.from({ length: 200 }, (_, n) => [`t${n}`, n % 7 ? order(n) : undefined])),
        note: '交接',
        fn: () => 1,
      },
    ],
    [
      'a big object at the top',
      Object.fromEntries(Array.from({ length: 100 }, (_, n) => [`k${n}`, n % 3 ? n : { nested: [n] }])),
    ],
    ['a small object', { schemaVersion: 2, shards: { orders: 64 } }],
    ['an array', [1, 'two', { three: 3 }]],
    ['an empty object', {}],
    [
      'members whose toJSON reads its key',
      Object.fromEntries(
        Array.from({ length: 100 }, (_, n) => [
          `k${n}`,
          { toJSON: (key: string) => (n % 10 ? `key=${key}` : undefined) },
        ]),
      ),
    ],
  ])('when %s is written in pieces, then the text is exactly JSON.stringify of it', (_what, value) => {
    const pieces = [...jsonPieces(value)];
    expect(pieces.join('')).toBe(JSON.stringify(value));
  });

  it('when a shard is streamed, then no piece holds more than a slice of documents', () => {
    const shard = { docs: Object.fromEntries(Array.from({ length: 3000 }, (_, n) => [String(n), order(n)])) };
    const pieces = [...jsonPieces(shard)];
    expect(pieces.length).toBeGreaterThan(100);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(JSON.stringify(shard).length / 100);
  });

  it('when a piece cannot be serialized half-way through a file, then the write fails, the old file stands and no temp file is left', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xiaoer-pieces-'));
    try {
      const path = join(dir, '000.json');
      await writeFileAtomic(path, JSON.stringify({ docs: { a: 1 } }));
      const bad = {
        docs: Object.fromEntries(
          Array.from({ length: 500 }, (_, n) => [String(n), n === 400 ? { big: 1n } : order(n)]),
        ),
      };
      await expect(writeFileAtomic(path, jsonPieces(bad))).rejects.toThrow(/BigInt/);
      expect(await readdir(dir)).toEqual(['000.json']);
      expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ docs: { a: 1 } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('when pieces are written atomically, then the file holds their text, multi-byte characters intact across the buffer edge', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xiaoer-pieces-'));
    try {
      const shard = { docs: Object.fromEntries(Array.from({ length: 15_000 }, (_, n) => [String(n), order(n)])) };
      await writeFileAtomic(join(dir, '000.json'), jsonPieces(shard));
      const text = await readFile(join(dir, '000.json'), 'utf8');
      expect(Buffer.byteLength(text)).toBeGreaterThan(1 << 20);
      expect(text).toBe(JSON.stringify(shard));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
