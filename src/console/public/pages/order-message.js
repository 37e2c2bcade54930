/**
 * 发送消息 on 订单详情: pick a message kind, see the exact text and when it would go out (a preview
 * that queues nothing), answer its prompts, then queue it through the send policy. The policy's
 * refusals are values shown in Chinese (买家已退订, 已发送过, 将在 09:00 发送...).
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { sendTimeText } from '../format.js';
import { messageKindLabel, messageReasonLabel, messageStateLabel, orderMessageKinds } from '../labels.js';
import { clearFieldErrors, fieldRow, setFieldError } from '../forms.js';
import { copyButton, errorBox } from '../widgets.js';

export function refusalText(refusal, missing = []) {
  if (!refusal) return '';
  if (refusal.reason === 'missing_values') return `请先填写：${missing.map((p) => p.label).join('、')}`;
  if (refusal.reason === 'state_changed') return `不需要发送：${messageReasonLabel(refusal.detail)}`;
  return messageReasonLabel(refusal.reason);
}

/** Quiet hours and send windows move a message later: say when it will go. */
const laterText = (sendAt) => (Date.parse(sendAt) > Date.now() + 60_000 ? `将在 ${sendTimeText(sendAt)} 发送` : '');

export function orderMessage(tid) {
  const kind = h(
    'select',
    { id: 'message-kind', name: 'kind' },
    h('option', { value: '' }, '选择消息类型'),
    orderMessageKinds().map((k) => h('option', { value: k }, messageKindLabel(k))),
  );
  const prompts = h('div', { class: 'message-prompts' });
  const preview = h(
    'div',
    { class: 'remark-preview', 'aria-live': 'polite', dataset: { testid: 'message-preview' } },
    h('p', { class: 'muted' }, '选择消息类型后显示预览'),
  );
  const result = h('div', { role: 'status', dataset: { testid: 'message-result' } });
  const submit = h('button', { type: 'submit', class: 'primary', disabled: true }, '加入发送队列');
  let inputs = [];
  let seq = 0;

  const values = () => Object.fromEntries(inputs.filter((i) => i.value.trim()).map((i) => [i.name, i.value.trim()]));

  async function refresh({ keepPrompts = false } = {}) {
    const mine = ++seq;
    replace(result);
    if (!kind.value) {
      submit.disabled = true;
      replace(prompts);
      replace(preview, h('p', { class: 'muted' }, '选择消息类型后显示预览'));
      return;
    }
    try {
      const p = await api.queueMessage({ kind: kind.value, tid, values: values(), preview: true });
      if (mine !== seq) return;
      if (!keepPrompts) {
        inputs = p.missingPrompts.map((m) =>
          h('input', { id: `message-v-${m.name}`, name: m.name, autocomplete: 'off', dataset: { label: m.label } }),
        );
        replace(
          prompts,
          p.missingPrompts.map((m, i) => fieldRow({ label: m.label, control: inputs[i], required: true })),
        );
      }
      const refusal = p.refusal && p.refusal.reason !== 'missing_values' ? refusalText(p.refusal) : '';
      replace(
        preview,
        h('p', { class: 'preview-label muted small' }, '将发送的内容'),
        h('p', { class: 'preview-entry message-text', dataset: { testid: 'message-text' } }, p.text),
        h(
          'p',
          { class: 'small' },
          p.channel === 'outbox' ? '发送方式：放入待发消息，由客服复制到聊天窗口' : '发送方式：短信',
        ),
        laterText(p.sendAt)
          ? h('p', { class: 'notice small', dataset: { testid: 'message-later' } }, laterText(p.sendAt))
          : null,
        refusal ? h('p', { class: 'form-error', dataset: { testid: 'message-refusal' } }, refusal) : null,
      );
      submit.disabled = !!refusal;
    } catch (err) {
      if (mine === seq) replace(preview, errorBox(err));
    }
  }

  async function onSubmit(event) {
    event.preventDefault();
    clearFieldErrors(form);
    const empty = inputs.find((i) => !i.value.trim());
    if (empty) return void (setFieldError(empty, `请填写${empty.dataset.label}`), empty.focus());
    submit.disabled = true;
    try {
      const r = await api.queueMessage({ kind: kind.value, tid, values: values() });
      replace(
        result,
        r.queued
          ? queuedView(r.message)
          : h('p', { class: 'form-error', dataset: { testid: 'message-refusal' } }, refusalText(r, r.missing ?? [])),
      );
    } catch (err) {
      const target = inputs.find((i) => err.field === `values.${i.name}`);
      if (target) setFieldError(target, err.message);
      else replace(result, errorBox(err));
    } finally {
      submit.disabled = false;
    }
  }

  kind.addEventListener('change', () => void refresh());
  const form = h(
    'form',
    { class: 'remark-form', novalidate: true, onsubmit: onSubmit },
    h('div', { class: 'field' }, h('label', { for: 'message-kind' }, '消息类型'), kind),
    prompts,
    preview,
    submit,
    result,
  );
  form.addEventListener('input', (e) => {
    if (e.target !== kind) void refresh({ keepPrompts: true });
  });
  return h(
    'section',
    { class: ['card', 'order-message'], dataset: { testid: 'order-message' } },
    h('h2', {}, '发送消息'),
    form,
  );
}

function queuedView(m) {
  const later = m.state === 'queued' ? laterText(m.dueAt) : '';
  return h(
    'div',
    { class: ['result', 'result-written'], dataset: { state: m.state } },
    h(
      'p',
      { class: 'result-status' },
      later ||
        (m.state === 'outbox'
          ? '已放入待发消息，请复制到聊天窗口发给买家'
          : `已加入发送队列：${messageStateLabel(m.state)}`),
    ),
    // An SMS that found no number to text (the decrypt quota spent, no decryptable phone): why it waits for 旺旺.
    m.state === 'outbox' && m.channel !== 'outbox' && m.stateReason
      ? h('p', { class: 'small', dataset: { testid: 'chat-queue-reason' } }, messageReasonLabel(m.stateReason))
      : null,
    m.state === 'outbox' ? copyButton(() => m.text, { testid: 'copy-message' }) : null,
    h('p', { class: 'small' }, h('a', { href: `#/messages?tid=${m.tid}` }, '在「消息」里查看')),
  );
}
