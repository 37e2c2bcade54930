/**
 * 消息's form for a message a job could not finish (待补充): one box per missing value, named by the template's label;
 * 填好并发送 renders, checks and queues it (POST /api/messages/:id/values; it goes out at once when due), 不发了 closes it
 * with an optional note (POST /api/messages/:id/dismiss). A refused value is shown under its own box.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { shanghaiTime } from '../format.js';
import { messageReasonLabel, messageStateLabel } from '../labels.js';
import { clearFieldErrors, fieldRow, setFieldError } from '../forms.js';
import { errorBox } from '../widgets.js';

/** What happened, in a sentence: where the filled message went, or why it did not go. */
function outcome(result) {
  const m = result.message;
  if (!result.queued) return `没有发送：${messageReasonLabel(m?.stateReason ?? result.detail ?? result.reason)}`;
  if (m.state === 'queued') return `已填好，计划 ${shanghaiTime(m.dueAt)} 发送`;
  return `已填好，${messageStateLabel(m.state)}`;
}

/** `done(sentence)` is called once the message has left 待补充 (filled or dismissed). */
export function fillForm(m, done) {
  const inputs = (m.missing ?? []).map((p) =>
    h('input', { id: `fill-${m.id}-${p.name}`, name: p.name, autocomplete: 'off', maxlength: '500' }),
  );
  const error = h('div', { role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '填好并发送');
  const note = h('input', {
    id: `dismiss-${m.id}-note`,
    name: 'note',
    autocomplete: 'off',
    maxlength: '200',
    placeholder: '不发的原因（可不填）',
    'aria-label': '不发的原因',
  });
  const dismiss = h('button', { type: 'button', class: 'secondary' }, '不发了');
  const form = h(
    'form',
    { class: 'task-form message-fill', novalidate: true, dataset: { testid: 'message-fill' } },
    (m.missing ?? []).map((p, i) => fieldRow({ label: p.label, control: inputs[i], required: true })),
    h('div', { class: 'order-line' }, submit),
    h('div', { class: 'order-line' }, note, dismiss),
    error,
  );

  const busy = (on) => {
    submit.disabled = on;
    dismiss.disabled = on;
  };
  const show = (err) => {
    const name = err?.field?.startsWith('values.') ? err.field.slice('values.'.length) : null;
    const input = inputs.find((i) => i.name === name);
    if (input) {
      setFieldError(input, err.message);
      input.focus();
    } else replace(error, errorBox(err));
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    replace(error);
    const values = Object.fromEntries(inputs.map((i) => [i.name, i.value.trim()]));
    const empty = inputs.find((i) => !i.value.trim());
    if (empty) {
      setFieldError(empty, '请填写这一项');
      empty.focus();
      return;
    }
    busy(true);
    try {
      done(outcome(await api.fillMessage(m.id, values)));
    } catch (err) {
      show(err);
      busy(false);
    }
  });
  dismiss.addEventListener('click', async () => {
    replace(error);
    busy(true);
    try {
      const r = await api.dismissMessage(m.id, note.value.trim());
      const by = r.message.closedBy?.displayName;
      done(`已关闭这条消息，不再发送${by ? `（${by}）` : ''}`);
    } catch (err) {
      show(err);
      busy(false);
    }
  });
  return form;
}
