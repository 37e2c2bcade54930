import { formatShanghaiDate } from '../../../shared/time.js';
import { TRADE_CLOSE_REASONS } from '../../platform-port.js';
import { STAFF } from './names.js';
import type { Rng } from './prng.js';

export const BUYER_MESSAGES = [
  '请尽快发货，谢谢',
  '麻烦发中通，别的快递到不了',
  '不要放发票和价格单，送人的',
  '尺码不确定，先拍的M，不合适能换吗',
  '帮忙包装好看一点，生日礼物',
  '周末家里没人，请放快递柜',
  '能发顺丰吗？邮费我补',
  '和上次买的一样颜色就行',
  '请检查一下有没有线头再发',
  '急用！今天能发吗',
];

/** Unpaid orders whose buyer wants to pay by bank transfer (the transfer keeper's candidates). */
export const BANK_TRANSFER_MESSAGES = [
  '我想用银行汇款，可以吗？请把账号发我',
  '支付宝额度不够，准备银行转账',
  '已经通过工行转账了，请查收',
  '公司报销需要对公转账，账户发一下',
  '银行汇款的话多久能发货',
];

export const NEGATIVE_REVIEWS = [
  '尺码偏小，穿着勒得慌',
  '颜色和图片差别太大',
  '物流太慢了，等了一个星期',
  '质量一般，有好几个线头',
  '洗了一次就起球了',
  '客服回复太慢',
  '鞋子有点磨脚',
  '和描述不符，面料很薄',
];
export const GOOD_REVIEWS = [
  '质量很好，穿着很舒服',
  '物美价廉，会回购',
  '发货快，包装很用心',
  '版型好看，尺码标准',
  '第二次买了，还是那么好',
];
export const REVIEW_REPLY = '亲，非常抱歉给您带来不好的体验，已安排客服联系您处理～';

// A closed sandbox trade was closed by the seller for one of the platform's reasons; none met the buyer in town.
const CLOSE_REASONS = TRADE_CLOSE_REASONS.filter((r) => r !== '同城见面交易');

export function closeReason(rng: Rng): string {
  return rng.pick(CLOSE_REASONS);
}

/**
 * Memos already on orders, as staff wrote them by hand in the back office: some follow the house
 * convention (+staff/MM.DD), some are free text, so the product must keep what it does not understand.
 */
export function handMemo(rng: Rng, at: number, shipped: boolean): { memo: string; flag: number } {
  const staff = rng.pick(STAFF);
  const date = formatShanghaiDate(at, 'MM.DD');
  const kind = rng.int(0, 9);
  switch (kind) {
    case 0:
      return { memo: `${staff}/${date}`, flag: 3 };
    case 1:
      return { memo: `扣除好评获奖金额5元+${staff}/${date}`, flag: 0 };
    case 2:
      return { memo: `电话修改为:${rng.int(130, 199)}****${rng.digits(4)}+${staff}/${date}`, flag: 1 };
    case 3:
      return { memo: '老顾客，送袜子一双', flag: 4 };
    case 4:
      return { memo: `顾客要求发顺丰，已补邮费差价 ${staff}`, flag: 2 };
    case 5:
      return { memo: shipped ? date : '加急！今天必须发', flag: shipped ? 0 : 1 };
    case 6:
      return { memo: `黑色M换L，已确认库存+${staff}/${date}`, flag: 2 };
    case 7:
      return { memo: '不要放发票', flag: 0 };
    case 8:
      return { memo: `${date} 顾客说地址可能要改，发货前再确认`, flag: 1 };
    default:
      return { memo: `${staff}/${date}；扣除余额10元,余额清零+${staff}/${date}`, flag: 3 };
  }
}

/** The memo the keeper writes when a platform order becomes a bank-transfer order (spec: bank-transfer.md). */
export function transferMemo(rng: Rng, at: number): string {
  return `银行汇款订单,待汇款,已通知登记+${rng.pick(STAFF)}/${formatShanghaiDate(at, 'MM.DD')}`;
}
