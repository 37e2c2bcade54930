/**
 * The Chinese names of the service's codes (message kinds, couriers, task types, job names, trade
 * statuses and the order list's status groups, parcel states, handover items, job run counts, roles,
 * remark entry statuses and write outcomes, message states and reasons, transfer and refund states,
 * job run outcomes, complaints, login lockouts, seller flags), served by GET /api/labels from the
 * module that owns each list. The console keeps no copy: a name changed in the service shows on every
 * page. A page awaits loadLabels() before drawing, then looks names up synchronously; a code the
 * service does not name is shown as it is, so nothing is hidden.
 */
import { request } from './api.js';

let labels = null;
let pending = null;

/** Fetched once per page load (the names only change with the service); a failed fetch is tried again next time. */
export function loadLabels() {
  if (labels) return Promise.resolve(labels);
  pending ??= request('GET', '/api/labels').then(
    (l) => (labels = l),
    (err) => {
      pending = null;
      throw err;
    },
  );
  return pending;
}

/** The message channel's words on an order (its details still being read). */
export const tmcWord = (key) => lookup('tmc', key);

function lookup(table, code) {
  const names = labels?.[table];
  return names && Object.hasOwn(names, code) ? names[code] : code;
}

export const messageKindLabel = (kind) => lookup('messageKinds', kind);
/** Every kind, in the service's order: the messages page's filter. */
export const messageKinds = () => Object.keys(labels?.messageKinds ?? {});
/** The kinds the order page offers. */
export const orderMessageKinds = () => labels?.orderMessageKinds ?? [];
/** kuaidi100 company code → the courier's name (yunda → 韵达快递). */
export const courierName = (code) => lookup('couriers', code);
/** Hand-off task type → what staff call it (fix_label → 改面单). */
export const taskTypeLabel = (type) => lookup('taskTypes', type);
/** Scheduled job → its name (order-sync → 订单同步). */
export const jobLabel = (name) => lookup('jobs', name);
/** Platform trade status → its name (WAIT_SELLER_SEND_GOODS → 待发货). */
export const statusLabel = (status) => lookup('tradeStatuses', status);
/** The order list's status filter: [{ key, label, statuses }], in the service's order. */
export const statusGroups = () => labels?.orderStatusGroups ?? [];

/** Parcel state → its name (in_transit → 运输中); a state the service does not name reads as its 'unknown'. */
export const parcelStateLabel = (state) => {
  const names = labels?.parcelStates ?? {};
  return Object.hasOwn(names, state) ? names[state] : lookup('parcelStates', 'unknown');
};
/** A parcel's detail code → its name (201 → 超时未签收); '' without one. */
export const subStateLabel = (code) => {
  if (!code) return '';
  const names = labels?.parcelSubStates ?? {};
  return Object.hasOwn(names, code) ? names[code] : `状态码 ${code}`;
};

/** A count a job's run records → its name for that job (order-sync's new → 新订单); an unnamed key is shown as it is. */
export const jobCountLabel = (job, key) => {
  const names = labels?.jobCounts?.[job];
  return names && Object.hasOwn(names, key) ? names[key] : key;
};
/** Kind of an item on the handover → its name (parcel → 异常包裹). */
export const openItemKindLabel = (kind) => lookup('openItemKinds', kind);
/** A call's outcome about a review (no_answer → 未接通), from reviews/review-state.ts. */
export const callOutcomeLabel = (outcome) => lookup('reviewCallOutcomes', outcome);
/** Every call outcome, code → name in the service's order: the order page's 电话结果. */
export const callOutcomes = () => labels?.reviewCallOutcomes ?? {};

