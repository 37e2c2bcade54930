import type { Logger } from '../../../shared/logger.js';
import type { Store } from '../../../storage/index.js';
import type { QueueEntry, QueueSink, TmcQueue } from './queue.js';

/**
 * The TMC queue kept in the sandbox shop's own store (collection `sandbox.tmc`, beside the shop's other `sandbox.`
 * collections in data/sandbox), so messages nobody confirmed survive a restart and are pushed again once a consumer
 * reconnects. Changes are gathered and written as one transaction a moment later (setImmediate): a tick's messages or a
 * burst of confirms cost one write, not one each. A confirm not yet written when the process dies is pushed again
 * after the restart: at least once, as the platform delivers.
 */
const MESSAGES = 'sandbox.tmc';
const META = 'sandbox.tmc-meta';
const META_ID = 'queue';

interface StoredMessage {
  /** 64-bit ids as decimal text: JSON numbers would lose digits. */
  id: string;
  topic: string;
  content: string;
  time: number;
  nick: string;
  userId?: string;
  pushes: number;
  addedAt: number;
}

interface StoredMeta {
  /** The next id to give: ids never repeat across a restart, even once every message was confirmed. */
  nextId: string;
}

const byId = (a: { id: bigint }, b: { id: bigint }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Puts the stored messages back into `queue`, oldest first; returns the next id to give, if one was kept. */
export function loadQueue(store: Store, queue: TmcQueue): { nextId: bigint | undefined; restored: number } {
  const rows = [...store.all<StoredMessage>(MESSAGES)].map((r) => ({ r, id: BigInt(r.id) })).sort(byId);
  for (const { r, id } of rows) {
    const msg = { id, topic: r.topic, content: r.content, time: r.time, nick: r.nick };
    queue.restore(r.userId === undefined ? msg : { ...msg, userId: BigInt(r.userId) }, r.pushes, r.addedAt);
  }
  const meta = store.get<StoredMeta>(META, META_ID);
  let nextId = meta ? BigInt(meta.nextId) : undefined;
  const last = rows.at(-1)?.id;
  if (last !== undefined && (nextId === undefined || nextId <= last)) nextId = last + 1n;
  return { nextId, restored: rows.length };
}

export interface QueueWriter extends QueueSink {
  /** The next id to give, written with the next batch. */
  nextId(id: bigint): void;
  /** Writes what is pending now; resolves once every write so far is on disk (or has failed and been logged). */
  flush(): Promise<void>;
}

export function createQueueWriter(store: Store, logger: Logger): QueueWriter {
  // Entries are read when the batch is written, so a message pushed twice before it costs one put of its latest count.
  const pending = new Map<bigint, QueueEntry | null>();
  let nextId: bigint | undefined;
  let scheduled = false;
  let last: Promise<void> = Promise.resolve();

  const write = (): Promise<void> => {
    scheduled = false;
    if (!pending.size && nextId === undefined) return last;
    const batch = [...pending];
    pending.clear();
    const next = nextId;
    nextId = undefined;
    const done = (async () => {
      try {
        await store.transact((tx) => {
          for (const [id, e] of batch) {
            if (e) tx.put(MESSAGES, String(id), stored(e));
            else tx.delete(MESSAGES, String(id));
          }
          if (next !== undefined) tx.put(META, META_ID, { nextId: String(next) } satisfies StoredMeta);
        });
      } catch (err) {
        // The sandbox's own change stands; only a restart would lose these messages.
        logger.error({ err }, 'sandbox tmc: writing the queue to the store failed');
      }
    })();
    const before = last;
    last = Promise.all([before, done]).then(() => undefined);
    return last;
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => void write());
  };
  return {
    kept(e) {
      pending.set(e.msg.id, e);
      schedule();
    },
    dropped(id) {
      pending.set(id, null);
      schedule();
    },
    nextId(id) {
      nextId = id;
      schedule();
    },
    flush: write,
  };
}

function stored(e: QueueEntry): StoredMessage {
  const m = e.msg;
  const doc: StoredMessage = {
    id: String(m.id),
    topic: m.topic,
    content: m.content,
    time: m.time,
    nick: m.nick,
    pushes: e.pushes,
    addedAt: e.addedAt,
  };
  if (m.userId !== undefined) doc.userId = String(m.userId);
  return doc;
}
