/**
 * The phrase list the compliance check reads: the built-in phrases (templates/compliance-phrases.ts, which stay and
 * cannot be removed) and the keeper's additions, stored with who added them and when. A phrase is data: the keeper
 * adds what the platform newly bans (or a new evasion) without a release, and it holds from the next message on,
 * queued ones included (the dispatcher checks again at send time).
 */
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.js';
import { toInstant, type Clock } from '../../shared/time.js';
import type { Store } from '../../storage/index.js';
import {
  COMPLIANCE_CATEGORY_LABELS,
  COMPLIANCE_PHRASES,
  normalizeForCompliance,
  preparePhrases,
  type CompliancePhrase,
  type ComplianceRule,
} from '../templates/index.js';

export const COMPLIANCE_PHRASES_COLLECTION = 'compliance-phrases';
/** Removed additions, with who removed them: the list's history is kept even when a phrase goes. */
export const COMPLIANCE_PHRASE_LOG = 'compliance-phrase-log';

/** A phrase the keeper (or admin) added in the console. */
export interface AddedPhrase {
  id: string;
  phrase: string;
  rule: ComplianceRule;
  suggestion?: string;
  addedBy: { username: string; displayName: string };
  addedAt: string;
}

export interface PhraseView {
  id: string;
  phrase: string;
  category: ComplianceRule;
  suggestion?: string;
  source: 'builtin' | 'keeper';
  addedBy?: { username: string; displayName: string };
  addedAt?: string;
}

export interface PhraseLogEntry {
  action: 'added' | 'removed';
  phrase: string;
  category: ComplianceRule;
  by: { username: string; displayName: string };
  at: string;
}

type Person = { username: string; displayName: string };

export function createPhraseBook(deps: { store: Store; clock: Clock }) {
  const { store } = deps;
  let prepared: ReturnType<typeof preparePhrases> | undefined;
  // Several instances on one database: a phrase added or removed on another instance is checked here too.
  store.onExternalChange((changes) => {
    if (changes.some((c) => c.collection === COMPLIANCE_PHRASES_COLLECTION)) prepared = undefined;
  });

  const added = (): AddedPhrase[] =>
    [...store.all<AddedPhrase>(COMPLIANCE_PHRASES_COLLECTION)].sort((a, b) => a.addedAt.localeCompare(b.addedAt));

  /** Built-in and added phrases, ready to match; rebuilt after each change. */
  function phrases() {
    prepared ??= preparePhrases([
      ...COMPLIANCE_PHRASES,
      ...added().map((a): CompliancePhrase => ({
        phrase: a.phrase,
        rule: a.rule,
        why: `added by ${a.addedBy.username} at ${a.addedAt}`,
        ...(a.suggestion ? { suggestion: a.suggestion } : {}),
      })),
    ]);
    return prepared;
  }

  function list(): PhraseView[] {
    const builtIn = COMPLIANCE_PHRASES.map((p): PhraseView => ({
      id: `builtin:${p.phrase}`,
      phrase: p.phrase,
      category: p.rule,
      ...(p.suggestion ? { suggestion: p.suggestion } : {}),
      source: 'builtin',
    }));
    const mine = added().map((a): PhraseView => ({
      id: a.id,
      phrase: a.phrase,
      category: a.rule,
      ...(a.suggestion ? { suggestion: a.suggestion } : {}),
      source: 'keeper',
      addedBy: a.addedBy,
      addedAt: a.addedAt,
    }));
    return [...builtIn, ...mine];
  }

  async function add(input: { phrase: string; category: ComplianceRule; suggestion?: string }, by: Person) {
    const phrase = input.phrase.trim();
    const key = normalizeForCompliance(phrase);
    if (key.length < 2)
      throw new ValidationError({
        message: '说法至少要有两个字（标点和空格不算）',
        code: 'phrase_too_short',
        field: 'phrase',
      });
    const same = list().find((p) => normalizeForCompliance(p.phrase) === key);
    if (same)
      throw new ConflictError({
        message: `“${same.phrase}”已经在列表里了（${COMPLIANCE_CATEGORY_LABELS[same.category]}）`,
        code: 'phrase_exists',
        params: { phrase: same.phrase, category: same.category },
      });
    const at = toInstant(deps.clock.now());
    const doc: AddedPhrase = {
      id: `p-${key}`,
      phrase,
      rule: input.category,
      ...(input.suggestion?.trim() ? { suggestion: input.suggestion.trim() } : {}),
      addedBy: { username: by.username, displayName: by.displayName },
      addedAt: at,
    };
    await store.transact((tx) => tx.put(COMPLIANCE_PHRASES_COLLECTION, doc.id, doc));
    await store.log<PhraseLogEntry>(COMPLIANCE_PHRASE_LOG).append({
      action: 'added',
      phrase,
      category: doc.rule,
      by: doc.addedBy,
      at,
    });
    prepared = undefined;
    return list().find((p) => p.id === doc.id)!;
  }

  async function remove(id: string, by: Person): Promise<void> {
    if (id.startsWith('builtin:'))
      throw new ConflictError({
        message: '系统自带的说法不能删除，只能删除店里自己添加的',
        code: 'phrase_builtin',
        params: { id },
      });
    const doc = store.get<AddedPhrase>(COMPLIANCE_PHRASES_COLLECTION, id);
    if (!doc) throw new NotFoundError({ message: '没有找到这条说法，请刷新后重试', code: 'phrase_not_found' });
    await store.transact((tx) => tx.delete(COMPLIANCE_PHRASES_COLLECTION, id));
    await store.log<PhraseLogEntry>(COMPLIANCE_PHRASE_LOG).append({
      action: 'removed',
      phrase: doc.phrase,
      category: doc.rule,
      by: { username: by.username, displayName: by.displayName },
      at: toInstant(deps.clock.now()),
    });
    prepared = undefined;
  }

  return { phrases, list, add, remove };
}

export type PhraseBook = ReturnType<typeof createPhraseBook>;
