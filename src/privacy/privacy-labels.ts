/**
 * The words of the privacy domain, in one place: the console reads them through GET /api/labels. Scene names are
 * the platform's own for taobao.top.oaid.decrypt's scenes (its scene table), so what the person picks is what the
 * platform is told; EMS is written by its Chinese name, as the couriers list writes it for staff.
 */
import type { Role } from '../accounts/index.js';
import type { DecryptScene } from '../platform/index.js';

export const DECRYPT_SCENE_LABELS: Readonly<Record<DecryptScene, string>> = {
  '1001': '顺丰电子面单发货',
  '1002': '四通一达电子面单发货',
  '1003': '邮政特快专递电子面单发货',
  '1004': '其他电子面单发货',
  '1005': '线下门店发货',
  '1006': '手工单发货',
  '1007': '代发货',
  '1008': '改地址',
  '1009': '查看收件人姓名',
  '2001': '客户售后服务',
  '2002': '客户关怀',
};

/**
 * The scenes a person may reveal a receiver for, in the order the console offers them: fixing an address, seeing the
 * name, and the waybill scenes (a label written or fixed by hand). 2001/2002 give the phone for a message and are the
 * SMS channel's, decrypted by the service at send time, never shown to a person.
 */
export const REVEAL_SCENES = ['1008', '1009', '1001', '1002', '1003', '1004', '1005', '1006', '1007'] as const;
export type RevealScene = (typeof REVEAL_SCENES)[number];

/**
 * The scenes each role that may reveal declares (the role table's order.receiver says which roles): a scene states the
 * purpose to the platform, so a role gets the ones its work has. The keeper writes the transfer orders' waybills
 * (1001–1007) and checks whose parcel it is (1009); an address change after printing is the assistant's 改面单 task
 * (the handbook's address-change remark hands it to her), so 改地址 (1008) is not the keeper's.
 */
const ROLE_REVEAL_SCENES: Readonly<Partial<Record<Role, readonly RevealScene[]>>> = {
  keeper: REVEAL_SCENES.filter((s) => s !== '1008'),
};
export const revealScenesOf = (role: Role): readonly RevealScene[] => ROLE_REVEAL_SCENES[role] ?? REVEAL_SCENES;

/** How a reveal went, as the access log keeps it. */
export const ACCESS_OUTCOMES = ['shown', 'quota', 'failed'] as const;
export type AccessOutcome = (typeof ACCESS_OUTCOMES)[number];

export const ACCESS_OUTCOME_LABELS: Readonly<Record<AccessOutcome, string>> = {
  shown: '已显示',
  quota: '解密额度已用完',
  failed: '未能解密',
};

/** The revealed receiver's fields → their names on the order page. */
export const REVEALED_FIELD_LABELS = {
  name: '收货人',
  mobile: '手机',
  extension: '分机号',
  phone: '电话',
  place: '地区',
  addressDetail: '详细地址',
  secretNoExpireAt: '隐私号有效期至',
} as const;

/** The access log's columns, on the page and in the CSV export. */
export const ACCESS_LOG_HEADERS = ['时间', '账号', '姓名', '角色', '订单号', '解密场景', '原因', '结果'] as const;

/** The page's other words: headings, the form and the quota line. */
export const PRIVACY_WORDS = {
  revealAction: '查看完整收件人',
  revealScene: '查看用途',
  revealReason: '原因',
  revealReasonHint: '例如：买家要改地址，核对门牌号',
  revealSubmit: '解密查看',
  revealNotice: '完整信息只显示这一次，不会保存；每次查看都记录在隐私访问记录里。',
  privacyNumber: '隐私号：拨打后按提示输入分机号',
  accessLogTitle: '隐私访问记录',
  accessLogIntro: '谁在什么时候、为哪笔订单、以什么用途查看了完整收件人。记录里不含解密后的内容。',
  exportCsv: '导出 CSV',
  quotaToday: '今日解密',
  quotaCalls: '调用',
  quotaItems: '条',
  quotaLeft: '剩余',
  quotaUnknown: '平台未告知上限',
  quotaSpent: '今日额度已用完',
  empty: '没有符合条件的记录',
  filterFrom: '从',
  filterTo: '到',
  filterUser: '账号',
  filterTid: '订单号',
  filterScene: '解密场景',
  filterAll: '全部',
  filterApply: '筛选',
} as const;
