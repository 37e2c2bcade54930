/**
 * The knowledge base wired for the composition root: the store's entries and logged questions, the search index
 * built from them (and from messaging's quick replies), the suggestion ranking, and their routers.
 */
import type { Router } from 'express';
import type { Clock } from '../shared/time.js';
import type { Store } from '../storage/index.js';
import { createKnowledgeRepository } from './knowledge-repository.js';
import { knowledgeRouter, suggestRouter } from './knowledge-router.js';
import { createKnowledgeService } from './knowledge-service.js';
import { createSearchIndex } from './search-index.js';
import { createSuggester, type QuickReplySource } from './suggest.js';
import { warmUp } from './text/segmenter.js';
import { createUnansweredService, type AskerNotifier } from './unanswered-service.js';

export interface KnowledgeModuleDeps {
  store: Store;
  clock: Clock;
  quickReplies: QuickReplySource;
  /** An order's platform status, for the suggestions' stage (undefined for an unknown order). */
  statusOf: (tid: string) => string | undefined;
  notifier: AskerNotifier;
}

export async function createKnowledgeModule(deps: KnowledgeModuleDeps) {
  warmUp();
  const repo = createKnowledgeRepository(deps.store);
  const index = createSearchIndex();
  const entries = createKnowledgeService({ repo, index, clock: deps.clock });
  await entries.open();
  const unanswered = createUnansweredService({ repo, entries, notifier: deps.notifier, clock: deps.clock });
  const suggester = createSuggester({ index, repo, quickReplies: deps.quickReplies, statusOf: deps.statusOf });
  const routers: { path: string; router: Router }[] = [
    { path: '/knowledge', router: knowledgeRouter({ entries, unanswered }) },
    { path: '/suggest', router: suggestRouter({ suggester }) },
  ];
  return { entries, unanswered, suggester, index, routers };
}

export type KnowledgeModule = Awaited<ReturnType<typeof createKnowledgeModule>>;
