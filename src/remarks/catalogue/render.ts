/**
 * Renders one catalogue entry exactly as the handbook prescribes. Pure: the caller passes the
 * logged-in writer, the instant, the order's remark state and (for balance kinds) the ledger balance;
 * the variant is picked here, never by the caller. Every bad input throws a ValidationError naming
 * the field, so nothing is written.
 */
import { ValidationError } from '../../shared/errors.js';
import { formatYuan } from '../../shared/money.js';
import { formatShanghaiDate } from '../../shared/time.js';
import { getRemarkKind, kindStates, REMARK_KIND_IDS } from './catalogue.js';
import { REFUND_TYPE_LABEL } from './fields.js';
import { formatRegisterLine } from './register-line.js';
import { fieldLabel, validateFields } from './validate-fields.js';
import {
  type Handoff,
  type RemarkForm,
  type RemarkKind,
  type RemarkOrderState,
  type RenderedRemark,
  REMARK_ORDER_STATES,
  STATE_LABELS,
} from './types.js';

export interface RenderRemarkInput {
  kind: string;
  fields: Record<string, unknown>;
  state: RemarkOrderState;
  /** Display name of the logged-in writer; never taken from the request body. */
  staff: string;
  /** Epoch ms of the write. */
  at: number;
  dateFormat?: string;
  /** Current ledger balance (fen) for balance kinds. */
  balanceFen?: number;
  /** Buyer nick, to produce the refund register line. */
  buyerNick?: string;
}

export const MONEY_PLACEHOLDERS: ReadonlySet<string> = new Set(['amount', 'remaining']);
const PLACEHOLDER = /\{(\w+)\}/g;

export function renderRemark(input: RenderRemarkInput): RenderedRemark {
  const kind = getRemarkKind(input.kind);
  if (!kind)
    throw new ValidationError({
      message: '没有这种备注类型，请刷新页面后重新选择',
      code: 'unknown_kind',
      field: 'kind',
      params: { kind: String(input.kind ?? ''), known: [...REMARK_KIND_IDS] },
    });
  if (!REMARK_ORDER_STATES.includes(input.state))
    throw new ValidationError({
      message: '订单状态不明，无法写备注',
      code: 'unknown_state',
      field: 'state',
      params: { state: String(input.state) },
    });
  const staff = checkStaff(input.staff);
  if (!Number.isFinite(input.at))
    throw new ValidationError({
      message: '缺少写备注的时间',
      code: 'time_missing',
      field: 'at',
      detail: 'the time of the write is missing',
    });
  const fields = validateFields(kind, input.fields);
  refuseStateWithoutForms(kind, input.state);

  const values: Record<string, unknown> = {
    ...fields,
    staff,
    date: formatShanghaiDate(input.at, input.dateFormat ?? 'MM.DD'),
  };
  let ledger: RenderedRemark['ledger'];
  if (kind.ledger === 'balance_debit') {
    ledger = debit(fields.amount as number, input.balanceFen);
    values.remaining = ledger.remainingFen;
  }

  const form = pickForm(kind, input.state, values);
  const rendered: RenderedRemark = {
    kind: kind.id,
    variant: form.variant,
    text: fill(form.template, values),
    flag: form.flag !== undefined ? form.flag : kind.flag,
    writer: kind.writer,
    fields,
    handoff: handoffOf(form, fields, staff),
  };
  if (ledger) rendered.ledger = ledger;
  if (form.closesTrade) rendered.closesTrade = form.closesTrade;
  if (kind.ledger === 'refund_register') addRefund(rendered, staff, input.buyerNick);
  return rendered;
}

function checkStaff(staff: unknown): string {
  const s = typeof staff === 'string' ? staff.trim() : '';
  if (!s || /[+/；;,，\s()（）]/.test(s)) {
    throw new ValidationError({
      message: '登录人姓名为空或包含 + / ； , 空格或括号，不能写入备注，请管理员修改账号姓名',
      code: 'staff_name_unusable',
      field: 'staff',
      params: { staff: s },
    });
  }
  return s;
}

