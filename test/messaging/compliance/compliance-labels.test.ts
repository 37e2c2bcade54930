/** The phrase categories have one list of names (templates/compliance-phrases.ts), served by GET /api/labels. */
import { describe, expect, it } from 'vitest';
import { COMPLIANCE_CATEGORIES, COMPLIANCE_CATEGORY_LABELS } from '../../../src/messaging/index.js';
import { labels } from '../../../src/service/labels-router.js';
import { copiesOutside } from '../../support/literal-copies.js';

describe('compliance category names', () => {
  it('when the source is searched, then no file but compliance-phrases.ts spells a category name', () => {
    expect(
      copiesOutside(Object.values(COMPLIANCE_CATEGORY_LABELS), ['src/messaging/templates/compliance-phrases.ts']),
    ).toEqual({});
  });

  it('when the console asks for labels, then every category comes in the list’s order with its Chinese name', () => {
    expect(Object.keys(labels().complianceCategories)).toEqual([...COMPLIANCE_CATEGORIES]);
    expect(Object.values(labels().complianceCategories).every((n) => /^[\p{Script=Han}（）、，QQ]+$/u.test(n))).toBe(
      true,
    );
  });
});
