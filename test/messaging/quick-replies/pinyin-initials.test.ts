/** Pinyin initials from ICU collation, checked against GB2312 level 1, which is itself ordered by pinyin. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { initialOf, pinyinInitials } from '../../../src/messaging/quick-replies/index.js';

/** First code of each initial's run in GB2312 level 1 (0xB0A1–0xD7F9): the classic boundary table. */
const GB_BOUNDARIES: [number, string][] = [
  [0xb0a1, 'a'],
  [0xb0c5, 'b'],
  [0xb2c1, 'c'],
  [0xb4ee, 'd'],
  [0xb6ea, 'e'],
  [0xb7a2, 'f'],
  [0xb8c1, 'g'],
  [0xb9fe, 'h'],
  [0xbbf7, 'j'],
  [0xbfa6, 'k'],
  [0xc0ac, 'l'],
  [0xc2e8, 'm'],
  [0xc4c3, 'n'],
  [0xc5b6, 'o'],
  [0xc5be, 'p'],
  [0xc6da, 'q'],
  [0xc8bb, 'r'],
  [0xc8f6, 's'],
  [0xcbfa, 't'],
  [0xcdda, 'w'],
  [0xcef4, 'x'],
  [0xd1b9, 'y'],
  [0xd4d1, 'z'],
];

function gb2312Level1(): { ch: string; initial: string }[] {
  const out: { ch: string; initial: string }[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const code = hi * 256 + lo;
      if (code > 0xd7f9) break;
      const initial = GB_BOUNDARIES.filter(([start]) => code >= start).at(-1)![1];
      out.push({ ch: iconv.decode(Buffer.from([hi, lo]), 'gb2312'), initial });
    }
  }
  return out;
}

describe('pinyin initials', () => {
  it('when the titles staff search for are read, then their initials are what staff type', () => {
    expect(pinyinInitials('发货')).toBe('fh');
    expect(pinyinInitials('发货和到货时间')).toBe('fhhdhsj');
    expect(pinyinInitials('催发货（说要退款）')).toBe('cfhsytk');
    expect(pinyinInitials('生产日期和保质期')).toBe('scrqhbzq');
    expect(pinyinInitials('讲价：余额不够')).toBe('jjyebg');
    expect(pinyinInitials('售后：不喜欢退换')).toBe('shbxhth');
  });

  it('when text mixes letters, digits and punctuation, then letters and digits pass through in lower case', () => {
    expect(pinyinInitials('VIP会员2号！')).toBe('viphy2h');
    expect(initialOf('，')).toBe('');
  });

  it('when a polyphone is read the way shop text means it, then the override wins (长 in 多长 is c, 厦门 is x)', () => {
    expect(pinyinInitials('保质期多长')).toBe('bzqdc');
    expect(pinyinInitials('厦门')).toBe('xm');
  });

  it('when all 3,755 GB2312 level-1 characters are checked, then at least 99.5% match and the rest are known polyphones', () => {
    const chars = gb2312Level1();
    expect(chars).toHaveLength(3755);
    const wrong = chars.filter((c) => initialOf(c.ch) !== c.initial).map((c) => c.ch);
    expect(wrong.length / chars.length).toBeLessThan(0.005);
    // Characters GB2312 files under another reading than ICU's main one; none appear in shop titles.
    expect(wrong.every((ch) => '辟泊匙脯蛤槛咯埔伺畜吁曾轧'.includes(ch))).toBe(true);
  });

  it('when the first and last characters of each GB2312 initial are checked, then every boundary is right', () => {
    const chars = gb2312Level1();
    for (const [i, c] of chars.entries()) {
      const next = chars[i + 1];
      if (next && next.initial !== c.initial && !'辟泊匙脯蛤槛咯埔伺畜吁曾轧'.includes(c.ch)) {
        expect([c.ch, initialOf(c.ch)]).toEqual([c.ch, c.initial]);
        expect([next.ch, initialOf(next.ch)]).toEqual([next.ch, next.initial]);
      }
    }
  });
});
