/**
 * Words buyers and staff use for the same thing, as data: the first word of a group is the one the index keeps,
 * the others are read as it (码数 → 尺码, 褪色 → 掉色) in entries and in questions alike. Add a group or a word
 * here; the segmenter learns every word of the table so a word is never cut apart. Phrases of more than one word
 * (颜色不一样) work too: the segmenter keeps them whole. A group is one line of words separated by spaces.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  '尺码 码数 码子 大小 码 号码 尺码表',
  '鞋码 鞋子码数 鞋的码 鞋子尺码',
  '退货 退回 退掉 退了 退回去 退',
  '退款 退钱 返款 钱退',
  '换货 调换 更换 换',
  '换码 换尺码 换号 换个码',
  '换颜色 换色 换个颜色',
  '快递 物流 快件 快递公司',
  '包裹 件 货物',
  '发货 寄出 发出 出库 发',
  '收到 收货 到货 到 拿到',
  '运费 邮费 快递费 运费钱',
  '掉色 褪色 落色 脱色',
  '染色 串色 染到',
  '缩水 缩了 变小了 洗小了',
  '起球 毛球 起毛',
  '质量问题 质量 做工 质量差',
  '开胶 脱胶',
  '开线 线开了 脱线',
  '脏污 污渍 脏了 有污点',
  '发票 开票 票',
  '挤脚 夹脚 顶脚 小脚',
  '磨脚 打脚 磨后跟',
  '色差 颜色不一样 颜色不对版 跟图片不一样',
  '味道 气味 异味 臭味',
  '优惠券 券 优惠卷 红包',
  '付款 支付 付钱 买单 付',
  '便宜 优惠 打折 折扣',
  '地址 收货地址',
  '电话 手机号 手机号码 联系电话',
  '多久 几天 多长时间 多少天 什么时候 啥时候 何时 多快',
  '洗涤 清洗 洗',
  '机洗 洗衣机',
  '漏发 少发 少了一件 缺件 少件',
  '发错 发错货 错发 寄错',
  '签收 显示签收',
  '运费险 退货险 运费保险',
].map((group) => group.split(' '));

const CANONICAL = new Map<string, string>();
for (const group of SYNONYM_GROUPS) for (const word of group) if (!CANONICAL.has(word)) CANONICAL.set(word, group[0]!);

/** The word the index keeps for `word` (itself when the table does not list it). */
export const canonical = (word: string): string => CANONICAL.get(word) ?? word;

/** Every word of the table, for the segmenter's dictionary. */
export const synonymWords = (): string[] => [...CANONICAL.keys()];
