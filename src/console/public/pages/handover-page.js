/**
 * 交接班: the handover report of a shift (the current one by default, any past one by date and
 * shift: #/handover?shift=day&date=…). First the counts per owner, then 超时 / 新增 / 本班已完成, every open
 * item collapsed under its owner with its actions (handover-items.js), 确认接班 (the first acknowledgement counts
 * and hands what is open to the next shift), the memo-hygiene summary, the diary and what the shift did.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { shanghaiTime } from '../format.js';
import { duties, dutyLabel, loadLabels, messageKindLabel } from '../labels.js';
import {
  carriedSection,
  highlightSections,
  memoSection,
  openMenus,
  ownerCounts,
  ownerGroups,
  reopenMenus,
} from './handover-items.js';
import { fieldRow, setFieldError } from '../forms.js';
import { hashWith } from '../router.js';
import { errorBox, loading } from '../widgets.js';
import { onLive, refreshWhenIdle, watchInput } from '../live.js';

/**
 * What the person opened stays open when the page is drawn again: the folds (closing one item keeps its group open)
 * and the items' 更多, except on the item just acted on. Taken when an action asks for the redraw (the page shows a
 * loading line meanwhile) and again from the page as it is when the new one replaces it, so a 更多 opened on a live
 * redraw that came in between is not closed by the action's.
 */
let kept = { folds: new Set(), menus: new Set() };
const foldId = (d) => d.id || d.dataset.testid;
const opened = (view, actedOn) => ({
  folds: new Set([...view.querySelectorAll('details[open]')].map(foldId).filter(Boolean)),
  menus: openMenus(view, actedOn),
});
const DATE = /^\d{4}-\d\d-\d\d$/;

/** The open items follow the service live: a change (an item opened, closed, handed over) draws the page again. */
export async function render(ctx) {
  watchInput(ctx.view);
  const stop = onLive('open-items', () => {
    void refreshWhenIdle(ctx.view, () => draw(ctx, true), '待处理事项有变化，点此刷新');
  });
  await draw(ctx);
  return stop;
}

/** `again`: a redraw of the report already shown: no loading line in between, and a failure keeps what is shown. */
async function draw(ctx, again = false) {
  const { view, query, navigate, session } = ctx;
  const asked = {
    // The service refuses a shift it does not know; anything else asks for the one running now.
    shift: ['day', 'night'].includes(query.get('shift')) ? query.get('shift') : undefined,
    date: DATE.test(query.get('date') ?? '') ? query.get('date') : undefined,
  };
  const heading = h('h1', { tabindex: '-1' }, '交接班');
  if (!again) replace(view, heading, loading());
  let report;
  let roster;
  try {
    // Without a shift the service picks the one running now (and its date).
    const wanted = { shift: asked.shift, date: asked.shift ? asked.date : undefined };
    [{ report }, roster] = await Promise.all([api.handover(wanted), api.roster(), loadLabels()]);
  } catch (err) {
    if (!again)
      replace(
        view,
        heading,
        errorBox(err, () => void draw(ctx)),
      );
    return;
  }
  const actor = {
    me: session.user.username,
    keeper: roster.roster.keeper,
    isAdmin: session.user.role === 'admin',
    staff: roster.staff,
    reload: (actedOn) => {
      kept = opened(view, actedOn);
      void draw(ctx);
    },
  };
  const go = (next) => navigate(hashWith('/handover', { shift: report.shift, date: report.date, ...next }));
  const shift = h(
    'select',
    { id: 'handover-shift', name: 'shift' },
    duties(true).map((k) => h('option', { value: k, selected: k === report.shift }, dutyLabel(k))),
  );
  const date = h('input', { id: 'handover-date', type: 'date', name: 'date', value: report.date });
  shift.addEventListener('change', () => go({ shift: shift.value }));
  date.addEventListener('change', () => date.value && go({ date: date.value }));

  const shown = opened(view);
  replace(
    view,
    heading,
    ownerCounts(report),
    h(
      'div',
      { class: 'search-form' },
      h('label', { for: 'handover-shift', class: 'visually-hidden' }, '班次'),
      shift,
      h('label', { for: 'handover-date', class: 'visually-hidden' }, '日期'),
      date,
      h('a', { href: '#/handover', class: 'button-link' }, '当前班次'),
    ),
    h(
      'p',
      { class: 'summary', dataset: { testid: 'handover-title' } },
      `${report.date} ${dutyLabel(report.shift)}（${shanghaiTime(report.window.start).slice(11)}–${shanghaiTime(report.window.end).slice(11)}）`,
      `，待处理 ${report.openCount} 项`,
      report.lateCount ? h('strong', { class: 'late' }, `，超时 ${report.lateCount} 项`) : null,
    ),
    h(
      'div',
      { class: 'detail-grid handover-grid' },
      report.carriedOver ? carriedSection(report.carriedOver, dutyLabel(report.carriedOver.shift)) : null,
      highlightSections(report, actor),
      ownerGroups(report, actor),
      ackSection(report, () => void draw(ctx)),
      memoSection(report),
      diarySection(report, () => void draw(ctx)),
      activitySection(report.activity),
    ),
  );
  for (const d of view.querySelectorAll('details'))
    if (kept.folds.has(foldId(d)) || shown.folds.has(foldId(d))) d.open = true;
  reopenMenus(view, new Set([...kept.menus, ...shown.menus]));
  kept = { folds: new Set(), menus: new Set() };
}

