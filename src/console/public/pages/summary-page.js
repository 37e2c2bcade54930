/**
 * 周报: the week's figures for the Monday meeting (complaints and their clocks, after-sales, reviews, transfers,
 * remarks per colleague, buyer messages, what is carried to next week) and the month's complaints by cause. The
 * week opens on last week, the one the meeting talks about; the service computes everything, the page only lays it
 * out (label/value lists, no wide tables, so it reads at 400 px) with the names served by /api/labels.
 */
import { request } from '../api.js';
import { h, replace } from '../dom.js';
import { fenToYuan, shanghaiToday } from '../format.js';
import {
  complaintCategoryLabel,
  complaintSatisfactionLabel,
  loadLabels,
  messageReasonLabel,
  messageStateLabel,
  openItemKindLabel,
} from '../labels.js';
import { errorBox, facts, loading } from '../widgets.js';

const pct = (n, of) => (of ? `${Math.round((n * 1000) / of) / 10}%` : '—');
const yuan = (fen) => `${fenToYuan(fen)} 元`;

export async function render({ view }) {
  await loadLabels();
  const weekPicker = h('input', { id: 'summary-week', type: 'week', name: 'week' });
  const monthPicker = h('input', {
    id: 'summary-month',
    type: 'month',
    name: 'month',
    value: shanghaiToday().slice(0, 7),
  });
  const week = h('div', { 'aria-live': 'polite', dataset: { testid: 'summary-week' } }, loading());
  const causes = h('div', { 'aria-live': 'polite', dataset: { testid: 'summary-causes' } }, loading());
  weekPicker.addEventListener('change', () => weekPicker.value && void loadWeek(weekPicker.value));
  monthPicker.addEventListener('change', () => monthPicker.value && void loadCauses(monthPicker.value));
  replace(
    view,
    h('h1', { tabindex: '-1' }, '周报'),
    h('p', { class: 'muted small' }, '周一例会用：按北京时间周一到周日统计，默认显示上周。'),
    h('div', { class: 'search-form' }, h('label', { for: 'summary-week' }, '哪一周'), weekPicker),
    week,
    h('h2', {}, '投诉原因分析（按月）'),
    h('div', { class: 'search-form' }, h('label', { for: 'summary-month' }, '月份'), monthPicker),
    causes,
  );

  async function loadWeek(value) {
    replace(week, loading());
    try {
      const s = await request('GET', '/api/summary/week', { query: value ? { week: value } : {} });
      weekPicker.value = s.week;
      replace(week, ...weekSections(s));
    } catch (err) {
      replace(
        week,
        errorBox(err, () => void loadWeek(value)),
      );
    }
  }

  async function loadCauses(month) {
    replace(causes, loading());
    try {
      replace(causes, causeList(await request('GET', '/api/summary/complaints', { query: { month } })));
    } catch (err) {
      replace(
        causes,
        errorBox(err, () => void loadCauses(month)),
      );
    }
  }

  void loadWeek('');
  void loadCauses(monthPicker.value);
}

function section(title, rows, extra = null) {
  return h(
    'section',
    { class: 'card', dataset: { testid: `summary-${title}` } },
    h('h2', {}, title),
    facts(rows),
    extra,
  );
}

