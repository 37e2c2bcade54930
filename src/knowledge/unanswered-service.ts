/**
 * Questions the knowledge base could not answer: anyone logs one with a click (from the suggestion panel or the
 * 知识库 page), the keeper sees the open ones as a list and answers each with a new entry or an existing one, and
 * whoever logged it is told in 我的任务's notifications. The same question logged twice is answered once.
 */
import { randomUUID } from 'node:crypto';
import type { User } from '../accounts/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { toInstant, type Clock } from '../shared/time.js';
import type { EntryContent, KnowledgeEntry } from './entry.js';
import type { KnowledgeRepository } from './knowledge-repository.js';
import type { KnowledgeService, Writer } from './knowledge-service.js';
import { normalize } from './text/analyzer.js';
import type { UnansweredQuestion } from './unanswered.js';

/** How the one who asked is told (wired to the tasks' notifications, shown in 我的任务). */
export interface AskerNotifier {
  notify(n: { id: string; recipient: string; message: string; tid: string | null; link: string }): Promise<void>;
}

export type Answer = { entryId: string } | EntryContent;

const sameQuestion = (a: string, b: string) => normalize(a).replace(/ /g, '') === normalize(b).replace(/ /g, '');

export function createUnansweredService(deps: {
  repo: KnowledgeRepository;
  entries: KnowledgeService;
  notifier: AskerNotifier;
  clock: Clock;
}) {
  const { repo, entries, notifier, clock } = deps;

  async function log(input: { question: string; tid?: string | null }, user: User): Promise<UnansweredQuestion> {
    const question = input.question.trim();
    if (!question)
      throw new ValidationError({ message: '请填写买家的问题', code: 'field_required', field: 'question' });
    const q: UnansweredQuestion = {
      id: `q-${randomUUID().slice(0, 8)}`,
      question,
      tid: input.tid ?? null,
      askedBy: user.username,
      askedByName: user.displayName,
      askedAt: toInstant(clock.now()),
      state: 'open',
      answeredBy: null,
      answeredByName: null,
      answeredAt: null,
      entryId: null,
    };
    await repo.addQuestion(q);
    return q;
  }

  /** Open ones oldest first (the keeper's list), answered ones newest first. */
  function list(state?: UnansweredQuestion['state']): UnansweredQuestion[] {
    return [...repo.questions()]
      .filter((q) => !state || q.state === state)
      .sort((a, b) =>
        a.state !== b.state
          ? a.state === 'open'
            ? -1
            : 1
          : a.state === 'open'
            ? a.askedAt.localeCompare(b.askedAt)
            : (b.answeredAt ?? '').localeCompare(a.answeredAt ?? ''),
      );
  }

  async function answer(
    id: string,
    given: Answer,
    user: Writer,
  ): Promise<{ question: UnansweredQuestion; entry: KnowledgeEntry; alsoAnswered: number }> {
    const asked = repo.question(id);
    if (!asked)
      throw new NotFoundError({
        message: '没有找到这个问题，请刷新后重试',
        code: 'question_not_found',
        params: { id },
      });
    if (asked.state === 'answered')
      throw new ConflictError({
        message: `这个问题已由${asked.answeredByName ?? ''}回答过了，请刷新后再看`,
        code: 'question_answered',
        params: { id },
      });
    const entry = 'entryId' in given ? entries.get(given.entryId) : await entries.create(given, user);
    const at = toInstant(clock.now());
    // Every open logging of the same words is answered by the same entry.
    const targets = [...repo.questions()].filter(
      (q) => q.id === id || (q.state === 'open' && sameQuestion(q.question, asked.question)),
    );
    let first: UnansweredQuestion | undefined;
    for (const t of targets) {
      const saved = await repo.updateQuestion(t.id, (q) =>
        !q || q.state === 'answered'
          ? (q ?? t)
          : {
              ...q,
              state: 'answered',
              answeredBy: user.username,
              answeredByName: user.displayName,
              answeredAt: at,
              entryId: entry.id,
            },
      );
      if (t.id === id) first = saved;
      if (saved.answeredAt === at && saved.askedBy !== user.username) {
        await notifier.notify({
          id: `knowledge-answer:${saved.id}`,
          recipient: saved.askedBy,
          tid: saved.tid,
          link: `#/knowledge?entry=${encodeURIComponent(entry.id)}`,
          message: `你记下的买家问题「${saved.question}」已由${user.displayName}回答：${entry.question}`,
        });
      }
    }
    return { question: first!, entry, alsoAnswered: targets.length - 1 };
  }

  return { log, list, answer };
}

export type UnansweredService = ReturnType<typeof createUnansweredService>;