function ackSection(report, reload) {
  const ack = report.acknowledgement;
  const message = h('div', { role: 'status' });
  const button = h('button', { type: 'button', class: 'primary', dataset: { testid: 'handover-ack' } }, '确认接班');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api.handoverAck(report.shift, report.date);
      reload();
    } catch (err) {
      replace(message, errorBox(err));
      button.disabled = false;
    }
  });
  return h(
    'section',
    { class: ['card', 'wide'], dataset: { testid: 'handover-ack-card' } },
    h('h2', {}, '接班确认'),
    ack
      ? h(
          'p',
          { class: 'acknowledged', dataset: { testid: 'handover-acknowledged' } },
          `已由 ${ack.byName} 于 ${shanghaiTime(ack.at)} 确认接班`,
        )
      : h(
          'div',
          {},
          h(
            'p',
            { class: 'muted' },
            `接班同事看完下面的待处理事项后确认；确认前，这份交接会一直显示在下一班的最上面。`,
          ),
          button,
        ),
    message,
  );
}

function diarySection(report, reload) {
  const text = h('input', {
    id: 'diary-text',
    name: 'text',
    autocomplete: 'off',
    maxlength: '2000',
    placeholder: '如：买家 xx 下午会来问退款，已答应今天处理',
  });
  const submit = h('button', { type: 'submit', class: 'primary' }, '写入交班日记');
  async function onSubmit(event) {
    event.preventDefault();
    setFieldError(text, '');
    if (!text.value.trim()) return void (setFieldError(text, '请填写日记内容'), text.focus());
    submit.disabled = true;
    try {
      await api.handoverNote({ text: text.value.trim(), shift: report.shift, date: report.date });
      reload();
    } catch (err) {
      setFieldError(text, err.message);
      submit.disabled = false;
    }
  }
  return h(
    'section',
    { class: 'card', dataset: { testid: 'handover-diary' } },
    h('h2', {}, `交班日记（${report.diary.length}）`),
    report.diary.length
      ? h(
          'ul',
          { class: 'task-list' },
          report.diary.map((n) =>
            h(
              'li',
              { class: 'diary-note task' },
              h('p', { class: 'diary-text' }, n.text),
              h('p', { class: 'small muted' }, `${n.byName} · ${shanghaiTime(n.at)}`),
            ),
          ),
        )
      : h('p', { class: 'muted' }, '还没有日记'),
    h(
      'form',
      { class: 'task-form', novalidate: true, onsubmit: onSubmit },
      fieldRow({ label: '新日记', control: text }),
      submit,
    ),
  );
}

function activitySection(a) {
  const people = (rows) => (rows.length ? rows.map((r) => `${r.staffName} ${r.count}`).join('，') : '无');
  const messages = Object.entries(a.messages ?? {}).map(
    ([kind, n]) => `${messageKindLabel(kind)}：发 ${n.sent}，排队 ${n.queued}，失败 ${n.failed}`,
  );
  return h(
    'section',
    { class: 'card', dataset: { testid: 'handover-activity' } },
    h('h2', {}, '本班工作'),
    h(
      'dl',
      { class: 'facts' },
      [
        ['同步订单', `${a.ordersSynced} 单`],
        ['备注', people(a.remarksByStaff)],
        ['销售记录', people(a.salesByStaff)],
        ['汇款确认', `${a.transfersConfirmed} 笔`],
        ['新投诉', `${a.complaintsOpened} 件`],
        ['投诉结案', `${a.complaintsClosed} 件`],
        ['消息', messages.length ? messages.join('，') : '无'],
      ].map(([k, v]) => h('div', { class: 'fact' }, h('dt', {}, k), h('dd', {}, v))),
    ),
  );
}
