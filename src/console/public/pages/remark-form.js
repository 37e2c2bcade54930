/**
 * One remark kind as a small form: its fields, a live preview of the exact memo entry and the flag
 * (debounced dry runs of the same write), and the write itself. Enter submits. API errors show next
 * to the field they name; resultView draws the outcome (written / pending / already present).
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { fenToYuan, flagLabel } from '../format.js';
import { remarkWriteOutcome, taskTypeLabel, tradeCloseStateLabel } from '../labels.js';
import { clearFieldErrors, fieldRow, formFieldName, setFieldError } from '../forms.js';
import { flagMarker } from '../widgets.js';

const PREVIEW_DELAY_MS = 350;

/** The input for one of a kind's fields (also 我的任务's follow-up forms, which pass ids of their own). */
export function fieldControl(field, id = `rk-${field.name}`) {
  const base = { id, name: field.name };
  if (field.type === 'enum') {
    const needsChoice = field.default === undefined;
    return h(
      'select',
      base,
      needsChoice ? h('option', { value: '' }, field.required ? '请选择' : '（不填）') : null,
      field.options.map((o) => h('option', { value: o.value, selected: o.value === field.default }, o.label)),
    );
  }
  if (field.type === 'boolean') return h('input', { ...base, type: 'checkbox', checked: field.default === true });
  const attrs = { ...base, autocomplete: 'off', spellcheck: 'false' };
  if (field.type === 'amount') return h('input', { ...attrs, inputmode: 'decimal', placeholder: '元，如 5 或 8.5' });
  if (field.type === 'colleague') return h('input', { ...attrs, placeholder: '同事姓名或账号' });
  return h('input', { ...attrs, placeholder: typeof field.default === 'string' ? field.default : '' });
}

const HINTS = {
  colleague: (f) => (f.role === 'assistant' ? '负责改面单/撤单的仓库助理' : '负责上架的同事'),
  amount: () => '以元为单位，最多两位小数',
};
export const fieldHint = (field) => HINTS[field.type]?.(field);

/**
 * @param {{tid: string, kind: object, onWritten: (result) => void}} opts
 * @returns {HTMLElement}
 */
