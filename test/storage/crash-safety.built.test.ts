import { spawn, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../src/storage/index.js';

const root = resolve(import.meta.dirname, '../..');
const built = join(root, 'dist/storage/index.js');

beforeAll(() => {
  // The child process runs the compiled store, exactly as the service does.
  if (!existsSync(built)) execSync('npx tsc -p tsconfig.json', { cwd: root, stdio: 'inherit' });
});

const child = (dir: string) => `
import { openLowdbStore } from ${JSON.stringify(built)};
const store = await openLowdbStore({ dir: ${JSON.stringify(dir)}, collections: { orders: { shards: 4 } }, checkpointBytes: 30000, checkpointIntervalMs: 50 });
let i = 0;
for (;;) {
  const batch = [];
  for (let k = 0; k < 20; k++, i++) {
    const n = i;
    batch.push(store.transact((tx) => {
      const c = tx.get('meta', 'counter') ?? { n: 0 };
      tx.put('orders', 't' + n, { tid: 't' + n, memo: '备注'.repeat(20), n });
      tx.put('meta', 'counter', { n: c.n + 1 });
    }).then(() => process.stdout.write('ack ' + n + '\\n')));
  }
  await Promise.all(batch);
}
`;

describe('crash safety', () => {
  it('when the process is killed in the middle of writes and checkpoints, then every acknowledged write survives and every file is valid', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xiaoer-kill-'));
    const script = join(dir, 'writer.mjs');
    const dataDir = join(dir, 'data');
    await writeFile(script, child(dataDir));
    const acked = new Set<number>();
    await new Promise<void>((done, fail) => {
      const p = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
      let buf = '';
      let err = '';
      p.stderr.on('data', (d) => (err += d));
      p.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop()!;
        for (const l of lines) acked.add(Number(l.slice(4)));
        if (acked.size >= 1500) p.kill('SIGKILL');
      });
      p.on('exit', (_code, signal) =>
        signal === 'SIGKILL' ? done() : fail(new Error(`writer ended without being killed: ${err}`)),
      );
    });
    expect(acked.size).toBeGreaterThanOrEqual(1500);

    // Every shard file left behind parses (atomic rename: old or new, never torn).
    const shardDir = join(dataDir, 'collections', 'orders');
    const files = existsSync(shardDir) ? (await readdir(shardDir)).filter((f) => f.endsWith('.json')) : [];
    for (const f of files) {
      const text = await readFile(join(shardDir, f), 'utf8');
      expect(() => JSON.parse(text), f).not.toThrow();
    }
    const store = await openLowdbStore({ dir: dataDir, collections: { orders: { shards: 4 } } });
    try {
      for (const n of acked) expect(store.get('orders', `t${n}`), `acknowledged write t${n}`).toBeDefined();
      const counter = store.get<{ n: number }>('meta', 'counter')!;
      // The counter moved in the same transactions as the orders: all-or-nothing.
      expect(counter.n).toBe(store.count('orders'));
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
