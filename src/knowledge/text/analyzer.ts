/**
 * From text to search terms. An entry's words: jieba's cut, each read through the synonym table, less the words
 * that say nothing (吗, 怎么); its pinyin terms: the full pinyin of those words (退货 → tuihuo). A buyer's question
 * gets the same, plus the shop's words found by sound: each stretch of two to four syllables, whether typed as
 * letters (zenme tuihuo), half letters (ma数) or a wrong character of the same sound (尺马), is looked up among
 * the words the entries use. Letters that are no pinyin (thh) are tried as initials. Each term carries a weight,
 * lower for a word found by sound than for a word typed.
 */
import { toHalfWidth } from '../../shared/money.js';
import { charSyllable, isHan, pinyinKeys, splitPinyin } from './pinyin.js';
import { cut } from './segmenter.js';
import { canonical, synonymWords } from './synonyms.js';

/** Words a question is full of that say nothing about what it asks. */
const STOP = new Set(
  (
    '的 了 吗 呢 啊 吧 呀 哦 哈 嘛 么 亲 我 你 您 他 她 它 我们 你们 这 那 这个 那个 这件 那件 这款 是 在 和 就 都 也 ' +
    '还 要 会 能 能不能 可以 可不可以 怎么 怎么办 怎么样 怎样 如何 什么 啥 吗亲 一下 请问 请 谢谢 好 好的 给 让 把 被 ' +
    '想 想要 有没有 是不是 一个 一件 下 个 呗 哎 嗯 那么 现在 已经 就是 还是 但是 可是 如果 因为 所以 为什么 咋 咋办 ' +
    '人 说 看 问 问下 问一下 弄 搞 有'
  ).split(' '),
);

/** Sizes look like initials (xl, m): never read them as pinyin. */
const SIZE = /^(?:x{0,4}[sml]|\d?x[sl]|\d{1,3}[a-z]?)$/;

export function normalize(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[^\p{Script=Han}a-z0-9]+/gu, ' ')
    .trim();
}

/** An entry's or a question's words, read through the synonym table, without the words that say nothing. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const w of cut(normalize(text))) {
    const c = canonical(w);
    if (!STOP.has(c) && !STOP.has(w)) out.push(c);
  }
  return out;
}

export const hasHan = (w: string): boolean => [...w].some(isHan);

/** The full pinyin of each word with characters (for the pinyin field and the vocabulary). */
export function pinyinTerms(ws: readonly string[]): string[] {
  return ws.filter(hasHan).map((w) => pinyinKeys(w).full);
}

/** The words the entries use, found by their sound: full pinyin and initials → the index's words. */
export interface Vocabulary {
  words: Set<string>;
  byPinyin: Map<string, Set<string>>;
  byInitials: Map<string, Set<string>>;
}

export function buildVocabulary(indexWords: Iterable<string>): Vocabulary {
  const v: Vocabulary = { words: new Set(), byPinyin: new Map(), byInitials: new Map() };
  const add = (map: Map<string, Set<string>>, key: string, word: string) => {
    const set = map.get(key) ?? new Set<string>();
    set.add(word);
    map.set(key, set);
  };
  // A synonym is heard as its group's word: mashu → 码数 → 尺码.
  const spoken = [...[...indexWords].map((w) => [w, w]), ...synonymWords().map((w) => [w, canonical(w)])];
  for (const [said, kept] of spoken) {
    if (!said || !kept || STOP.has(kept) || !hasHan(said) || [...said].length < 2) continue;
    v.words.add(kept);
    const keys = pinyinKeys(said);
    add(v.byPinyin, keys.full, kept);
    if (keys.plain !== keys.full) add(v.byPinyin, keys.plain, kept);
    add(v.byInitials, keys.initials, kept);
  }
  return v;
}

export interface QueryTerm {
  term: string;
  weight: number;
  /** Allowed edit distance (0: exact). */
  fuzzy: number;
}

interface Unit {
  syl: string;
  han: string;
}

/** The question's terms with their weights, strongest reading of each term kept. */
export function queryTerms(text: string, vocab: Vocabulary): QueryTerm[] {
  const norm = normalize(text);
  const terms = new Map<string, QueryTerm>();
  const add = (term: string, weight: number, fuzzy = 0) => {
    const prev = terms.get(term);
    if (!prev || prev.weight < weight) terms.set(term, { term, weight, fuzzy: prev ? prev.fuzzy : fuzzy });
  };
  const units: Unit[] = [];
  for (const w of cut(norm)) {
    if (hasHan(w)) {
      const c = canonical(w);
      // A word no entry uses may be a typo of one that does (退贷): let it match one character off.
      if (!STOP.has(c) && !STOP.has(w)) add(c, 1, vocab.words.has(c) || [...c].length < 2 ? 0 : 1);
      for (const ch of w) units.push({ syl: charSyllable(ch), han: ch });
    } else latinUnits(w, units, add, vocab);
  }
  bySound(units, vocab, add);
  return [...terms.values()];
}

function latinUnits(w: string, units: Unit[], add: (t: string, w: number, f?: number) => void, vocab: Vocabulary) {
  const syl = /^[a-z]+$/.test(w) && !SIZE.test(w) ? splitPinyin(w) : null;
  if (syl) {
    for (const s of syl) units.push({ syl: s, han: '' });
    // As typed, against the pinyin field: one letter off still matches a long word (tuihou → tuihuo).
    add(w, 0.8, w.length >= 5 ? 1 : 0);
    return;
  }
  units.push({ syl: '', han: '' }); // breaks a stretch: size or number
  add(w, 1);
  if (/^[a-z]{2,4}$/.test(w) && !SIZE.test(w)) {
    const found = vocab.byInitials.get(w);
    if (found && found.size <= 3) for (const word of found) add(word, 0.5);
  }
}

/** Stretches of two to four syllables that sound like a word of the entries, and are not that word as typed. */
function bySound(units: Unit[], vocab: Vocabulary, add: (t: string, w: number) => void) {
  for (let i = 0; i < units.length; i++) {
    for (let len = Math.min(4, units.length - i); len >= 2; len--) {
      const span = units.slice(i, i + len);
      if (span.some((u) => !u.syl)) continue;
      const found = vocab.byPinyin.get(span.map((u) => u.syl).join(''));
      if (!found) continue;
      const typed = span.every((u) => u.han) ? span.map((u) => u.han).join('') : '';
      for (const word of found) if (canonical(typed) !== word) add(word, typed ? 0.7 : 0.9);
      break;
    }
  }
}
