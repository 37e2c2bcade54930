/**
 * The privacy domain's words have one home (privacy/privacy-labels.ts): GET /api/labels serves them, the console
 * reads them from there, no other file spells the domain's own, and every one is Chinese.
 */
import { describe, expect, it } from 'vitest';
import { DECRYPT_SCENES } from '../../src/platform/index.js';
import {
  ACCESS_LOG_HEADERS,
  ACCESS_OUTCOME_LABELS,
  ACCESS_OUTCOMES,
  DECRYPT_SCENE_LABELS,
  PRIVACY_WORDS,
  REVEAL_SCENES,
  REVEALED_FIELD_LABELS,
} from '../../src/privacy/index.js';
import { labels } from '../../src/service/labels-router.js';
import { copiesOutside } from '../support/literal-copies.js';

const OWNER = 'src/privacy/privacy-labels.ts';

describe('privacy words', () => {
  it('when /api/labels is built, then it serves every scene by name, the reveal scenes in order, outcomes, fields, columns and words', () => {
    const p = labels().privacy;
    expect(Object.keys(p.scenes)).toEqual([...DECRYPT_SCENES]);
    expect(p.scenes['1008']).toBe('改地址');
    expect(p.scenes['1009']).toBe('查看收件人姓名');
    expect(p.revealScenes).toEqual([...REVEAL_SCENES]);
    expect(p.revealScenes).not.toContain('2001');
    expect(p.revealScenes).not.toContain('2002');
    // Each role that may reveal, with its scenes: the keeper (waybills) has no 改地址, staff are not there.
    expect(p.revealScenesByRole).toEqual({
      assistant: [...REVEAL_SCENES],
      keeper: REVEAL_SCENES.filter((s) => s !== '1008'),
      admin: [...REVEAL_SCENES],
    });
    expect(Object.keys(p.outcomes)).toEqual([...ACCESS_OUTCOMES]);
    expect(p.fields).toEqual(REVEALED_FIELD_LABELS);
    expect(p.accessLogHeaders).toEqual([...ACCESS_LOG_HEADERS]);
    expect(p.words).toEqual(PRIVACY_WORDS);
  });

  it('when the source is searched, then no other file spells a scene name, an outcome or a word of the pages', () => {
    const own = [
      ...Object.values(DECRYPT_SCENE_LABELS),
      ...Object.values(ACCESS_OUTCOME_LABELS),
      PRIVACY_WORDS.revealAction,
      PRIVACY_WORDS.revealNotice,
      PRIVACY_WORDS.accessLogIntro,
      PRIVACY_WORDS.quotaSpent,
    ];
    // The knowledge base has an answer titled 改地址 for buyers: the same word for another thing.
    expect(copiesOutside(own, [OWNER], { 改地址: ['src/knowledge/seed-entries.ts'] })).toEqual({});
  });

  it('when every list is read, then each word is Chinese (EMS by its Chinese name, as the couriers list has it)', () => {
    for (const list of [DECRYPT_SCENE_LABELS, ACCESS_OUTCOME_LABELS, REVEALED_FIELD_LABELS])
      for (const [code, word] of Object.entries(list)) expect(word, code).toMatch(/^[\u4e00-\u9fff]+$/);
    // The page's sentences: Chinese, with its punctuation; CSV is the file type every export names.
    for (const [key, word] of Object.entries(PRIVACY_WORDS))
      expect(word.replace(/CSV/g, ''), key).not.toMatch(/[A-Za-z]/);
    for (const word of ACCESS_LOG_HEADERS) expect(word).toMatch(/^[\u4e00-\u9fff]+$/);
  });
});
