/**
 * The knowledge base of after-sales answers (issue 17, part 3) and suggested replies for what a buyer just wrote
 * (part 4): Chinese-aware search (jieba words, synonyms, pinyin, typos) over entries the keeper writes.
 */
export { createKnowledgeModule, type KnowledgeModule, type KnowledgeModuleDeps } from './knowledge-module.js';
export { KNOWLEDGE_CATEGORIES, KNOWLEDGE_CATEGORY_LABELS, REVISION_ACTION_LABELS } from './entry.js';
export type { KnowledgeCategory, KnowledgeEntry, EntryContent, Revision } from './entry.js';
export { UNANSWERED_STATE_LABELS } from './unanswered.js';
export type { UnansweredQuestion } from './unanswered.js';
export type { AskerNotifier } from './unanswered-service.js';
export {
  ORDER_STAGE_LABELS,
  SUGGESTION_KIND_LABELS,
  stageOf,
  type OrderStage,
  type QuickReplySource,
  type Suggestion,
} from './suggest.js';
export { KNOWLEDGE_ENTRIES, KNOWLEDGE_UNANSWERED } from './knowledge-repository.js';
export { SEED_ENTRIES } from './seed-entries.js';
export { createSearchIndex } from './search-index.js';
export { evaluate, type EvalQuestion, type EvalResult, type EvalSet } from './evaluation.js';
