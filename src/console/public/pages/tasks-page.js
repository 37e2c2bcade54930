/**
 * 我的任务: hand-off tasks assigned to me, oldest first with their age; each is closed by writing its
 * follow-up remark on the order (谁处理，谁备注), e.g. 面单地址已改 closes 改面单. Below: the tasks I
 * handed to colleagues that are still open, and the notifications of the ones they finished.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { ageText, shanghaiTime } from '../format.js';
import { fieldRow, formFieldName, setFieldError } from '../forms.js';
import { loadLabels, taskTypeLabel } from '../labels.js';
import { errorBox, loading } from '../widgets.js';
import { resultView } from './remark-form.js';

/** The follow-up remark that closes each kind of task when the assignee has done the work. */
const FOLLOW_UPS = {
  fix_label: { kind: 'address.label_fixed', label: '面单地址已改', fields: [] },
  cancel_waybill: { kind: 'cancel.waybill_revoked', label: '单已撤，可以退款', fields: [{ name: 'keeper', label: '上架人', hint: '负责上架的同事姓名或账号' }] },
};

export async function render({ view, session }) {
  const me = session.user.username;
  const status = h('div', { class: 'task-status', role: 'status', dataset: { testid: 'task-status' } });
  const mine = h('section', { class: 'card', dataset: { testid: 'my-tasks' } }, h('h2', {}, '交给我的任务'), loading());
  const handed = h('section', { class: 'card', dataset: { testid: 'handed-tasks' } }, h('h2', {}, '我交办的任务'), loading());
  const notes = h('section', { class: 'card', dataset: { testid: 'notifications' } }, h('h2', {}, '通知'), loading());
  replace(view, h('h1', { tabindex: '-1' }, '我的任务'), status, h('div', { class: 'detail-grid tasks-grid' }, mine, handed, notes));

  async function load() {
    let data;
    let all;
    try {
      // The task names (here and in the follow-up remark's result) come with the labels.
      [data, all] = await Promise.all([api.tasks({ assignee: 'me', state: 'open' }), api.tasks({ assignee: 'all', state: 'open' }), loadLabels()]);
    } catch (err) {
      replace(mine, h('h2', {}, '交给我的任务'), errorBox(err, () => void load()));
      replace(handed);
      replace(notes);
      return;
    }
    const oldestFirst = [...data.tasks].sort((a, b) => b.ageMinutes - a.ageMinutes);
    replace(mine, h('h2', {}, `交给我的任务（${oldestFirst.length}）`),
      oldestFirst.length ? h('ul', { class: 'task-list' }, oldestFirst.map(myTask)) : h('p', { class: 'muted' }, '没有待办的任务'));
    const mineHanded = all.tasks.filter((t) => t.openedBy === me && t.assignee !== me);
    replace(handed, h('h2', {}, `我交办的任务（${mineHanded.length}）`),
      mineHanded.length ? h('ul', { class: 'task-list' }, mineHanded.map(handedTask)) : h('p', { class: 'muted' }, '没有等同事处理的任务'));
    replace(notes, h('h2', {}, `通知（${data.notifications.length}）`),
      data.notifications.length ? h('ul', { class: 'task-list' }, data.notifications.map(notification)) : h('p', { class: 'muted' }, '没有未读通知'));
  }

  const orderLink = (tid) => h('a', { href: `#/orders/${tid}` }, `订单 ${tid}`);
  const head = (t) => h('div', { class: 'order-line' },
    h('strong', {}, taskTypeLabel(t.type)), orderLink(t.tid),
    h('span', { class: ['badge', t.ageMinutes >= 120 ? 'tone-unpaid' : 'tone-to-ship'] }, `已等 ${ageText(t.ageMinutes)}`));

  function myTask(t) {
    const follow = FOLLOW_UPS[t.type];
    const inputs = (follow?.fields ?? []).map((f) => h('input', { id: `task-${t.id}-${f.name}`, name: f.name, autocomplete: 'off' }));
    const error = h('p', { class: 'form-error', role: 'alert' });
    const button = h('button', { type: 'submit', class: 'primary' }, follow ? follow.label : '已处理，关闭任务');
    const note = follow ? null : h('input', { id: `task-${t.id}-note`, name: 'note', autocomplete: 'off', maxlength: '200' });
    async function onSubmit(event) {
      event.preventDefault();
      replace(error);
      for (const input of inputs) setFieldError(input, '');
      const missing = inputs.find((i) => !i.value.trim());
      if (missing) {
        setFieldError(missing, '请填写');
        missing.focus();
        return;
      }
      button.disabled = true;
      try {
        if (follow) {
          const fields = Object.fromEntries(inputs.map((i) => [i.name, i.value.trim()]));
          const r = await api.writeRemark(t.tid, follow.kind, fields);
          replace(status, resultView(r), h('p', { class: 'small' }, orderLink(t.tid)));
        } else {
          await api.closeTask(t.id, note.value.trim());
          replace(status, h('p', {}, `任务已关闭：${taskTypeLabel(t.type)}，`, orderLink(t.tid)));
        }
        await load();
        status.focus?.();
      } catch (err) {
        const target = inputs.find((i) => i.name === formFieldName(err.field));
        if (target) setFieldError(target, err.message);
        else replace(error, err.message);
        button.disabled = false;
      }
    }
    return h('li', { class: 'task', dataset: { taskId: t.id, type: t.type, tid: t.tid } },
      head(t),
      h('p', { class: 'muted small' }, `${t.openedByName} 交办于 ${shanghaiTime(t.openedAt)}`),
      h('form', { class: 'task-form', novalidate: true, onsubmit: onSubmit },
        (follow?.fields ?? []).map((f, i) => fieldRow({ label: f.label, control: inputs[i], hint: f.hint, required: true })),
        note ? fieldRow({ label: '处理说明', control: note }) : null,
        follow ? h('p', { class: 'muted small' }, `会在订单上写备注「${follow.label}」并关闭任务，通知 ${t.openedByName}`) : null,
        error, button));
  }

  const handedTask = (t) =>
    h('li', { class: 'task', dataset: { taskId: t.id, type: t.type, tid: t.tid } },
      head(t),
      h('p', { class: 'muted small' }, `交给 ${t.assigneeName}，${shanghaiTime(t.openedAt)}`),
      t.type === 'fix_label' || t.type === 'cancel_waybill'
        ? h('p', { class: 'small' }, '同事处理不了（面单未找到）时，到', h('a', { href: `#/orders/${t.tid}?kind=${t.type === 'fix_label' ? 'address.label_not_fixed' : 'cancel.waybill_not_revoked'}` }, '订单备注'), '写跟进')
        : null);

  function notification(n) {
    const button = h('button', { type: 'button', class: 'secondary' }, '知道了');
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await api.markRead(n.id);
        await load();
      } catch (err) {
        replace(status, errorBox(err));
        button.disabled = false;
      }
    });
    return h('li', { class: 'notification', dataset: { id: n.id } },
      h('p', {}, n.message), h('div', { class: 'order-line small muted' }, h('time', { datetime: n.at }, shanghaiTime(n.at)), orderLink(n.tid), button));
  }

  await load();
}
