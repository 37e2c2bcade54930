/**
 * What the console's 备注 actions need to draw one small form per kind: the catalogue kinds that
 * apply to an order's current state, each with its fields (Chinese label, required in this state,
 * type, enum options) and the flag it asks for. Built from the catalogue, so a kind added there
 * shows up in the console without a console change.
 */
import { ROLE_LABELS, type User } from '../accounts/index.js';
import {
  kindStates,
  REMARK_KINDS,
  STATE_LABELS,
  type RemarkForm,
  type RemarkKind,
  type RemarkOrderState,
} from './catalogue/index.js';
import type { TaskType } from '../tasks/index.js';

export type FieldType = 'text' | 'amount' | 'enum' | 'boolean' | 'colleague';

export interface KindField {
  name: string;
  label: string;
  type: FieldType;
  /** Required in this order state (some optional fields are needed by one state's text, e.g. 助理 on a printed order). */
  required: boolean;
  options?: { value: string; label: string }[];
  /** Colleague fields: the role of the person named. */
  role?: 'assistant' | 'keeper';
  /** The value used when the field is left empty, or the only value this state accepts. */
  default?: string | boolean;
}

export interface KindView {
  id: string;
  title: string;
  writer: RemarkKind['writer'];
  writerLabel: string;
  /** The flag this kind asks for in this state (null: none); the written flag never downgrades the order's. */
  flag: number | null;
  variants: string[];
  fields: KindField[];
  opensTask: TaskType | null;
  closesTask: TaskType | null;
  /** The platform's close reason when the entry also closes the unpaid trade (the form offers to leave it open). */
  closesTrade: string | null;
}

export interface RemarkKindsView {
  tid: string;
  state: RemarkOrderState;
  stateLabel: string;
  kinds: KindView[];
  /** Every catalogue kind's Chinese title, to name the entries of the memo and the history. */
  titles: Record<string, string>;
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  amount: '金额（元）',
  sku: '货号',
  waybill: '运单号',
  field: '修改项',
  value: '新内容',
  assistant: '助理',
  keeper: '上架人',
  reason: '原因',
  courierContact: '快递联系人',
  type: '退款类型',
  channel: '退款方式',
  account: '账号',
  realName: '实名',
  bankName: '银行',
  auction: '拍卖款',
  fromSku: '原货号',
  toSku: '新货号',
  via: '通知方式',
};
const OPTION_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  field: { address: '收件地址', receiver: '收件人', phone: '电话' },
  type: { discount: '折扣', postage: '邮费' },
  channel: { alipay: '支付宝', bank: '银行卡' },
};
/** A kind's writer is a role (its name from accounts), or the 客服 who handed the task over. */
const WRITER_LABELS: Readonly<Record<RemarkKind['writer'], string>> = {
  staff: ROLE_LABELS.staff,
  assistant: ROLE_LABELS.assistant,
  original_staff: `交办的${ROLE_LABELS.staff}`,
  keeper: ROLE_LABELS.keeper,
};
const COLLEAGUE_FIELDS = new Set(['assistant', 'keeper']);

/** zod 4 schema introspection, only as deep as the catalogue's schemas go. */
interface Schema {
  constructor: { name: string };
  shape?: Record<string, Schema>;
  in?: Schema;
  options?: unknown[];
  def?: { defaultValue?: unknown };
  unwrap?: () => Schema;
}

function objectShape(schema: Schema): Record<string, Schema> {
  if (schema.shape) return schema.shape;
  if (schema.in) return objectShape(schema.in);
  return {};
}

function describeField(name: string, schema: Schema, forms: readonly RemarkForm[]): KindField {
  let inner = schema;
  let optional = false;
  let fallback: unknown;
  while (inner.constructor.name === 'ZodOptional' || inner.constructor.name === 'ZodDefault') {
    optional = true;
    if (inner.constructor.name === 'ZodDefault') fallback = inner.def?.defaultValue;
    inner = inner.unwrap!();
  }
  const fixed = forms.map((f) => f.fixed?.[name]);
  const onlyValue = fixed.length > 0 && fixed.every((v) => v !== undefined && v === fixed[0]) ? fixed[0] : undefined;
  const neededByText = forms.length > 0 && forms.every((f) => f.template.includes(`{${name}}`));
  const field: KindField = {
    name,
    label: FIELD_LABELS[name] ?? name,
    type: 'text',
    required: !optional || (neededByText && fallback === undefined) || onlyValue !== undefined,
  };
  if (inner.constructor.name === 'ZodEnum') {
    field.type = 'enum';
    field.options = (inner.options as string[]).map((value) => ({
      value,
      label: OPTION_LABELS[name]?.[value] ?? value,
    }));
  } else if (name === 'amount') field.type = 'amount';
  else if (name === 'auction') field.type = 'boolean';
  else if (COLLEAGUE_FIELDS.has(name)) {
    field.type = 'colleague';
    field.role = name as 'assistant' | 'keeper';
  }
  const value = onlyValue ?? fallback;
  if (typeof value === 'string' || typeof value === 'boolean') field.default = value;
  return field;
}

function kindView(kind: RemarkKind, state: RemarkOrderState): KindView {
  const forms = kind.forms.filter((f) => f.states.includes(state));
  const first = forms[0]!;
  return {
    id: kind.id,
    title: kind.title,
    writer: kind.writer,
    writerLabel: WRITER_LABELS[kind.writer],
    flag: first.flag !== undefined ? first.flag : kind.flag,
    variants: [...new Set(forms.map((f) => f.variant))],
    fields: Object.entries(objectShape(kind.schema as unknown as Schema)).map(([name, s]) =>
      describeField(name, s, forms),
    ),
    opensTask: forms.find((f) => f.handoff?.opens)?.handoff?.opens?.type ?? null,
    closesTask: forms.find((f) => f.handoff?.closes)?.handoff?.closes?.type ?? null,
    closesTrade: forms.find((f) => f.closesTrade)?.closesTrade ?? null,
  };
}

/** The kinds `role` may write on an order in `state`, in the catalogue's order. */
export function kindsForState(state: RemarkOrderState, role: User['role']): KindView[] {
  const keeper = role === 'keeper' || role === 'admin';
  return REMARK_KINDS.filter((k) => kindStates(k).includes(state) && (k.writer !== 'keeper' || keeper)).map((k) =>
    kindView(k, state),
  );
}

export function remarkKindsView(stateOf: (tid: string) => RemarkOrderState, tid: string, user: User): RemarkKindsView {
  const state = stateOf(tid);
  const titles = Object.fromEntries(REMARK_KINDS.map((k) => [k.id, k.title]));
  return { tid, state, stateLabel: STATE_LABELS[state], kinds: kindsForState(state, user.role), titles };
}
