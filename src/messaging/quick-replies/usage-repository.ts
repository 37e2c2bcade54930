/** How often each staff member uses each quick reply: persisted counts, one small document per pair. */
import type { Store } from '../../storage/index.js';

export const QUICK_REPLY_USAGE = 'quick-reply-usage';

export interface QuickReplyUsage {
  username: string;
  templateId: string;
  count: number;
  lastUsedAt: string;
}

export interface UsageRepository {
  record(username: string, templateId: string, at: string): Promise<QuickReplyUsage>;
  /** Most used first; one staff member's when `username` is given. */
  list(username?: string): QuickReplyUsage[];
}

export function createUsageRepository(store: Store): UsageRepository {
  return {
    record: (username, templateId, at) =>
      store.transact((tx) => {
        const id = `${username}:${templateId}`;
        const prev = tx.get<QuickReplyUsage>(QUICK_REPLY_USAGE, id);
        const next: QuickReplyUsage = { username, templateId, count: (prev?.count ?? 0) + 1, lastUsedAt: at };
        tx.put(QUICK_REPLY_USAGE, id, next);
        return next;
      }),
    list: (username) =>
      [...store.all<QuickReplyUsage>(QUICK_REPLY_USAGE)]
        .filter((u) => !username || u.username === username)
        .sort(
          (a, b) =>
            b.count - a.count || a.username.localeCompare(b.username) || a.templateId.localeCompare(b.templateId),
        ),
  };
}
