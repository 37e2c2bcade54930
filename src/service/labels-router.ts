/**
 * GET /api/labels: the Chinese names the console shows for codes the service uses, read from the
 * module that owns each list. The console keeps no copy of them (as with remark kinds, whose titles
 * come with /api/orders/:tid/remark-kinds), so a name changed in its module changes on every page.
 * Read-only and the same for every logged-in user.
 */
import { Router } from 'express';
import { LOCKOUT_SCOPE_LABELS, may, ROLE_LABELS, ROLES } from '../accounts/index.js';
import { CATEGORY_TEXT, CHANNEL_TEXT, SATISFACTION_TEXT, STAGE_TEXT } from '../complaints/index.js';
import { KIND_TEXT } from '../handover/index.js';
import { REFUND_STATE_LABELS } from '../ledger/index.js';
import { COURIERS, PARCEL_STATE_LABELS, subStateNames } from '../logistics/index.js';
import {
  COMPLIANCE_CATEGORY_LABELS,
  MESSAGE_REASON_LABELS,
  MESSAGE_STATE_LABELS,
  messageKindLabels,
  ORDER_PAGE_KINDS,
} from '../messaging/index.js';
import { defaultJobsConfig, jobCountLabels, jobLabels, type JobsConfig } from '../operations/index.js';
import { ORDER_STATUS_GROUPS, TRADE_STATUS_LABELS } from '../orders/index.js';
import { TRANSFER_IDENTIFY_LABELS, TRANSFER_STATE_LABELS } from '../reconciliation/index.js';
import { BANK_NAMES, MAX_STATEMENT_BYTES } from '../reconciliation/settings.js';
import { CLOSE_STATE_LABELS, ENTRY_STATUS_LABELS, FLAG_LABELS, WRITE_OUTCOME_TEXT } from '../remarks/index.js';
import { RUN_OUTCOME_LABELS, RUN_REASON_LABELS } from '../scheduler/index.js';
import { DUTY_LABELS } from '../roster/index.js';
import { TASK_TITLES } from '../tasks/index.js';
import { RETURN_CONDITION_LABELS, RETURN_PURPOSE_LABELS, RETURN_STATE_LABELS } from '../returns/index.js';
import {
  KNOWLEDGE_CATEGORY_LABELS,
  ORDER_STAGE_LABELS,
  REVISION_ACTION_LABELS,
  SUGGESTION_KIND_LABELS,
  UNANSWERED_STATE_LABELS,
} from '../knowledge/index.js';
import { printingLabels } from '../printing/index.js';
import { TMC_WORDS } from '../sync/index.js';
import { CALL_OUTCOME_LABELS, REVIEW_STATE_LABELS } from '../reviews/index.js';
import { CONTACT_LABELS, EVENT_LABELS, MATCH_LABELS, PROFILE_FIELD_LABELS } from '../buyers/index.js';
import {
  ACCESS_LOG_HEADERS,
  ACCESS_OUTCOME_LABELS,
  DECRYPT_SCENE_LABELS,
  PRIVACY_WORDS,
  REVEAL_SCENES,
  revealScenesOf,
  REVEALED_FIELD_LABELS,
} from '../privacy/index.js';

