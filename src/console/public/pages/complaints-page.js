/**
 * 售后投诉: complaints with their two clocks (first response within 24 h, verification within 3
 * working days; late ones red), a form to record one, and the next step of each: 已回复 → 已核实 →
 * 已告知结果 → 满意度. #/complaints?state=open|closed|all.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { shanghaiTime } from '../format.js';
import { clearFieldErrors, fieldRow, setFieldError, showFormError } from '../forms.js';
import {
  complaintCategories,
  complaintCategoryLabel,
  complaintChannelLabel,
  complaintChannels,
  complaintSatisfaction,
  complaintSatisfactionLabel,
  complaintStageLabel,
  loadLabels,
} from '../labels.js';
import { hashWith } from '../router.js';
import { errorBox, loading } from '../widgets.js';

// Categories, channels, satisfaction levels and stage names come from GET /api/labels (labels.js); what
// stays here is the page's own: the step each stage offers and its button, and the list's filter (whose
// closed complaints are the service's closed stage).
const STEPS = {
  awaiting_response: { step: 'respond', action: '已回复买家' },
  awaiting_verification: { step: 'verify', action: '已核实' },
  awaiting_outcome: { step: 'outcome', action: '已告知买家处理结果' },
  awaiting_satisfaction: { step: 'satisfaction', action: '记录满意度' },
};
const FILTERS = ['open', 'closed', 'all'];
const filterLabel = (k) => (k === 'open' ? '处理中' : k === 'all' ? '全部' : complaintStageLabel('closed'));
const options = (names) => Object.entries(names).map(([k, v]) => h('option', { value: k }, v));

export async function render({ view, query, navigate }) {
  await loadLabels();
  const state = FILTERS.includes(query.get('state')) ? query.get('state') : 'open';
  const filter = h(
    'select',
    { id: 'complaint-filter', name: 'state' },
    FILTERS.map((k) => h('option', { value: k, selected: k === state }, filterLabel(k))),
  );
  filter.addEventListener('change', () => navigate(hashWith('/complaints', { state: filter.value })));
  const status = h('div', { role: 'status', class: 'task-status', dataset: { testid: 'complaint-status' } });
  const list = h('div', { 'aria-live': 'polite', dataset: { testid: 'complaint-list' } }, loading());
  replace(
    view,
    h('h1', { tabindex: '-1' }, '售后投诉'),
    status,
    h(
      'div',
      { class: 'detail-grid' },
      h(
        'section',
        { class: ['card', 'wide'] },
        h('h2', {}, '投诉'),
        h('div', { class: 'search-form' }, h('label', { for: 'complaint-filter' }, '显示'), filter),
        list,
      ),
      recordForm(async (c) => {
        replace(status, h('p', {}, `已记录 ${c.buyerNick} 的投诉，请在 ${shanghaiTime(c.respondBy)} 前首次回复`));
        await load();
      }),
    ),
  );

  async function load() {
    try {
      const { complaints } = await api.complaints({ state });
      const late = complaints.filter((c) => c.late).length;
      replace(
        list,
        h(
          'p',
          { class: 'summary' },
          complaints.length ? `共 ${complaints.length} 件` : '没有投诉',
          late ? h('strong', { class: 'late' }, `，${late} 件超时`) : null,
        ),
        complaints.length
          ? h(
              'ul',
              { class: 'task-list' },
              complaints.map((c) =>
                complaintRow(c, async (msg) => {
                  replace(status, h('p', {}, msg));
                  await load();
                }),
              ),
            )
          : null,
      );
    } catch (err) {
      replace(
        list,
        errorBox(err, () => void load()),
      );
    }
  }
  await load();
}

function clock(label, by, step, late) {
  const text = step ? `${label}：${shanghaiTime(step.at)} ${step.byName}` : `${label}期限 ${shanghaiTime(by)}`;
  return h(
    'span',
    { class: ['clock', late ? 'late' : null], dataset: { late: String(late) } },
    late ? `⚠ ${text}（超时）` : text,
  );
}

function complaintRow(c, done) {
  const stage = { label: complaintStageLabel(c.stage), ...STEPS[c.stage] };
  return h(
    'li',
    {
      class: ['task', 'complaint', c.late ? 'late-item' : null],
      dataset: { id: c.id, stage: c.stage, late: String(c.late) },
    },
    h(
      'div',
      { class: 'order-line' },
      h(
        'span',
        { class: ['badge', c.late ? 'tone-unpaid' : c.stage === 'closed' ? 'tone-done' : 'tone-to-ship'] },
        stage.label,
      ),
      h('strong', {}, c.buyerNick),
      h('span', {}, `${complaintCategoryLabel(c.category)} · ${complaintChannelLabel(c.channel)}`),
      c.tid ? h('a', { href: `#/orders/${c.tid}` }, `订单 ${c.tid}`) : null,
    ),
    h('p', { class: 'complaint-content' }, c.content),
    h(
      'div',
      { class: 'order-line small' },
      clock('首次回复', c.respondBy, c.response, c.responseLate),
      clock('核实', c.verifyBy, c.verification, c.verificationLate),
    ),
    h(
      'p',
      { class: 'small muted' },
      `${c.staffName} 记录于 ${shanghaiTime(c.openedAt)}`,
      c.outcome ? `；${shanghaiTime(c.outcome.at)} 已告知结果` : '',
      c.satisfaction ? `；满意度：${complaintSatisfactionLabel(c.satisfaction.level)}` : '',
    ),
    stage.step ? stepForm(c, stage, done) : null,
  );
}

function stepForm(c, stage, done) {
  const note = h('input', {
    id: `complaint-${c.id}-note`,
    name: 'note',
    autocomplete: 'off',
    maxlength: '1000',
    placeholder: '说明（可不填）',
  });
  const level =
    stage.step === 'satisfaction'
      ? h(
          'select',
          { id: `complaint-${c.id}-level`, name: 'level' },
          h('option', { value: '' }, '请选择'),
          options(complaintSatisfaction()),
        )
      : null;
  const submit = h('button', { type: 'submit', class: 'primary' }, stage.action);
  async function onSubmit(event) {
    event.preventDefault();
    clearFieldErrors(form);
    if (level && !level.value) return void (setFieldError(level, '请选择满意度'), level.focus());
    submit.disabled = true;
    try {
      await api.complaintStep(c.id, stage.step, { note: note.value.trim(), ...(level ? { level: level.value } : {}) });
      await done(`${c.buyerNick} 的投诉：${stage.action}`);
    } catch (err) {
      setFieldError(err.field === 'level' && level ? level : note, err.message);
      submit.disabled = false;
    }
  }
  const form = h(
    'form',
    { class: 'task-form', novalidate: true, onsubmit: onSubmit },
    level ? fieldRow({ label: '满意度', control: level, required: true }) : null,
    fieldRow({ label: '处理说明', control: note }),
    submit,
  );
  return form;
}

function recordForm(onRecorded) {
  const buyerNick = h('input', { id: 'complaint-buyer', name: 'buyerNick', autocomplete: 'off' });
  const tid = h('input', {
    id: 'complaint-tid',
    name: 'tid',
    inputmode: 'numeric',
    autocomplete: 'off',
    placeholder: '可不填',
  });
  const channel = h('select', { id: 'complaint-channel', name: 'channel' }, options(complaintChannels()));
  const category = h('select', { id: 'complaint-category', name: 'category' }, options(complaintCategories()));
  const content = h('input', { id: 'complaint-content', name: 'content', autocomplete: 'off', maxlength: '2000' });
  const controls = { buyerNick, tid, channel, category, content };
  const error = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '记录投诉');
  async function onSubmit(event) {
    event.preventDefault();
    clearFieldErrors(form);
    replace(error);
    if (!buyerNick.value.trim()) return void (setFieldError(buyerNick, '请填写买家昵称'), buyerNick.focus());
    if (!content.value.trim()) return void (setFieldError(content, '请填写投诉内容'), content.focus());
    submit.disabled = true;
    try {
      const { complaint } = await api.recordComplaint({
        buyerNick: buyerNick.value.trim(),
        tid: tid.value.trim() || null,
        channel: channel.value,
        category: category.value,
        content: content.value.trim(),
      });
      form.reset();
      await onRecorded(complaint);
    } catch (err) {
      showFormError(err, controls, error);
    } finally {
      submit.disabled = false;
    }
  }
  const form = h(
    'form',
    { class: 'task-form', novalidate: true, onsubmit: onSubmit, dataset: { testid: 'complaint-form' } },
    fieldRow({ label: '买家昵称', control: buyerNick, required: true }),
    fieldRow({ label: '订单号', control: tid }),
    fieldRow({ label: '投诉渠道', control: channel }),
    fieldRow({ label: '投诉类型', control: category }),
    fieldRow({ label: '投诉内容', control: content, required: true }),
    error,
    submit,
  );
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, '记录投诉'),
    h('p', { class: 'muted small' }, '24 小时内首次回复，3 个工作日内核实'),
    form,
  );
}
