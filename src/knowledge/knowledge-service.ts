/**
 * The knowledge base's entries: search, read, and write by the keeper and the admin (the role table guards the
 * routes; the service checks again so no other caller can write), each write kept in the entry's history with who
 * (from the login), when, and the words before and after. The search index follows every write, this instance's
 * and (several instances on one database) another's.
 */
import { randomUUID } from 'node:crypto';
import type { User } from '../accounts/index.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { toInstant, type Clock } from '../shared/time.js';
import { contentOf, type EntryContent, type KnowledgeEntry, type Revision } from './entry.js';
import type { KnowledgeRepository } from './knowledge-repository.js';
import type { SearchIndex } from './search-index.js';
import { SEED_ENTRIES } from './seed-entries.js';

/** Who may write entries and answer logged questions. */
export const KNOWLEDGE_WRITERS: readonly User['role'][] = ['keeper', 'admin'];

export type Writer = Pick<User, 'username' | 'displayName' | 'role'>;

/** The search lists entries scoring at least this share of the best one. */
const RELEVANT_SHARE = 0.15;

/** An entry as lists and searches show it: no history, and the search's score when searched. */
export type EntrySummary = Omit<KnowledgeEntry, 'history'> & { score?: number; matched?: string[] };

export const docId = (id: string) => `entry:${id}`;
const entryIdOf = (doc: string) => doc.slice('entry:'.length);

export function mayWrite(user: Pick<User, 'role'>): boolean {
  return KNOWLEDGE_WRITERS.includes(user.role);
}

function assertWriter(user: Writer) {
  if (!mayWrite(user))
    throw new ForbiddenError({ message: '只有店长和管理员可以编辑知识库', code: 'knowledge_forbidden' });
}

function clean(c: EntryContent): EntryContent {
  const question = c.question.trim();
  const answer = c.answer.trim();
  if (!question) throw new ValidationError({ message: '请填写问题', code: 'field_required', field: 'question' });
  if (!answer) throw new ValidationError({ message: '请填写回答', code: 'field_required', field: 'answer' });
  const tags = [...new Set(c.tags.map((t) => t.trim()).filter(Boolean))];
  return { question, answer, category: c.category, tags };
}

const summary = ({ history: _history, ...rest }: KnowledgeEntry): Omit<KnowledgeEntry, 'history'> => rest;

export function createKnowledgeService(deps: { repo: KnowledgeRepository; index: SearchIndex; clock: Clock }) {
  const { repo, index, clock } = deps;
  const now = () => toInstant(clock.now());

  const toDoc = (e: KnowledgeEntry) => ({ id: docId(e.id), kind: 'entry' as const, ...contentOf(e) });

  /** Seeds a new store and indexes every live entry; call once before serving. */
  async function open(): Promise<void> {
    const at = now();
    const seeds: KnowledgeEntry[] = SEED_ENTRIES.map((s) => ({
      ...s,
      createdAt: at,
      updatedAt: at,
      deleted: false,
      history: [{ at, by: 'system', byName: '系统', action: 'create', before: null, after: contentOf(s) }],
    }));
    await repo.seedOnce(seeds, at);
    for (const e of repo.entries()) if (!e.deleted) index.put(toDoc(e));
    // Subscribed in the tick of the loop above: an entry another instance writes is either read there or told here.
    repo.onEntriesWrittenElsewhere((changed) => {
      for (const { id, entry } of changed) {
        if (entry && !entry.deleted) index.put(toDoc(entry));
        else index.remove(docId(id));
      }
    });
  }

  function get(id: string): KnowledgeEntry {
    const e = repo.entry(id);
    if (!e || e.deleted)
      throw new NotFoundError({
        message: '没有找到这条知识，请刷新后重试',
        code: 'knowledge_not_found',
        params: { id },
      });
    return e;
  }

  const revision = (
    user: Writer,
    action: Revision['action'],
    before: EntryContent | null,
    after: EntryContent | null,
  ) => ({ at: now(), by: user.username, byName: user.displayName, action, before, after }) satisfies Revision;

  async function create(content: EntryContent, user: Writer): Promise<KnowledgeEntry> {
    assertWriter(user);
    const c = clean(content);
    const at = now();
    const entry: KnowledgeEntry = {
      id: `k-${randomUUID().slice(0, 8)}`,
      ...c,
      createdAt: at,
      updatedAt: at,
      deleted: false,
      history: [revision(user, 'create', null, c)],
    };
    const saved = await repo.updateEntry(entry.id, () => entry);
    index.put(toDoc(saved));
    return saved;
  }

  async function edit(id: string, content: EntryContent, user: Writer): Promise<KnowledgeEntry> {
    assertWriter(user);
    const c = clean(content);
    const saved = await repo.updateEntry(id, (e) => {
      if (!e || e.deleted) return get(id); // throws the not-found error
      const before = contentOf(e);
      if (JSON.stringify(before) === JSON.stringify(c)) return e; // nothing changed: no revision
      return { ...e, ...c, updatedAt: now(), history: [...e.history, revision(user, 'edit', before, c)] };
    });
    index.put(toDoc(saved));
    return saved;
  }

  async function remove(id: string, user: Writer): Promise<KnowledgeEntry> {
    assertWriter(user);
    const saved = await repo.updateEntry(id, (e) => {
      if (!e || e.deleted) return get(id);
      return {
        ...e,
        deleted: true,
        updatedAt: now(),
        history: [...e.history, revision(user, 'delete', contentOf(e), null)],
      };
    });
    index.remove(docId(id));
    return saved;
  }

  /** Best first for a question; every live entry by category and question without one. */
  function search(q: string, opts: { category?: string; limit?: number } = {}): EntrySummary[] {
    if (!q.trim()) {
      return [...repo.entries()]
        .filter((e) => !e.deleted && (!opts.category || e.category === opts.category))
        .sort((a, b) => a.category.localeCompare(b.category) || a.question.localeCompare(b.question, 'zh-CN'))
        .map(summary);
    }
    const out: EntrySummary[] = [];
    const hits = index.search(q, { kind: 'entry', limit: 50 });
    // An entry that shares one common word with the question scores a tenth of the best or less: not worth reading.
    const floor = (hits[0]?.score ?? 0) * RELEVANT_SHARE;
    for (const hit of hits) {
      if (hit.score < floor) break;
      const e = repo.entry(entryIdOf(hit.id));
      if (!e || e.deleted || (opts.category && e.category !== opts.category)) continue;
      out.push({ ...summary(e), score: Math.round(hit.score * 100) / 100, matched: hit.matched });
      if (out.length >= (opts.limit ?? 20)) break;
    }
    return out;
  }

  return { open, get, create, edit, remove, search, entryIdOf };
}

export type KnowledgeService = ReturnType<typeof createKnowledgeService>;
