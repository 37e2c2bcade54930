import type { Rng } from './prng.js';

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余',
  '杜', '叶', '程', '苏', '魏', '吕', '丁', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金', '石', '廖',
  '欧阳', '司马', '上官',
];
const FEMALE = ['丽', '婷', '静', '敏', '燕', '芳', '娟', '霞', '秀', '慧', '美', '娜', '雪', '倩', '琳', '晶', '妍', '珊', '莉', '璐', '婉', '欣', '悦', '萱', '涵', '怡', '佳', '琪', '梦', '雨', '思', '雅'];
const MALE = ['伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '明', '超', '刚', '辉', '鹏', '飞', '鑫', '波', '斌', '宁', '凯', '健', '俊', '帆', '旭', '博', '文', '轩', '宇', '浩', '晨', '志', '天', '子'];

export function chineseName(rng: Rng, female: boolean): string {
  const chars = female ? FEMALE : MALE;
  const given = rng.chance(0.7) ? rng.pick(chars) + rng.pick(chars) : rng.pick(chars);
  return rng.pick(SURNAMES) + given;
}

const NICK_WORDS = [
  '毛毛雨', '小鱼儿', '糖果屋', '风中的蒲公英', '快乐小猪', '橘子汽水', '安静的猫', '草莓味的夏天', '阿狸', '米粒',
  '懒羊羊', '向日葵', '蓝色天空', '柠檬不酸', '小确幸', '星星点灯', '奶茶控', '追风少年', '木子', '晴天娃娃',
];
const PINYIN = ['xiaoyu', 'lili', 'wangfang', 'chenjie', 'zhangmin', 'liuyang', 'huanghua', 'sunny', 'tingting', 'dabao', 'mumu', 'xixi'];

/** Taobao-style nicks: 毛毛雨920402, tb_8823xx, xiaoyu_1988, 快乐小猪66. */
export function taobaoNick(rng: Rng, birthYear: number): string {
  const style = rng.int(0, 9);
  if (style < 4) return `${rng.pick(NICK_WORDS)}${String(birthYear).slice(2)}${rng.digits(4)}`;
  if (style < 7) return `tb_${rng.digits(rng.int(4, 8))}${String.fromCharCode(97 + rng.int(0, 25), 97 + rng.int(0, 25))}`;
  if (style < 9) return `${rng.pick(PINYIN)}_${birthYear}`;
  return `${rng.pick(NICK_WORDS)}${rng.int(1, 99)}`;
}

/** Customer-service staff who wrote the memos already on the shop's orders. */
export const STAFF = ['小美', '阿杰', '小雪', '蕾', '婷婷', '小林'];