function refuseStateWithoutForms(kind: RemarkKind, state: RemarkOrderState): void {
  if (kindStates(kind).includes(state)) return;
  throw refusal(kind, state);
}

function refusal(kind: RemarkKind, state: RemarkOrderState): ValidationError {
  const specific = kind.refusals?.[state];
  const params = { kind: kind.id, state, allowed: kindStates(kind) };
  if (specific)
    return new ValidationError({ message: specific.message, code: 'not_applicable', field: specific.field, params });
  const allowed = kindStates(kind)
    .map((s) => STATE_LABELS[s])
    .join('、');
  return new ValidationError({
    message: `“${kind.title}”不适用于${STATE_LABELS[state]}订单，只适用于: ${allowed}`,
    code: 'not_applicable',
    field: 'state',
    params,
    detail: `kind ${kind.id} does not apply to a ${state} order`,
  });
}

function debit(amountFen: number, balanceFen: number | undefined): NonNullable<RenderedRemark['ledger']> {
  if (balanceFen === undefined || !Number.isSafeInteger(balanceFen) || balanceFen < 0) {
    throw new ValidationError({
      message: '余额类备注需要账本中的当前余额',
      code: 'balance_missing',
      field: 'balanceFen',
      detail: 'balance kinds need the ledger balance in fen',
    });
  }
  if (amountFen > balanceFen) {
    throw new ValidationError({
      message: `扣除金额${formatYuan(amountFen)}元超过买家余额${formatYuan(balanceFen)}元`,
      code: 'exceeds_balance',
      field: 'fields.amount',
      params: { amount: formatYuan(amountFen), balance: formatYuan(balanceFen) },
    });
  }
  return { type: 'balance_debit', amountFen, balanceBeforeFen: balanceFen, remainingFen: balanceFen - amountFen };
}

function pickForm(kind: RemarkKind, state: RemarkOrderState, values: Record<string, unknown>): RemarkForm {
  const form = kind.forms.find(
    (f) =>
      f.states.includes(state) &&
      Object.entries(f.fixed ?? {}).every(([k, v]) => values[k] === v) &&
      (f.needs ?? []).every((k) => values[k] !== undefined),
  );
  if (!form) throw refusal(kind, state);
  return form;
}

function fill(template: string, values: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const v = values[name];
    if (v === undefined)
      throw new ValidationError({
        message: `这个订单状态下需要填写${fieldLabel(name)}`,
        code: 'field_required',
        field: `fields.${name}`,
        params: { name },
      });
    return MONEY_PLACEHOLDERS.has(name) ? formatYuan(v as number) : String(v);
  });
}

function handoffOf(form: RemarkForm, fields: Record<string, unknown>, staff: string): Handoff | null {
  if (!form.handoff) return null;
  const handoff: Handoff = {};
  const { opens, closes } = form.handoff;
  if (opens)
    handoff.opens = { type: opens.type, assignee: opens.assignee === 'writer' ? staff : String(fields.assistant) };
  if (closes) handoff.closes = { type: closes.type };
  return handoff;
}

function addRefund(rendered: RenderedRemark, staff: string, buyerNick: string | undefined): void {
  const f = rendered.fields as {
    sku: string;
    type: 'discount' | 'postage';
    amount: number;
    channel: 'alipay' | 'bank';
    account: string;
    realName: string;
    bankName?: string;
  };
  rendered.refund = {
    reason: REFUND_TYPE_LABEL[f.type],
    amountFen: f.amount,
    channel: f.channel,
    account: f.account,
    realName: f.realName,
    sku: f.sku,
    staff,
    ...(f.bankName ? { bankName: f.bankName } : {}),
  };
  if (buyerNick?.trim()) rendered.registerLine = formatRegisterLine({ ...rendered.refund, buyerNick });
}
