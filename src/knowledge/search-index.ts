/**
 * The full-text index over knowledge entries and quick replies: minisearch (BM25 ranking, per-field boosts, edit
 * distance for typos) fed with the analyzer's terms instead of its own whitespace tokenizer, which knows no
 * Chinese. A question is matched by the words it shares with an entry's question (strongest), tags, answer and
 * the pinyin of those words; words found by sound count less than words typed (analyzer.ts).
 */
import MiniSearch from 'minisearch';
import {
  buildVocabulary,
  normalize,
  pinyinTerms,
  queryTerms,
  words,
  type QueryTerm,
  type Vocabulary,
} from './text/analyzer.js';
import { canonical } from './text/synonyms.js';

export type DocKind = 'entry' | 'quick-reply';

export interface SearchDoc {
  /** Unique across kinds: the caller prefixes it (entry:size-choose, quick-reply:size-chart). */
  id: string;
  kind: DocKind;
  category: string;
  question: string;
  tags: readonly string[];
  answer: string;
}

export interface SearchHit {
  id: string;
  kind: DocKind;
  category: string;
  score: number;
  /** The index's terms that matched, for "why this answer". */
  matched: string[];
}

interface Row {
  id: string;
  kind: DocKind;
  category: string;
  q: string;
  t: string;
  a: string;
  p: string;
}

/** A question's words weigh most, then the tags (the keeper's keywords), the pinyin, and last the answer. */
const BOOST = { q: 3, t: 2, p: 1.5, a: 1 };

const tagTerm = (tag: string) => canonical(normalize(tag).replace(/ /g, ''));

export function createSearchIndex() {
  const mini = new MiniSearch<Row>({
    fields: ['q', 't', 'a', 'p'],
    storeFields: ['kind', 'category'],
    tokenize: (s) => s.split(' ').filter(Boolean),
    processTerm: (t) => t,
  });
  /** Each document's question and tag words (the vocabulary) and whole tags (phrases a question may contain). */
  const known = new Map<string, { words: string[]; tags: string[] }>();
  let vocab: Vocabulary | null = null;
  let phrases: string[] = [];

  function rowOf(d: SearchDoc): Row {
    const q = words(d.question);
    const tagWords = d.tags.flatMap((t) => [tagTerm(t), ...words(t)]);
    known.set(d.id, { words: [...q, ...tagWords], tags: d.tags.map(tagTerm).filter((t) => t.length > 1) });
    return {
      id: d.id,
      kind: d.kind,
      category: d.category,
      q: q.join(' '),
      t: tagWords.join(' '),
      a: words(d.answer).join(' '),
      p: pinyinTerms([...q, ...tagWords]).join(' '),
    };
  }

  function vocabulary(): Vocabulary {
    if (!vocab) {
      const all = [...known.values()];
      vocab = buildVocabulary(all.flatMap((k) => k.words));
      phrases = [...new Set(all.flatMap((k) => k.tags))];
    }
    return vocab;
  }

  function put(d: SearchDoc) {
    if (mini.has(d.id)) mini.discard(d.id);
    mini.add(rowOf(d));
    vocab = null;
  }

  function remove(id: string) {
    if (mini.has(id)) mini.discard(id);
    known.delete(id);
    vocab = null;
  }

  function terms(text: string): QueryTerm[] {
    const v = vocabulary();
    const qt = queryTerms(text, v);
    const norm = normalize(text).replace(/ /g, '');
    const have = new Set(qt.map((t) => t.term));
    // A whole tag inside the question (七天无理由, 换大一码) is a phrase match beyond its words.
    for (const p of phrases) if (!have.has(p) && norm.includes(p)) qt.push({ term: p, weight: 1, fuzzy: 0 });
    return qt;
  }

  function search(text: string, opts: { kind?: DocKind; limit?: number } = {}): SearchHit[] {
    const qt = terms(text);
    if (qt.length === 0) return [];
    const weight = new Map(qt.map((t) => [t.term, t]));
    const results = mini.search(qt.map((t) => t.term).join(' '), {
      boost: BOOST,
      combineWith: 'OR',
      fuzzy: (term) => weight.get(term)?.fuzzy ?? 0,
      maxFuzzy: 1,
      prefix: false,
      boostTerm: (term) => weight.get(term)?.weight ?? 1,
      ...(opts.kind ? { filter: (r) => r.kind === opts.kind } : {}),
    });
    return results.slice(0, opts.limit ?? 20).map((r) => ({
      id: r.id as string,
      kind: r.kind as DocKind,
      category: r.category as string,
      score: r.score,
      matched: r.terms,
    }));
  }

  return { put, remove, search, terms, has: (id: string) => mini.has(id), size: () => mini.documentCount };
}

export type SearchIndex = ReturnType<typeof createSearchIndex>;
