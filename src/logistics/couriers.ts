/**
 * The couriers the shop ships with, keyed by kuaidi100 company code. Taobao writes the company as
 * free text in `logistics_company` (顺丰速运, 圆通, 中通快递...), staff type short forms and English
 * abbreviations, so every spelling we have seen maps back to one code here.
 */

export interface Courier {
  /** kuaidi100 company code */
  code: string;
  /** Name as kuaidi100 and the shop's staff write it */
  name: string;
  /** Other spellings: Taobao's `logistics_company` values, short forms, English abbreviations */
  aliases: readonly string[];
  /**
   * kuaidi100 answers these couriers only with the receiver's or sender's phone (last four digits):
   * 顺丰速运 and 中通快递 are listed as 必填 in the 实时快递查询 document (api.kuaidi100.com).
   */
  requiresPhone: boolean;
}

export const COURIERS: readonly Courier[] = [
  { code: 'shunfeng', name: '顺丰速运', aliases: ['顺丰', '顺丰快递', 'SF', 'SF Express'], requiresPhone: true },
  { code: 'yuantong', name: '圆通速递', aliases: ['圆通', '圆通快递', 'YTO'], requiresPhone: false },
  { code: 'zhongtong', name: '中通快递', aliases: ['中通', '中通速递', 'ZTO'], requiresPhone: true },
  { code: 'yunda', name: '韵达快递', aliases: ['韵达', '韵达速递', 'Yunda'], requiresPhone: false },
  { code: 'shentong', name: '申通快递', aliases: ['申通', '申通速递', 'STO'], requiresPhone: false },
  {
    code: 'jtexpress',
    name: '极兔速递',
    aliases: ['极兔', '极兔快递', 'J&T', 'J&T Express', 'JT'],
    requiresPhone: false,
  },
  // Staff read the Chinese name; 'EMS' (the platform's company name for it) stays a spelling we recognise.
  {
    code: 'ems',
    name: '邮政特快专递',
    aliases: ['EMS', '中国邮政EMS', 'EMS快递', 'EMS经济快递', '邮政EMS'],
    requiresPhone: false,
  },
  {
    code: 'youzhengguonei',
    name: '邮政快递包裹',
    aliases: ['邮政', '邮政包裹', '中国邮政', '邮政国内小包', '邮政快递'],
    requiresPhone: false,
  },
  { code: 'jd', name: '京东快递', aliases: ['京东', '京东物流', 'JD'], requiresPhone: false },
  { code: 'debangwuliu', name: '德邦快递', aliases: ['德邦', '德邦物流', 'Deppon'], requiresPhone: false },
];

const normalize = (s: string) => s.replace(/\s+/g, '').toLowerCase();

const BY_SPELLING = new Map<string, Courier>();
for (const c of COURIERS) {
  for (const spelling of [c.code, c.name, ...c.aliases]) BY_SPELLING.set(normalize(spelling), c);
}

/** The kuaidi100 code for a code, a Chinese name or an alias; undefined when the courier is not one we know. */
export function courierCode(nameOrCode: string): string | undefined {
  return BY_SPELLING.get(normalize(nameOrCode))?.code;
}

/** The Chinese name for a kuaidi100 code (or any known spelling); undefined when unknown. */
export function courierName(code: string): string | undefined {
  return BY_SPELLING.get(normalize(code))?.name;
}

/** Whether a tracking query for this courier must carry the phone's last four digits. */
export function courierRequiresPhone(code: string): boolean {
  return BY_SPELLING.get(normalize(code))?.requiresPhone ?? false;
}

/**
 * Last four digits of a phone; undefined when it has fewer than four. Platform virtual numbers look
 * like 13800000000-1234 and kuaidi100 wants the part after '-'; a landline's short extension
 * (0571-88888888-123) is not sent, so segments are read from the end until one has four digits.
 */
export function phoneTail(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  for (const segment of phone.split('-').reverse()) {
    const digits = segment.replace(/\D/g, '');
    if (digits.length >= 4) return digits.slice(-4);
  }
  return undefined;
}
