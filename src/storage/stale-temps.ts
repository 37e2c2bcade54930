import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Temp files of writeFileAtomic (`.<target>.<pid>.<n>.tmp`) that a crash left behind, for the
 * store's own targets only: `meta.json` and `.lock` in the data folder, `NNN.json` shard files in
 * `collections/<name>/`. Anything else there (another module's atomic write, a file put there by
 * hand) is not the store's to delete.
 */
const TOP_LEVEL = /^\.(meta\.json|\.lock)\.\d+\.\d+\.tmp$/;
const SHARD = /^\.\d{3}\.json\.\d+\.\d+\.tmp$/;

/**
 * Deletes them. Call only while holding the store lock and before the store writes anything: then
 * no process is writing one of them (a dead holder's pid may be this process's own, as in a
 * container restarted with the same pid, so the pid in the name decides nothing).
 * A temp file that comes back after a power cut is deleted at the next open, so no folder fsync.
 */
export async function removeStaleTemps(dir: string, onError: (file: string, err: unknown) => void): Promise<string[]> {
  const stale: string[] = [];
  for (const f of await readdir(dir).catch(() => [] as string[])) if (TOP_LEVEL.test(f)) stale.push(join(dir, f));
  const collDir = join(dir, 'collections');
  for (const c of await readdir(collDir, { withFileTypes: true }).catch(() => [])) {
    if (!c.isDirectory()) continue;
    for (const f of await readdir(join(collDir, c.name)).catch(() => [] as string[]))
      if (SHARD.test(f)) stale.push(join(collDir, c.name, f));
  }
  const removed: string[] = [];
  for (const file of stale) {
    try {
      await unlink(file);
      removed.push(file);
    } catch (err) {
      // Left alone, a temp file only takes space: it never stops the store from opening.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') onError(file, err);
    }
  }
  return removed;
}
