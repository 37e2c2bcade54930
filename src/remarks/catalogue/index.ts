/** Public entry of the remark catalogue (备注规范): the kinds as data, rendering, flags, register line. */
export { REMARK_KINDS, REMARK_KIND_IDS, getRemarkKind, kindStates } from './catalogue.js';
export { renderRemark } from './render.js';
export type { RenderRemarkInput } from './render.js';
export { mergeFlag, flagLabel, FLAG, DEFAULT_FLAG_LABELS } from './flags.js';
export { formatRegisterLine } from './register-line.js';
export type { RegisterLineInput } from './register-line.js';
export { yuanToFen } from './fields.js';
export { REMARK_ORDER_STATES, STATE_LABELS } from './types.js';
export type {
  BalanceDebit,
  Handoff,
  RefundRegisterEntry,
  RemarkForm,
  RemarkKind,
  RemarkOrderState,
  RemarkWriter,
  RenderedRemark,
} from './types.js';
