/**
 * A deleted document stays as a row with a null document so that every instance learns of the delete. Rows older
 * than `keepMs` are pruned by whichever instance commits (under the write lock), and `store_meta.tombstonesUpTo`
 * says how far: an instance that has not caught up that far (it was cut off longer than that) may have missed a
 * delete, so it reloads everything instead of catching up.
 */
import type pg from 'pg';
import { ALL_TABLES } from './tables.js';

export const TOMBSTONE_KEEP_MS = 10 * 60_000;

const KEY = 'tombstonesUpTo';

export async function pruneTombstones(client: pg.ClientBase, upTo: number): Promise<void> {
  for (const table of ALL_TABLES) await client.query(`delete from ${table} where doc is null and seq <= $1`, [upTo]);
  await client.query(
    'insert into store_meta (key, value) values ($1, $2::jsonb) on conflict (key) do update set value = excluded.value',
    [KEY, JSON.stringify(upTo)],
  );
}

/** When this instance had which seq: the prune horizon is the newest seq older than `keepMs`. */
export class SeqHistory {
  private samples: { at: number; seq: number }[] = [];
  private lastPrune = Date.now();

  constructor(private readonly keepMs: number) {}

  note(seq: number, now = Date.now()): void {
    const last = this.samples[this.samples.length - 1];
    if (last && now - last.at < Math.min(60_000, this.keepMs / 4)) return;
    this.samples.push({ at: now, seq });
    if (this.samples.length > 200) this.samples.shift();
  }

  /** The seq up to which tombstones may go now, or null when it is not yet time to prune. */
  horizon(now = Date.now()): number | null {
    if (now - this.lastPrune < this.keepMs) return null;
    let found: number | null = null;
    for (const s of this.samples) if (now - s.at >= this.keepMs) found = s.seq;
    if (found === null) return null;
    this.lastPrune = now;
    this.samples = this.samples.filter((s) => s.seq > found!);
    return found;
  }
}
