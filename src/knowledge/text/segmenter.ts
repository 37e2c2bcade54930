/**
 * Chinese word segmentation by jieba (@node-rs/jieba: the jieba-rs dictionary and HMM, a native module that the
 * npm registry ships prebuilt for each platform, nothing downloaded at run time). The shop's own words (the synonym
 * table and SHOP_WORDS) are added to its dictionary, so 码数, 偏大 or 七天无理由 stay one word.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { synonymWords } from './synonyms.js';

/** Words of the trade jieba's general dictionary cuts apart (偏大 → 偏 大) or does not know. */
const SHOP_WORDS = (
  '偏大 偏小 偏长 偏短 标准码 大一码 小一码 半码 吊牌 水洗标 七天无理由 运费险 小白鞋 衣长 裤长 胸围 腰围 脚长 脚宽 脚背 开胶 开线 ' +
  '起球 破洞 线头 色差 掉色 褪色 浮色 漏发 少发 发错 赠品 专票 抬头 税号 花呗 满减 驿站 丢件 催件 代收 胶味'
).split(' ');

let instance: Jieba | undefined;

function jieba(): Jieba {
  if (!instance) {
    instance = Jieba.withDict(dict);
    // A high count makes the shop's word win over the general dictionary's cut.
    const words = [...new Set([...SHOP_WORDS, ...synonymWords()])].filter((w) => w.length > 1);
    instance.loadDict(Buffer.from(words.map((w) => `${w} 200000 n`).join('\n')));
  }
  return instance;
}

/** The words of `text` (no spaces), in order. */
export function cut(text: string): string[] {
  return jieba()
    .cut(text, true)
    .map((w) => w.trim())
    .filter(Boolean);
}

/** Loads the dictionary now (about 0.2 s) rather than on the first search. */
export function warmUp(): void {
  jieba();
}
