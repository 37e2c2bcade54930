/**
 * Pinyin for search, from pinyin-pro (a dictionary with word context, so 长 in 尺码偏长 reads chang): buyers type
 * whole words in pinyin (zenme tuihuo), mix them with characters (ma数) or pick the wrong character of the same
 * sound (尺马 for 尺码). All three become the same toneless syllables as the shop's own words. The quick replies'
 * ICU-based initials (messaging/quick-replies/pinyin-initials.ts) know one reading per character and no full
 * pinyin, which is why this module uses the library instead.
 */
import { pinyin } from 'pinyin-pro';

/** Every toneless syllable of Mandarin (ü written v), minus the interjections m, n, ng, hng, which are sizes here. */
const SYLLABLES = new Set(
  (
    'a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng ' +
    'cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu ' +
    'cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ' +
    'ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan ' +
    'guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian ' +
    'jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan ' +
    'kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun ' +
    'luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei ' +
    'nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng ' +
    'pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ' +
    'ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei ' +
    'shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang ' +
    'tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian ' +
    'xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za ' +
    'zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai ' +
    'zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo'
  ).split(' '),
);
const LONGEST = 6;

const HAN = /\p{Script=Han}/u;
export const isHan = (ch: string): boolean => HAN.test(ch);

/** The toneless syllable of each character of `text` read in context ('尺码' → ['chi', 'ma']); '' for a non-Han one. */
export function syllablesOf(text: string): string[] {
  const chars = [...text];
  const out = pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' });
  // pinyin-pro drops what is not Chinese: put the syllables back beside their characters.
  let k = 0;
  return chars.map((ch) => (isHan(ch) ? (out[k++] ?? '') : ''));
}

const CHAR = new Map<string, string>();

/**
 * One character's syllable in its most common reading, remembered: a question is read character by character
 * through this table, because pinyin-pro's allocations on every call showed as pauses of several milliseconds.
 */
export function charSyllable(ch: string): string {
  let syl = CHAR.get(ch);
  if (syl === undefined) {
    syl = isHan(ch) ? (pinyin(ch, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' })[0] ?? '') : '';
    if (CHAR.size < 30_000) CHAR.set(ch, syl);
  }
  return syl;
}

/** A word's full pinyin and initials: 退货 → { full: 'tuihuo', initials: 'th' }. */
/** `plain`: the same read character by character (as a question is), which differs for a word like 尺码偏长. */
export function pinyinKeys(word: string): { full: string; initials: string; plain: string } {
  let keys = KEYS.get(word);
  if (!keys) {
    const syl = syllablesOf(word).filter(Boolean);
    const plain = [...word].map(charSyllable).filter(Boolean).join('');
    keys = { full: syl.join(''), initials: syl.map((s) => s[0]).join(''), plain };
    // The shop's words are few and come back on every rebuild of the vocabulary: remember them.
    if (KEYS.size < 50_000) KEYS.set(word, keys);
  }
  return keys;
}
const KEYS = new Map<string, { full: string; initials: string; plain: string }>();

/**
 * Splits a run of letters into pinyin syllables, 'tuihuo' → ['tui', 'huo'], preferring the split with the fewest
 * syllables (xian stays one, not xi-an); null when the letters are not pinyin (xl, thh).
 */
export function splitPinyin(letters: string): string[] | null {
  const n = letters.length;
  if (n === 0 || n > 40) return null;
  const best: (string[] | null)[] = new Array<string[] | null>(n + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < n; i++) {
    const head = best[i];
    if (!head) continue;
    for (let len = 1; len <= LONGEST && i + len <= n; len++) {
      const syl = letters.slice(i, i + len);
      if (!SYLLABLES.has(syl)) continue;
      const cand = [...head, syl];
      const cur = best[i + len];
      if (!cur || cand.length < cur.length) best[i + len] = cand;
    }
  }
  return best[n] ?? null;
}