export interface Labels {
  /** Message kind → name, in the order the messages page lists them (buyer kinds, then the staff notice). */
  messageKinds: Record<string, string>;
  /** The kinds the order page offers, in its order. */
  orderMessageKinds: string[];
  /** kuaidi100 company code → the courier's name (logistics/couriers.ts). */
  couriers: Record<string, string>;
  /** Hand-off task type → its name (tasks/task.ts). */
  taskTypes: Record<string, string>;
  /** Scheduled job name → its name for staff (operations/jobs-config.ts). */
  jobs: Record<string, string>;
  /** Platform trade status → its name (orders/order.ts), the one buyers' messages use too. */
  tradeStatuses: Record<string, string>;
  /** The order list's status filter, in its order: key, name, the statuses it covers (orders/order.ts). */
  orderStatusGroups: { key: string; label: string; statuses: string[] }[];
  /** Parcel state → its name (logistics/logistics-port.ts), the one buyers' messages use too. */
  parcelStates: Record<string, string>;
  /** A parcel's detail code (subState) → kuaidi100's name for it (logistics/kuaidi100/state-map.ts). */
  parcelSubStates: Record<string, string>;
  /** Kind of an open item on the handover → its name (handover/open-item.ts). */
  openItemKinds: Record<string, string>;
  /** Scheduled job → the name of each count its run records (operations/job-counts.ts). */
  jobCounts: Record<string, Record<string, string>>;
  /** A day's duty → its name: the two shifts and a day off (roster/roster.ts). */
  duties: Record<string, string>;
  /** Bank → its name, in the order the statement upload offers them (reconciliation/statement/bank-layouts.ts). */
  banks: Record<string, string>;
  /** The largest statement file the upload takes, in bytes: the form refuses a larger one before sending it. */
  statementMaxBytes: number;
  /** Staff role → its name (accounts/staff-account.ts). */
  roles: Record<string, string>;
  /** Status of a remark on an order's history → its name (remarks/remark-entry.ts). */
  entryStatuses: Record<string, string>;
  /** Outbound message state → its name, in the service's order (messaging/outbound/message.ts). */
  messageStates: Record<string, string>;
  /** Why a message was refused, stopped, deferred or held → the staff's words for it (messaging/reason-labels.ts). */
  messageReasons: Record<string, string>;
  /** Transfer order state → its name, in the order a transfer goes (reconciliation/transfers/transfer-types.ts). */
  transferStates: Record<string, string>;
  /** A job run's outcome → its name (scheduler/job.ts). */
  runOutcomes: Record<string, string>;
  /** Why a job ran (on schedule, caught up, by hand) → its name (scheduler/job.ts). */
  runReasons: Record<string, string>;
  /** A complaint's category → its name, in the order the form offers them (complaints/complaint.ts). */
  complaintCategories: Record<string, string>;
  /** How the buyer complained (旺旺, 电话…) → its name, in the form's order (complaints/complaint.ts). */
  complaintChannels: Record<string, string>;
  /** The buyer's satisfaction at the end → its name, best first (complaints/complaint.ts). */
  complaintSatisfaction: Record<string, string>;
  /** Where a complaint stands → its name, in the order it goes (complaints/complaint.ts). */
  complaintStages: Record<string, string>;
  /** A refund's state in the refund register → its name (ledger/refund-register.ts). */
  refundStates: Record<string, string>;
  /** What a login lockout keeps out → the admin's words for it (accounts/login-throttle.ts). */
  lockoutScopes: Record<string, string>;
  /** How a new transfer order is told apart in a statement → the keeper's words (transfers/transfer-types.ts). */
  transferIdentify: Record<string, string>;
  /** A seller flag (0–5; newer platforms add 6–10) → its name (remarks/catalogue/flags.ts). */
  flags: Record<string, string>;
  /** What a person is told when a remark write comes back, by its outcome (remarks/remark-entry.ts). */
  remarkWriteOutcomes: Record<string, string>;
  /** Where closing the unpaid trade after a remark stands (remarks/remark-entry.ts). */
  tradeCloseStates: Record<string, string>;
  /** Where a return stands (等买家寄回 … 已退回仓库 …), in the order it goes (returns/return-labels.ts). */
  returnStates: Record<string, string>;
  /** The warehouse's verdict on what came back (完好, 有损坏 …) (returns/return-labels.ts). */
  returnConditions: Record<string, string>;
  /** What the buyer wants for the return: the money or another item (returns/return-labels.ts). */
  returnPurposes: Record<string, string>;
  /** A forbidden phrase's category → its name, in the order the phrase form offers them (messaging compliance). */
  complianceCategories: Record<string, string>;
  /** A knowledge entry's category → its name, in the order the form offers them (knowledge/entry.ts). */
  knowledgeCategories: Record<string, string>;
  /** Where a question nobody could answer stands (待回答, 已回答) (knowledge/unanswered.ts). */
  unansweredStates: Record<string, string>;
  /** An order's stage as the suggested replies read it (未付款 … 已签收) (knowledge/suggest.ts). */
  orderStages: Record<string, string>;
  /** What a knowledge entry's revision did (新建, 修改, 删除) (knowledge/entry.ts). */
  knowledgeRevisions: Record<string, string>;
  /** Where a suggested reply comes from (知识库, 快捷短语) (knowledge/suggest.ts). */
  suggestionKinds: Record<string, string>;
  /** The message channel's words on an order page (sync/tmc-labels.ts): its details still being read. */
  tmc: Record<string, string>;
  /** 打单: why an order is held, where an order of a batch stands, the warnings, the unnamed courier (printing). */
  printing: ReturnType<typeof printingLabels>;
  /** A neutral/bad review's state (待联系 … 已放弃), in the order it goes (reviews/review-state.ts). */
  reviewStates: Record<string, string>;
  /** How a call to the buyer about a review went (已接通, 未接通, 拒绝沟通) (reviews/review-state.ts). */
  reviewCallOutcomes: Record<string, string>;
  /** Why a search found a buyer, in ranking order (buyers/buyer-labels.ts). */
  buyerMatches: Record<string, string>;
  /** How a buyer wants to be reached (仅电话 / 仅旺旺), as a profile keeps it (buyers/buyer-labels.ts). */
  contactPreferences: Record<string, string>;
  /** The kinds of line in a buyer's history (buyers/buyer-labels.ts). */
  buyerEvents: Record<string, string>;
  /** A buyer profile's fields (buyers/buyer-labels.ts). */
  buyerProfileFields: Record<string, string>;
  /**
   * Privacy (privacy/privacy-labels.ts): the platform's decrypt scenes by name, the ones a person may reveal a
   * receiver for (in the form's order), how a reveal went, the revealed fields, the access log's columns, the words.
   */
  privacy: {
    scenes: Record<string, string>;
    revealScenes: string[];
    /** The scenes each role that may reveal declares (the keeper has no 改地址): the form offers the viewer's. */
    revealScenesByRole: Record<string, string[]>;
    outcomes: Record<string, string>;
    fields: Record<string, string>;
    accessLogHeaders: string[];
    words: Record<string, string>;
  };
}

