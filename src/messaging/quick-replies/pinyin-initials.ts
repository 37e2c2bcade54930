/**
 * Pinyin initials for search (发货 → fh) without a dictionary: ICU's zh collation sorts Hanzi by
 * pinyin, so a character's initial is the letter of the last boundary character not after it.
 * Boundaries are the first characters of each letter in ICU's order (checked against all 3,755
 * GB2312 level-1 characters in the tests). Polyphones follow ICU's main reading, except where
 * shop text means another one (OVERRIDES). Letters and digits pass through in lower case.
 */

const LETTERS = 'abcdefghjklmnopqrstwxyz';
const BOUNDARIES = [...'吖八嚓哒妸发旮哈丌咔垃妈拏噢妑七呥仨他屲夕丫帀'];

/** ICU reads these with another initial than the one shop text uses (长 in 保质期多长, 厦 in 厦门…). */
const OVERRIDES: Record<string, string> = { 长: 'c', 厦: 'x', 咳: 'k', 茄: 'q' };

const HAN = /\p{Script=Han}/u;

let collator: Intl.Collator | null | undefined;
function zhCollator(): Intl.Collator | null {
  if (collator === undefined) {
    // A Node built without full ICU falls back to code-point order; initials would be nonsense, so we report none.
    collator =
      Intl.Collator.supportedLocalesOf(['zh-CN']).length > 0 && '啊'.localeCompare('芭', 'zh-CN') < 0
        ? new Intl.Collator('zh-CN')
        : null;
  }
  return collator;
}

/** The initial of one character: 'f' for 发, 'a' for 'A', '' for punctuation or when ICU cannot tell. */
export function initialOf(ch: string): string {
  if (/^[A-Za-z0-9]$/.test(ch)) return ch.toLowerCase();
  if (!HAN.test(ch)) return '';
  if (Object.hasOwn(OVERRIDES, ch)) return OVERRIDES[ch]!;
  const coll = zhCollator();
  if (!coll || coll.compare(ch, BOUNDARIES[0]!) < 0) return '';
  let lo = 0;
  let hi = BOUNDARIES.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (coll.compare(ch, BOUNDARIES[mid]!) >= 0) lo = mid;
    else hi = mid - 1;
  }
  return LETTERS[lo]!;
}

/** '发货和到货时间' → 'fhhdhsj'; characters without an initial are skipped. */
export function pinyinInitials(text: string): string {
  return [...text].map(initialOf).join('');
}
