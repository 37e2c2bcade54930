import type { Claim, OpenTransfer } from '../matching/matching-types.js';
import type { StatementRow } from '../statement/statement-types.js';
import { createRng } from '../../shared/prng.js';

/** Seeded, so the same seed gives the same data run to run. */
function seeded(seed: number): () => number {
  return createRng(seed).next;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽';
const REF = 'ABCDEFGHJKMNPQRSTWXYZ23456789';

export interface BenchCase {
  transfers: OpenTransfer[];
  claims: Claim[];
  credits: StatementRow[];
}

/**
 * A shop's busy month, deterministically: n open transfer orders with totals between 50 and 3,000 yuan (several
 * orders share most totals), a fifth with a unique amount and a fifth with a reference, and n statement credits.
 * Each order is paid at most once: most credits pay one cleanly (reference, unique amount, the buyer's own name),
 * some come from family members named in claims, some are partial or over, and a quarter is money that is no
 * order's (supplier refunds, settlements) at amounts above every total.
 */
export function benchCase(n: number, seed = 20261123): BenchCase {
  const r = seeded(seed);
  const int = (k: number) => Math.floor(r() * k);
  const name = (i: number) =>
    SURNAMES[i % SURNAMES.length]! +
    GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]! +
    GIVEN[Math.floor(i / 7) % GIVEN.length]!;
  const usedUnique = new Set<number>();
  const transfers: OpenTransfer[] = [];
  for (let i = 0; i < n; i++) {
    // Totals of one to three items plus postage: whole yuan often, any ten fen sometimes.
    const due = (50 + int(2950)) * 100 + (r() < 0.5 ? int(10) * 10 : 0);
    let unique: number | null = null;
    if (r() < 0.2) {
      for (let extra = 1; extra < 100 && unique === null; extra++)
        if (!usedUnique.has(due + extra)) unique = due + extra;
      if (unique !== null) usedUnique.add(unique);
    }
    let reference: string | null = null;
    if (r() < 0.2) {
      reference = '';
      for (let k = 0; k < 6; k++) reference += REF[int(REF.length)];
    }
    const day = 1 + int(20);
    transfers.push({
      id: `T${i}`,
      buyerNick: `buyer${i % Math.ceil(n * 0.8)}`,
      buyerName: r() < 0.9 ? name(i % Math.ceil(n * 0.8)) : null,
      amountDueFen: due,
      uniqueAmountFen: unique,
      reference,
      createdAt: `2026-11-${String(day).padStart(2, '0')}T10:00:00.000+08:00`,
    });
  }
  const claims: Claim[] = [];
  const credits: StatementRow[] = [];
  const row = (i: number, t: OpenTransfer | null, amountFen: number, payer: string, note: string): StatementRow => {
    const day = t ? Math.min(28, Number(t.createdAt.slice(8, 10)) + int(3)) : 1 + int(28);
    return {
      line: i + 2,
      date: `2026-11-${String(day).padStart(2, '0')}`,
      time: null,
      amountFen,
      counterpartyName: payer,
      counterpartyAccount: '',
      note,
      balanceFen: null,
      serial: `S${i}`,
      identity: `bench-${i}`,
    };
  };
  // A shuffled order of payment, so no order is paid twice unless the data says so.
  const payOrder = transfers.map((_, i) => i);
  for (let i = payOrder.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [payOrder[i], payOrder[j]] = [payOrder[j]!, payOrder[i]!];
  }
  for (let i = 0; i < n; i++) {
    const t = transfers[payOrder[i]!]!;
    const kind = r();
    if (kind < 0.15 && t.reference)
      credits.push(row(i, t, t.amountDueFen, '支付宝（中国）网络技术有限公司', `货款 ${t.reference}`));
    else if (kind < 0.3 && t.uniqueAmountFen != null)
      credits.push(row(i, t, t.uniqueAmountFen, '财付通支付科技有限公司', '转账'));
    else if (kind < 0.6 && t.buyerName) credits.push(row(i, t, t.amountDueFen, t.buyerName, '网银转账'));
    else if (kind < 0.7) {
      const credit = row(i, t, t.amountDueFen, `${name(int(n))}父`, '手机银行');
      claims.push({
        transferId: t.id,
        date: credit.date,
        method: '手机银行',
        payerName: credit.counterpartyName,
        amountFen: credit.amountFen,
        recordedAt: t.createdAt,
      });
      credits.push(credit);
    } else if (kind < 0.75)
      credits.push(row(i, t, t.amountDueFen + (r() < 0.5 ? -5000 : 1200), t.buyerName ?? '', '转账'));
    // Money that is no order's: amounts above every price, or with fen no price has.
    else credits.push(row(i, null, 400_000 + int(1_000_000), name(int(n * 4)) + '公司', '货款结算'));
  }
  return { transfers, claims, credits };
}
