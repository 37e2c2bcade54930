/**
 * The knowledge search reads questions as buyers type them: jieba's words with the shop's own (码数, 偏大), the
 * synonym table (褪色 is 掉色), pinyin in full, half pinyin and initials, same-sound typos, one-off typos. Each case
 * is answered by a word the buyer did not type as the entry has it, so it fails without that reading.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSearchIndex, type SearchIndex } from '../../src/knowledge/search-index.js';
import { SEED_ENTRIES } from '../../src/knowledge/seed-entries.js';
import { evaluate, type EvalSet } from '../../src/knowledge/evaluation.js';
import { cut } from '../../src/knowledge/text/segmenter.js';
import { splitPinyin } from '../../src/knowledge/text/pinyin.js';
import { words } from '../../src/knowledge/text/analyzer.js';
import { ROOT } from '../support/service-rig.js';

let index: SearchIndex;
const top = (q: string, n = 1) => index.search(q, { kind: 'entry', limit: n }).map((h) => h.id.replace(/^entry:/, ''));

beforeAll(() => {
  index = createSearchIndex();
  for (const e of SEED_ENTRIES) index.put({ kind: 'entry', ...e, id: `entry:${e.id}` });
});

describe('Chinese words', () => {
  it('when a question holds the shop’s words, then jieba keeps them whole (码数, 偏大, 七天无理由)', () => {
    expect(cut('ma数偏大吗')).toEqual(['ma', '数', '偏大', '吗']);
    expect(cut('这款码数偏大吗')).toContain('码数');
    expect(cut('七天无理由可以吗')).toContain('七天无理由');
  });

  it('when words are read, then synonyms become the index’s word and the words that say nothing go', () => {
    expect(words('这件衣服会不会褪色啊')).toEqual(expect.arrayContaining(['衣服', '掉色']));
    expect(words('码数准不准')).toContain('尺码');
    expect(words('我想问一下怎么退')).not.toContain('怎么');
  });

  it('when a buyer says 褪色 or 邮费, then the entry that says 掉色 or 运费 is first', () => {
    expect(top('洗了就褪色')).toEqual(['fade']);
    expect(top('退回去邮费谁出', 2)).toContain('return-postage');
  });
});

describe('pinyin', () => {
  it('when letters are split into syllables, then the fewest syllables win and non-pinyin is refused', () => {
    expect(splitPinyin('tuihuo')).toEqual(['tui', 'huo']);
    expect(splitPinyin('xian')).toEqual(['xian']);
    expect(splitPinyin('xl')).toBeNull();
  });

  it('when a buyer types pinyin in full, half pinyin or initials, then the entry is found by the sound of its words', () => {
    expect(top('zenme tuihuo')).toEqual(['return-how']);
    expect(top('fapiao')).toEqual(['invoice-how']);
    expect(top('diaose le', 1)).toEqual(['fade']);
    expect(top('xie码偏小吗', 3)).toContain('shoe-size');
    expect(index.terms('fp').map((t) => t.term)).toContain('发票');
  });
});

describe('typos', () => {
  it('when a character of the same sound is typed (尺马, 物留, 发漂), then the word it sounds like is searched', () => {
    expect(index.terms('尺马偏小吗').map((t) => t.term)).toContain('尺码');
    expect(top('物留一直不更新')).toEqual(['tracking']);
    expect(top('能开发漂吗')).toEqual(['invoice-how']);
  });

  it('when pinyin is one letter off or a word one character off, then the edit distance still finds it', () => {
    expect(top('zenme tuhuo')).toEqual(['return-how']);
    expect(top('退贷怎么弄', 3)).toContain('return-how');
  });
});

describe('the evaluation set', () => {
  it('when the 111 buyer questions are ranked over the seed entries, then top-3 is at least 85 %', () => {
    const set = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/knowledge/buyer-questions.json'), 'utf8')) as EvalSet;
    expect(set.questions.length).toBeGreaterThanOrEqual(80);
    const r = evaluate(set, (text) => index.search(text, { kind: 'entry', limit: 3 }));
    expect(r.top3 / r.total, JSON.stringify(r.misses)).toBeGreaterThanOrEqual(0.85);
    expect(r.top1 / r.total).toBeGreaterThanOrEqual(0.7);
  });
});
