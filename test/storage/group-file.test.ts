import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openGroupFile } from '../../src/storage/group-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-group-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('group file', () => {
  it('when records larger than its encode buffer arrive together, then every byte lands in order and each record stays whole', async () => {
    const f = await openGroupFile(join(dir, 'log.jsonl'));
    // Multi-byte text whose characters straddle the 1 MiB buffer's edges at odd offsets.
    const records = Array.from({ length: 12 }, (_, n) => [
      '{"n":',
      String(n),
      ',"memo":"',
      '改价'.repeat(70_000 + n * 7),
      'x'.repeat(n),
      '"}',
      '\n',
    ]);
    await Promise.all(records.map((r) => f.append(r)));
    await f.close();
    const lines = (await readFile(join(dir, 'log.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(12);
    lines.forEach((line, n) =>
      expect(JSON.parse(line)).toEqual({ n, memo: '改价'.repeat(70_000 + n * 7) + 'x'.repeat(n) }),
    );
    expect(f.bytes()).toBe((await stat(join(dir, 'log.jsonl'))).size);
  });

  it('when appends arrive while a write is in flight, then they share the next fsync instead of one each', async () => {
    const f = await openGroupFile(join(dir, 'log.jsonl'));
    await Promise.all(Array.from({ length: 200 }, (_, n) => f.append([JSON.stringify({ n }), '\n'])));
    expect(f.syncs()).toBeLessThan(200);
    await f.close();
    const ns = (await readFile(join(dir, 'log.jsonl'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { n: number }).n);
    expect(ns).toEqual(Array.from({ length: 200 }, (_, n) => n));
  });

  it('when the file ends in a torn line, then the next record starts on a fresh line', async () => {
    await writeFile(join(dir, 'log.jsonl'), '{"n":1}\n{"n":2,"to');
    const f = await openGroupFile(join(dir, 'log.jsonl'));
    await f.append(['{"n":3}', '\n']);
    await f.close();
    expect(await readFile(join(dir, 'log.jsonl'), 'utf8')).toBe('{"n":1}\n{"n":2,"to\n{"n":3}\n');
  });
});
