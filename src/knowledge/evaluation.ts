/**
 * Scores the suggestion ranking against a set of buyer questions, each with the entry that answers it: a hit when
 * that entry (or a quick reply listed as saying the same) is first (top-1) or among the first three (top-3). The
 * set lives in test/fixtures/knowledge/buyer-questions.json; `npm run bench` and a test print these figures.
 */
import { docId } from './knowledge-service.js';
import { quickDocId, type OrderStage } from './suggest.js';

export interface EvalQuestion {
  q: string;
  expect: string;
  state?: OrderStage;
}

export interface EvalSet {
  questions: EvalQuestion[];
  /** Quick reply id → the entries it answers as well. */
  quickReplyEquivalents: Record<string, string[]>;
}

export interface EvalResult {
  total: number;
  top1: number;
  top3: number;
  misses: { q: string; expect: string; got: string[] }[];
}

export function evaluate(set: EvalSet, rank: (text: string, stage: OrderStage | null) => { id: string }[]): EvalResult {
  const answers = (id: string, expect: string) =>
    id === docId(expect) ||
    (id.startsWith(quickDocId('')) &&
      (set.quickReplyEquivalents[id.slice(quickDocId('').length)] ?? []).includes(expect));
  const out: EvalResult = { total: set.questions.length, top1: 0, top3: 0, misses: [] };
  for (const q of set.questions) {
    const got = rank(q.q, q.state ?? null)
      .slice(0, 3)
      .map((h) => h.id);
    if (got[0] !== undefined && answers(got[0], q.expect)) out.top1++;
    if (got.some((id) => answers(id, q.expect))) out.top3++;
    else out.misses.push({ q: q.q, expect: q.expect, got });
  }
  return out;
}