/** `jobs`: the config's jobs section, whose timed jobs (打印批次 12:00 …) are named with the rest. */
export function labels(jobs: JobsConfig = defaultJobsConfig()): Labels {
  return {
    messageKinds: messageKindLabels(),
    orderMessageKinds: [...ORDER_PAGE_KINDS],
    couriers: Object.fromEntries(COURIERS.map((c) => [c.code, c.name])),
    taskTypes: { ...TASK_TITLES },
    jobs: jobLabels(jobs),
    tradeStatuses: { ...TRADE_STATUS_LABELS },
    orderStatusGroups: ORDER_STATUS_GROUPS.map((g) => ({ ...g, statuses: [...g.statuses] })),
    parcelStates: { ...PARCEL_STATE_LABELS },
    parcelSubStates: subStateNames(),
    openItemKinds: { ...KIND_TEXT },
    jobCounts: Object.fromEntries(Object.entries(jobCountLabels(jobs)).map(([job, names]) => [job, { ...names }])),
    duties: { ...DUTY_LABELS },
    banks: { ...BANK_NAMES },
    statementMaxBytes: MAX_STATEMENT_BYTES,
    roles: { ...ROLE_LABELS },
    entryStatuses: { ...ENTRY_STATUS_LABELS },
    messageStates: { ...MESSAGE_STATE_LABELS },
    messageReasons: { ...MESSAGE_REASON_LABELS },
    transferStates: { ...TRANSFER_STATE_LABELS },
    runOutcomes: { ...RUN_OUTCOME_LABELS },
    runReasons: { ...RUN_REASON_LABELS },
    complaintCategories: { ...CATEGORY_TEXT },
    complaintChannels: { ...CHANNEL_TEXT },
    complaintSatisfaction: { ...SATISFACTION_TEXT },
    complaintStages: { ...STAGE_TEXT },
    refundStates: { ...REFUND_STATE_LABELS },
    lockoutScopes: { ...LOCKOUT_SCOPE_LABELS },
    transferIdentify: { ...TRANSFER_IDENTIFY_LABELS },
    flags: { ...FLAG_LABELS },
    remarkWriteOutcomes: { ...WRITE_OUTCOME_TEXT },
    tradeCloseStates: { ...CLOSE_STATE_LABELS },
    returnStates: { ...RETURN_STATE_LABELS },
    returnConditions: { ...RETURN_CONDITION_LABELS },
    returnPurposes: { ...RETURN_PURPOSE_LABELS },
    complianceCategories: { ...COMPLIANCE_CATEGORY_LABELS },
    knowledgeCategories: { ...KNOWLEDGE_CATEGORY_LABELS },
    unansweredStates: { ...UNANSWERED_STATE_LABELS },
    orderStages: { ...ORDER_STAGE_LABELS },
    knowledgeRevisions: { ...REVISION_ACTION_LABELS },
    suggestionKinds: { ...SUGGESTION_KIND_LABELS },
    tmc: { ...TMC_WORDS },
    printing: printingLabels(),
    reviewStates: { ...REVIEW_STATE_LABELS },
    reviewCallOutcomes: { ...CALL_OUTCOME_LABELS },
    buyerMatches: { ...MATCH_LABELS },
    contactPreferences: { ...CONTACT_LABELS },
    buyerEvents: { ...EVENT_LABELS },
    buyerProfileFields: { ...PROFILE_FIELD_LABELS },
    privacy: {
      scenes: { ...DECRYPT_SCENE_LABELS },
      revealScenes: [...REVEAL_SCENES],
      revealScenesByRole: Object.fromEntries(
        ROLES.filter((role) => may(role, 'order.receiver')).map((role) => [role, [...revealScenesOf(role)]]),
      ),
      outcomes: { ...ACCESS_OUTCOME_LABELS },
      fields: { ...REVEALED_FIELD_LABELS },
      accessLogHeaders: [...ACCESS_LOG_HEADERS],
      words: { ...PRIVACY_WORDS },
    },
  };
}

export function labelsRouter(jobs?: JobsConfig): Router {
  const r = Router();
  r.get('/', (_req, res) => {
    res.json(labels(jobs));
  });
  return r;
}
