/** The only code that stores the knowledge base: its entries, the questions nobody could answer, the seed marker. */
import type { Store } from '../storage/index.js';
import type { KnowledgeEntry } from './entry.js';
import type { UnansweredQuestion } from './unanswered.js';

export const KNOWLEDGE_ENTRIES = 'knowledge-entries';
export const KNOWLEDGE_UNANSWERED = 'knowledge-unanswered';
const KNOWLEDGE_META = 'knowledge-meta';
const SEEDED = 'seeded';

export function createKnowledgeRepository(store: Store) {
  /** Reads the stored document and writes what `change` returns, in one transaction (undefined for an unknown id). */
  const update =
    <T>(collection: string) =>
    (id: string, change: (doc: T | undefined) => T) =>
      store.transact((tx) => {
        const before = tx.get<T>(collection, id);
        const after = change(before);
        if (after !== before) tx.put(collection, id, after);
        return after;
      });
  return {
    entry: (id: string) => store.get<KnowledgeEntry>(KNOWLEDGE_ENTRIES, id),
    entries: () => store.all<KnowledgeEntry>(KNOWLEDGE_ENTRIES),
    updateEntry: update<KnowledgeEntry>(KNOWLEDGE_ENTRIES),
    /**
     * Entries another instance wrote (several instances on one database), once this store holds them: the search
     * index beside the store follows them (undefined: deleted). Returns the unsubscribe.
     */
    onEntriesWrittenElsewhere: (listener: (changed: { id: string; entry: KnowledgeEntry | undefined }[]) => void) =>
      store.onExternalChange((changes) => {
        const changed = changes
          .filter((c) => c.collection === KNOWLEDGE_ENTRIES)
          .map((c) => ({ id: c.id, entry: c.after as KnowledgeEntry | undefined }));
        if (changed.length) listener(changed);
      }),
    question: (id: string) => store.get<UnansweredQuestion>(KNOWLEDGE_UNANSWERED, id),
    questions: () => store.all<UnansweredQuestion>(KNOWLEDGE_UNANSWERED),
    addQuestion: (q: UnansweredQuestion) => store.transact((tx) => tx.put(KNOWLEDGE_UNANSWERED, q.id, q)),
    updateQuestion: update<UnansweredQuestion>(KNOWLEDGE_UNANSWERED),
    /**
     * Stores the seed entries once in the store's life: a keeper who deleted a seed does not see it come back.
     * Returns whether it seeded now.
     */
    seedOnce: (entries: readonly KnowledgeEntry[], at: string) =>
      store.transact((tx) => {
        if (tx.get(KNOWLEDGE_META, SEEDED)) return false;
        for (const e of entries) if (!tx.get(KNOWLEDGE_ENTRIES, e.id)) tx.put(KNOWLEDGE_ENTRIES, e.id, e);
        tx.put(KNOWLEDGE_META, SEEDED, { at, count: entries.length });
        return true;
      }),
  };
}

export type KnowledgeRepository = ReturnType<typeof createKnowledgeRepository>;
