/** Seller flags have one list of names (remarks/catalogue/flags.ts), served to the console by GET /api/labels. */
import { describe, expect, it } from 'vitest';
import { FLAG_LABELS, flagLabel } from '../../src/remarks/index.js';
import { copiesOutside } from '../support/literal-copies.js';

describe('seller flag names', () => {
  it('when the source is searched, then no file but flags.ts spells the name of a flag', () => {
    expect(Object.values(FLAG_LABELS)).toEqual(['无旗', '红旗', '黄旗', '绿旗', '蓝旗', '紫旗']);
    expect(copiesOutside(Object.values(FLAG_LABELS), ['src/remarks/catalogue/flags.ts'])).toEqual({});
  });

  it('when a newer platform sends a flag the list does not name, then it reads by its number', () => {
    expect(flagLabel(3)).toBe('绿旗');
    expect(flagLabel(8)).toBe('8号旗');
  });
});