function weekSections(s) {
  const c = s.complaints;
  const a = s.afterSales;
  const m = s.messages;
  const satisfaction = Object.entries(c.satisfaction)
    .map(([level, n]) => `${complaintSatisfactionLabel(level)} ${n}`)
    .join('，');
  return [
    h('p', { class: 'summary' }, `${s.week}：${s.from} 至 ${s.to}`),
    section('本周投诉', [
      ['新投诉', `${c.opened} 件`],
      ['24 小时内回复', `${c.answeredInTime} 件（${pct(c.answeredInTime, c.opened)}）`],
      ['超时回复 / 未回复', `${c.answeredLate} / ${c.unanswered} 件`],
      ['3 个工作日内核实', `${c.verifiedInTime} 件（${pct(c.verifiedInTime, c.opened)}）`],
      ['超时核实 / 未核实', `${c.verifiedLate} / ${c.unverified} 件`],
      ['回访满意度', satisfaction],
    ]),
    section('售后结果', [
      ['已告知处理结果', `${a.outcomesTold} 件`],
      ['登记退款', `${a.refunds.count} 笔，${yuan(a.refunds.amountFen)}`],
      ...a.refunds.byReason.map((r) => [`其中${r.reason}`, `${r.count} 笔，${yuan(r.amountFen)}`]),
      ['退款已打款', `${a.refundsPaid.count} 笔，${yuan(a.refundsPaid.amountFen)}`],
    ]),
    section('本周中差评', [
      ['收到差评 / 中评', `${s.reviews.received.bad} / ${s.reviews.received.neutral} 个`],
      ['已处理', `${s.reviews.worked} 个`],
      ['完成电话回访', `${s.reviews.callsDone} 个`],
      ['买家改为好评', `${s.reviews.changed} 个`],
    ]),
    section('汇款', [
      ['确认到账', `${s.transfers.confirmed} 笔，${yuan(s.transfers.confirmedFen)}`],
      ['三天未到账、退回跟进', `${s.transfers.chased} 笔`],
      ['本周跟进完', `${s.transfers.chasesClosed} 笔`],
    ]),
    section(
      '备注',
      [['共写备注', `${s.remarks.total} 条`]],
      s.remarks.byStaff.length
        ? h(
            'ul',
            { class: 'task-list', dataset: { testid: 'summary-remarks' } },
            s.remarks.byStaff.map((p) =>
              h(
                'li',
                { class: 'task' },
                h('strong', {}, `${p.staff}：${p.total} 条`),
                h('p', { class: 'small muted' }, p.kinds.map((k) => `${k.title} ${k.count}`).join('，')),
              ),
            ),
          )
        : h('p', { class: 'muted' }, '本周没有备注'),
    ),
    section('发给买家的消息', [
      [messageStateLabel('sent'), `${m.sent} 条`],
      ['延后发出', `${m.deferred} 条`],
      ['被规则拦下', `${m.refused} 条`],
      ...m.refusedReasons.map((r) => [`· ${messageReasonLabel(r.reason)}`, `${r.count} 条`]),
      [messageStateLabel('failed'), `${m.failed} 条`],
      [messageStateLabel('dropped'), `${m.dropped} 条`],
    ]),
    section(
      '带到下周的待办',
      s.carried.from
        ? [
            ['最后一次交接', `${s.carried.from.date} ${s.carried.from.shiftName ?? ''}`],
            ['未完成', `${s.carried.total} 项，其中超时 ${s.carried.late} 项`],
            ...s.carried.byKind.map((k) => [`· ${openItemKindLabel(k.kind)}`, `${k.count} 项`]),
          ]
        : [['最后一次交接', '本周没有交接班记录']],
    ),
  ];
}

function causeList(a) {
  if (!a.total) return h('p', { class: 'muted' }, `${a.month} 没有投诉`);
  return h(
    'div',
    {},
    h('p', { class: 'summary' }, `${a.month} 共 ${a.total} 件投诉`),
    h(
      'ul',
      { class: 'task-list', dataset: { testid: 'summary-cause-list' } },
      a.causes
        .filter((l) => l.count > 0)
        .map((l) =>
          h(
            'li',
            { class: 'task', dataset: { category: l.category } },
            h('strong', {}, `${complaintCategoryLabel(l.category)}：${l.count} 件（${l.sharePct}%）`),
            h(
              'p',
              { class: 'small muted' },
              `24 小时内回复 ${l.answeredInTime}，3 个工作日内核实 ${l.verifiedInTime}，超时 ${l.late}；` +
                `满意 ${l.satisfied}，一般 ${l.neutral}，不满意 ${l.unsatisfied}`,
            ),
          ),
        ),
    ),
  );
}