export function remarkForm({ tid, kind, onWritten }) {
  const controls = kind.fields.map((f) => ({ field: f, el: fieldControl(f) }));
  const preview = h('div', { class: 'remark-preview', 'aria-live': 'polite', dataset: { testid: 'remark-preview' } });
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '写入备注');
  // An unpaid order's 拍下后不要 / 拍下后无货: the trade is closed after the memo is written unless unticked.
  const closeBox = kind.closesTrade
    ? h('input', { type: 'checkbox', id: 'rk-close-trade', name: 'closeTrade', checked: true })
    : null;
  const closeOption = () => (closeBox ? { closeTrade: closeBox.checked } : {});
  let seq = 0;
  let timer = null;

  const values = () => {
    const out = {};
    for (const { field, el } of controls) {
      if (field.type === 'boolean') out[field.name] = el.checked;
      else if (el.value.trim() !== '') out[field.name] = el.value.trim();
    }
    return out;
  };
  const missing = () =>
    controls
      .filter(({ field, el }) => field.required && field.type !== 'boolean' && !el.value.trim())
      .map(({ field }) => field.label);

  function showError(err) {
    const name = formFieldName(err.field);
    const target = controls.find((c) => c.field.name === name)?.el;
    if (target) setFieldError(target, err.message);
    else replace(formError, err.message);
    return target;
  }

  async function refreshPreview() {
    const mine = ++seq;
    const lacking = missing();
    if (lacking.length) {
      replace(preview, h('p', { class: 'muted' }, `填写${lacking.join('、')}后显示备注预览`));
      return;
    }
    try {
      const r = await api.writeRemark(tid, kind.id, values(), { dryRun: true, ...closeOption() });
      if (mine !== seq) return;
      clearFieldErrors(form);
      replace(formError);
      replace(
        preview,
        h('p', { class: 'preview-label muted small' }, '将写入的备注'),
        h('p', { class: 'preview-entry', dataset: { testid: 'preview-entry' } }, r.entry),
        h('p', { class: 'preview-flag small' }, '写入后旗帜：', r.flag ? flagMarker(r.flag) : flagLabel(0)),
        r.task ? h('p', { class: 'small' }, `将交给 ${r.task.assigneeName} 处理：${taskTypeLabel(r.task.type)}`) : null,
        r.ledger ? h('p', { class: 'small' }, `扣除后余额 ${fenToYuan(r.ledger.remainingFen)} 元`) : null,
        r.refund ? h('p', { class: 'small' }, `退款登记：${r.refund.line}`) : null,
        r.close ? h('p', { class: 'small' }, `写入后关闭交易（关闭原因：${r.close.reason}）`) : null,
        closeBox && !r.close ? h('p', { class: 'small' }, '交易不会关闭') : null,
        r.status !== 'written' ? h('p', { class: 'notice small' }, '今天已写过这条备注，不会重复写入') : null,
      );
    } catch (err) {
      if (mine !== seq) return;
      clearFieldErrors(form);
      replace(formError);
      showError(err);
      replace(preview, h('p', { class: 'muted' }, '改正后显示备注预览'));
    }
  }

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refreshPreview(), PREVIEW_DELAY_MS);
  };

  async function onSubmit(event) {
    event.preventDefault();
    clearTimeout(timer);
    seq++;
    clearFieldErrors(form);
    replace(formError);
    const lacking = controls.find(({ field, el }) => field.required && field.type !== 'boolean' && !el.value.trim());
    if (lacking) {
      setFieldError(lacking.el, `请填写${lacking.field.label}`);
      lacking.el.focus();
      return;
    }
    submit.disabled = true;
    replace(submit, '正在写入…');
    try {
      // The caller shows the result: the write may change the order's state, and so this form.
      onWritten(await api.writeRemark(tid, kind.id, values(), closeOption()));
    } catch (err) {
      replace(preview, h('p', { class: 'muted' }, '改正后显示备注预览'));
      (showError(err) ?? submit).focus();
    } finally {
      submit.disabled = false;
      replace(submit, '写入备注');
    }
  }

  const form = h(
    'form',
    {
      class: 'remark-form',
      novalidate: true,
      onsubmit: onSubmit,
      oninput: schedule,
      onchange: schedule,
      dataset: { kind: kind.id },
    },
    h(
      'p',
      { class: 'muted small' },
      `由${kind.writerLabel}写`,
      kind.opensTask ? `；写入后交给同事：${taskTypeLabel(kind.opensTask)}` : '',
      kind.closesTask ? `；写入后关闭任务：${taskTypeLabel(kind.closesTask)}` : '',
    ),
    controls.map(({ field, el }) =>
      fieldRow({ label: field.label, control: el, required: field.required, hint: fieldHint(field) }),
    ),
    closeBox
      ? fieldRow({
          label: '同时关闭交易',
          control: closeBox,
          required: false,
          hint: `写入备注后在平台关闭这笔未付款交易，关闭原因：${kind.closesTrade}`,
        })
      : null,
    preview,
    formError,
    submit,
  );
  void refreshPreview();
  return form;
}

export function resultView(r) {
  return h(
    'div',
    { class: ['result', `result-${r.status}`], dataset: { status: r.status } },
    h('p', { class: 'result-status' }, remarkWriteOutcome(r.status)),
    h('p', { class: 'result-entry' }, r.entry),
    r.task
      ? h(
          'p',
          { class: 'small' },
          r.task.state === 'closed'
            ? `任务「${taskTypeLabel(r.task.type)}」已关闭，已通知 ${r.task.openedByName}`
            : `已交给 ${r.task.assigneeName} 处理：${taskTypeLabel(r.task.type)}`,
        )
      : null,
    r.refund ? h('p', { class: 'small' }, `已登记退款：${r.refund.line}`) : null,
    r.close ? closeLine(r.close) : null,
  );
}

/** Whether the trade was closed: the result of a write and each entry of the history show the same line. */
export function closeLine(close) {
  const why = close.state === 'closed' ? `关闭原因：${close.reason}` : close.error;
  return h(
    'p',
    { class: ['small', 'trade-close', `close-${close.state}`], dataset: { testid: 'trade-close', state: close.state } },
    tradeCloseStateLabel(close.state),
    why ? `（${why}）` : '',
  );
}
