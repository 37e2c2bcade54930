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
import { fieldControl, fieldHint, resultView } from './remark-form.js';

/**
 * The remark that closes a task when the one it was handed to has done the work (面单地址已改 closes
 * 改面单), as the order's remark kinds name it now: the kind that closes this type and is not the
 * original staff's own (面单未找到 closes it too, from the other side). None: the task is closed by hand.
 */
const followUpOf = (task, kinds) =>
  kinds?.find((k) => k.closesTask === task.type && k.writer !== 'original_staff') ?? null;

export async function render({ view, session }) {
  const me = session.user.username;
  const status = h('div', { class: 'task-status', role: 'status', dataset: { testid: 'task-status' } });
  const mine = h('section', { class: 'card', dataset: { testid: 'my-tasks' } }, h('h2', {}, '交给我的任务'), loading());
  const handed = h(
    'section',
    { class: 'card', dataset: { testid: 'handed-tasks' } },
    h('h2', {}, '我交办的任务'),
    loading(),
  );
  const notes = h('section', { class: 'card', dataset: { testid: 'notifications' } }, h('h2', {}, '通知'), loading());
  replace(
    view,
    h('h1', { tabindex: '-1' }, '我的任务'),
    status,
    h('div', { class: 'detail-grid tasks-grid' }, mine, handed, notes),
  );

  async function load() {
    let data;
    let all;
    let kindsOf;
    try {
      // The task names (here and in the follow-up remark's result) come with the labels.
      [data, all] = await Promise.all([
        api.tasks({ assignee: 'me', state: 'open' }),
        api.tasks({ assignee: 'all', state: 'open' }),
        loadLabels(),
      ]);
      // Each order's remark kinds (the remark form's) say which remark closes its task and what it asks.
      const tids = [...new Set(data.tasks.map((t) => t.tid))];
      kindsOf = new Map(await Promise.all(tids.map(async (tid) => [tid, (await api.remarkKinds(tid)).kinds])));
    } catch (err) {
      replace(
        mine,
        h('h2', {}, '交给我的任务'),
        errorBox(err, () => void load()),
      );
      replace(handed);
      replace(notes);
      return;
    }
    const oldestFirst = [...data.tasks].sort((a, b) => b.ageMinutes - a.ageMinutes);
    replace(
      mine,
      h('h2', {}, `交给我的任务（${oldestFirst.length}）`),
      oldestFirst.length
        ? h(
            'ul',
            { class: 'task-list' },
            oldestFirst.map((t) => myTask(t, followUpOf(t, kindsOf.get(t.tid)))),
          )
        : h('p', { class: 'muted' }, '没有待办的任务'),
    );
    const mineHanded = all.tasks.filter((t) => t.openedBy === me && t.assignee !== me);
    replace(
      handed,
      h('h2', {}, `我交办的任务（${mineHanded.length}）`),
      mineHanded.length
        ? h('ul', { class: 'task-list' }, mineHanded.map(handedTask))
        : h('p', { class: 'muted' }, '没有等同事处理的任务'),
    );
    replace(
      notes,
      h('h2', {}, `通知（${data.notifications.length}）`),
      data.notifications.length
        ? h('ul', { class: 'task-list' }, data.notifications.map(notification))
        : h('p', { class: 'muted' }, '没有未读通知'),
    );
  }

  const orderLink = (tid) => h('a', { href: `#/orders/${tid}` }, `订单 ${tid}`);
  const head = (t) =>
    h(
      'div',
      { class: 'order-line' },
      h('strong', {}, taskTypeLabel(t.type)),
      orderLink(t.tid),
      h(
        'span',
        { class: ['badge', t.ageMinutes >= 120 ? 'tone-unpaid' : 'tone-to-ship'] },
        `已等 ${ageText(t.ageMinutes)}`,
      ),
    );

  function myTask(t, follow) {
    const fields = follow?.fields ?? [];
    const inputs = fields.map((f) => fieldControl(f, `task-${t.id}-${f.name}`));
    const error = h('p', { class: 'form-error', role: 'alert' });
    const button = h('button', { type: 'submit', class: 'primary' }, follow ? follow.title : '已处理，关闭任务');
    const note = follow
      ? null
      : h('input', { id: `task-${t.id}-note`, name: 'note', autocomplete: 'off', maxlength: '200' });
    async function onSubmit(event) {
      event.preventDefault();
      replace(error);
      for (const input of inputs) setFieldError(input, '');
      const missing = inputs.find((i, n) => fields[n].required && fields[n].type !== 'boolean' && !i.value.trim());
      if (missing) {
        setFieldError(missing, '请填写');
        missing.focus();
        return;
      }
      button.disabled = true;
      try {
        if (follow) {
          const values = Object.fromEntries(
            inputs
              .map((i, n) => [i.name, fields[n].type === 'boolean' ? i.checked : i.value.trim()])
              .filter(([, v]) => v !== ''),
          );
          const r = await api.writeRemark(t.tid, follow.id, values);
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
    return h(
      'li',
      { class: 'task', dataset: { taskId: t.id, type: t.type, tid: t.tid } },
      head(t),
      h('p', { class: 'muted small' }, `${t.openedByName} 交办于 ${shanghaiTime(t.openedAt)}`),
      h(
        'form',
        { class: 'task-form', novalidate: true, onsubmit: onSubmit },
        fields.map((f, i) =>
          fieldRow({ label: f.label, control: inputs[i], required: f.required, hint: fieldHint(f) }),
        ),
        note ? fieldRow({ label: '处理说明', control: note }) : null,
        follow
          ? h('p', { class: 'muted small' }, `会在订单上写备注「${follow.title}」并关闭任务，通知 ${t.openedByName}`)
          : null,
        error,
        button,
      ),
    );
  }

  const handedTask = (t) =>
    h(
      'li',
      { class: 'task', dataset: { taskId: t.id, type: t.type, tid: t.tid } },
      head(t),
      h('p', { class: 'muted small' }, `交给 ${t.assigneeName}，${shanghaiTime(t.openedAt)}`),
      t.type === 'fix_label' || t.type === 'cancel_waybill'
        ? h(
            'p',
            { class: 'small' },
            '同事处理不了（面单未找到）时，到',
            h(
              'a',
              {
                href: `#/orders/${t.tid}?kind=${t.type === 'fix_label' ? 'address.label_not_fixed' : 'cancel.waybill_not_revoked'}`,
              },
              '订单备注',
            ),
            '写跟进',
          )
        : null,
    );

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
    return h(
      'li',
      { class: 'notification', dataset: { id: n.id } },
      h('p', {}, n.message),
      h(
        'div',
        { class: 'order-line small muted' },
        h('time', { datetime: n.at }, shanghaiTime(n.at)),
        n.tid ? orderLink(n.tid) : null,
        n.link ? h('a', { href: n.link }, '查看') : null,
        button,
      ),
    );
  }

  await load();
}
