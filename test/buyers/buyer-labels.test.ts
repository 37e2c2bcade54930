/**
 * The buyer desk's words have one home (buyers/buyer-labels.ts): GET /api/labels serves them, no other file spells the
 * ones that are the buyer desk's alone, and each is Chinese.
 */
import { describe, expect, it } from 'vitest';
import {
  CONTACT_LABELS,
  CONTACT_PREFERENCES,
  EVENT_LABELS,
  MATCH_KINDS,
  MATCH_LABELS,
  PROFILE_FIELD_LABELS,
} from '../../src/buyers/index.js';
import { labels } from '../../src/service/labels-router.js';
import { copiesOutside } from '../support/literal-copies.js';

const OWNER = 'src/buyers/buyer-labels.ts';

describe('buyer desk words', () => {
  it('when /api/labels is built, then it serves every list of the buyer desk as the module names them', () => {
    const l = labels();
    expect(l.buyerMatches).toEqual(MATCH_LABELS);
    expect(Object.keys(l.buyerMatches)).toEqual([...MATCH_KINDS]);
    expect(l.contactPreferences).toEqual({ phone_only: '仅电话', chat_only: '仅旺旺' });
    expect(Object.keys(l.contactPreferences)).toEqual([...CONTACT_PREFERENCES]);
    expect(l.buyerEvents).toEqual(EVENT_LABELS);
    expect(l.buyerProfileFields).toEqual(PROFILE_FIELD_LABELS);
  });

  it('when the source is searched, then no other file spells a word only the buyer desk uses', () => {
    // 订单号, 运单号, 收货人, 生日, 联系方式… also name form fields elsewhere; these are the desk's own.
    const own = [
      MATCH_LABELS.nick_prefix,
      MATCH_LABELS.nick_part,
      MATCH_LABELS.phone_tail,
      ...Object.values(CONTACT_LABELS),
      EVENT_LABELS.complaint,
      EVENT_LABELS.balance,
      EVENT_LABELS.note,
      EVENT_LABELS.profile,
      PROFILE_FIELD_LABELS.preferredCourier,
      PROFILE_FIELD_LABELS.notes,
    ];
    expect(copiesOutside(own, [OWNER])).toEqual({});
  });

  it('when every list is read, then each word is Chinese', () => {
    for (const list of [MATCH_LABELS, CONTACT_LABELS, EVENT_LABELS, PROFILE_FIELD_LABELS])
      for (const [code, word] of Object.entries(list)) expect(word, code).toMatch(/^[\u4e00-\u9fff]+$/);
  });
});