/** Whether the names are in: the header draws before them and leaves the role out until they are. */
export const labelsLoaded = () => labels !== null;
/** Staff role → its name (keeper → 汇款专员). */
export const roleLabel = (role) => lookup('roles', role);
/** Status of a remark on an order's history → its name (pending → 待写入（排队中）). */
export const entryStatusLabel = (status) => lookup('entryStatuses', status);
/** Outbound message state → its name (outbox → 待复制发送). */
export const messageStateLabel = (state) => lookup('messageStates', state);
/** Why a message was stopped or waits → the staff's words (opted_out → 买家已退订); '' without a reason. */
export const messageReasonLabel = (reason) => (reason ? lookup('messageReasons', reason) : '');
/** Transfer order state → its name (claimed → 已申报). */
export const transferStateLabel = (state) => lookup('transferStates', state);
/** A job run's outcome → its name (skipped-overlap → 上一次还在运行，已跳过). */
export const runOutcomeLabel = (outcome) => lookup('runOutcomes', outcome);
/** Why a job ran → its name (catch-up → 补跑); '' without a reason. */
export const runReasonLabel = (reason) => (reason ? lookup('runReasons', reason) : '');
/** 售后投诉's lists, code → name in the service's order: categories, channels, satisfaction, stages. */
export const complaintCategories = () => labels?.complaintCategories ?? {};
export const complaintChannels = () => labels?.complaintChannels ?? {};
export const complaintSatisfaction = () => labels?.complaintSatisfaction ?? {};
export const complaintCategoryLabel = (category) => lookup('complaintCategories', category);
export const complaintChannelLabel = (channel) => lookup('complaintChannels', channel);
export const complaintSatisfactionLabel = (level) => lookup('complaintSatisfaction', level);
export const complaintStageLabel = (stage) => lookup('complaintStages', stage);
/** A refund's state in the register → its name (registered → 已登记). */
export const refundStateLabel = (state) => lookup('refundStates', state);
/** What a login lockout keeps out → the admin's words (client → 这台电脑登录任何账号). */
export const lockoutScopeLabel = (scope) => lookup('lockoutScopes', scope);
/** How a new transfer order is told apart in a statement: code → the keeper's words, in the form's order. */
export const transferIdentifyMethods = () => labels?.transferIdentify ?? {};
/** A seller flag → its name (1 → 红旗); a flag the service does not name (newer platforms' 6–10) by its number. */
export const flagLabel = (flag) => {
  const names = labels?.flags ?? {};
  return Object.hasOwn(names, String(flag)) ? names[flag] : `${flag}号旗`;
};
/** What a person is told when a remark write comes back (already_present → 备注里已有这条，没有重复写入). */
export const remarkWriteOutcome = (status) => lookup('remarkWriteOutcomes', status);
/** Where closing the unpaid trade after a remark stands (failed → 交易没有关闭，已转为待办). */
export const tradeCloseStateLabel = (state) => lookup('tradeCloseStates', state);
/** A day's duty → its name (day → 白班, off → 休息). */
export const dutyLabel = (duty) => lookup('duties', duty);
/** Every duty, in the service's order (白班, 夜班, 休息); `shiftsOnly` leaves the day off out. */
export const duties = (shiftsOnly = false) =>
  Object.keys(labels?.duties ?? {}).filter((d) => !shiftsOnly || d !== 'off');
/** How a buyer wants to be reached, code → name in the service's order (phone_only → 仅电话): the profile form. */
export const contactPreferences = () => labels?.contactPreferences ?? {};
export const contactLabel = (code) => lookup('contactPreferences', code);
/** A buyer profile's field → its name (idNumber → 身份证号). */
export const buyerProfileFieldLabel = (field) => lookup('buyerProfileFields', field);
/** Every courier, code → name in the service's order: the profile's preferred courier. */
export const couriers = () => labels?.couriers ?? {};
/** Every transfer state, in the order a transfer goes: the 汇款 page's filter. */
export const transferStates = () => Object.keys(labels?.transferStates ?? {});

/** The colour of a status badge comes with its group: what the staff member should notice about it. */
const GROUP_TONES = { unpaid: 'tone-unpaid', to_ship: 'tone-to-ship', shipped: 'tone-shipped', closed: 'tone-closed' };
export function statusTone(status) {
  const group = statusGroups().find((g) => g.statuses.includes(status));
  return GROUP_TONES[group?.key] ?? 'tone-done';
}
/** 打单: why an order is held (out_of_stock → 缺货), where an order of a batch stands, what to check on it. */
const printing = (table, code) => {
  const names = labels?.printing?.[table];
  return names && Object.hasOwn(names, code) ? names[code] : code;
};
export const printHoldLabel = (hold) => printing('holds', hold);
export const printStateLabel = (state) => printing('states', state);
export const printWarningLabel = (warning) => printing('warnings', warning);
/** The courier group of orders whose memo names none (and the shop has no default courier). */
export const noCourierLabel = () => labels?.printing?.noCourier ?? '';

/** Privacy (查看完整收件人, 隐私访问记录): the page words, decrypt scenes, the scenes a person may reveal for, outcomes. */
export const privacyWord = (key) => labels?.privacy?.words?.[key] ?? key;
export const sceneLabel = (scene) => labels?.privacy?.scenes?.[scene] ?? scene;
export const decryptScenes = () => Object.keys(labels?.privacy?.scenes ?? {});
/** The scenes the signed-in role may reveal for (the keeper has no 改地址), in the form's order. */
export const revealScenes = (role) =>
  labels?.privacy?.revealScenesByRole?.[role] ?? labels?.privacy?.revealScenes ?? [];
export const accessOutcomeLabel = (outcome) => labels?.privacy?.outcomes?.[outcome] ?? outcome;
export const revealedFieldLabel = (field) => labels?.privacy?.fields?.[field] ?? field;
export const accessLogHeaders = () => labels?.privacy?.accessLogHeaders ?? [];
