/**
 * 打印 (打单): the day's print batches at the shop's times, one batch's orders by courier with what each one is
 * waiting for or warns about, one "已打印" for every order shown as to print, and the warehouse CSV. The service
 * decides which order is in which batch; the page lays it out in one column (it reads at 400 px) with the names
 * served by /api/labels.
 */
import { download, request } from '../api.js';
import { h, replace } from '../dom.js';
import { shanghaiTime, shanghaiToday } from '../format.js';
import {
  courierName,
  loadLabels,
  noCourierLabel,
  printHoldLabel,
  printStateLabel,
  printWarningLabel,
  remarkWriteOutcome,
} from '../labels.js';
import { errorBox, loading } from '../widgets.js';

const pathOf = (b) => `/api/print-batches/${b.date}/${b.time.replace(':', '')}`;
const countsText = (c) =>
  [
    `${printStateLabel('to_print')} ${c.to_print}`,
    `${printStateLabel('printed')} ${c.printed}`,
    c.held ? `${printStateLabel('held')} ${c.held}` : '',
    c.gone ? `${printStateLabel('gone')} ${c.gone}` : '',
  ]
    .filter(Boolean)
    .join('，');

export async function render({ view }) {
  await loadLabels();
  let date = shanghaiToday();
  let chosen = null;
  const picker = h('input', { id: 'print-date', type: 'date', name: 'date', value: date });
  const nextButton = h('button', { type: 'button', class: 'secondary' }, '下一批');
  const rules = h('p', { class: 'muted small', dataset: { testid: 'print-rules' } });
  const tabs = h('div', { class: 'search-form', dataset: { testid: 'print-batches' } });
  const status = h('div', { role: 'status', class: 'task-status', dataset: { testid: 'print-status' } });
  const body = h('div', { 'aria-live': 'polite', dataset: { testid: 'print-batch' } }, loading());
  picker.addEventListener('change', () => {
    if (!picker.value) return;
    date = picker.value;
    chosen = null;
    void loadDay();
  });
  nextButton.addEventListener('click', () => {
    chosen = 'next';
    void loadDay();
  });
  replace(
    view,
    h('h1', { tabindex: '-1' }, '打印'),
    rules,
    h('div', { class: 'search-form' }, h('label', { for: 'print-date' }, '日期'), picker, nextButton),
    tabs,
    status,
    body,
  );

  async function loadDay() {
    replace(body, loading());
    try {
      let day = await request('GET', '/api/print-batches', { query: { date } });
      if (chosen === 'next' && day.next.date !== date) {
        date = picker.value = day.next.date;
        day = await request('GET', '/api/print-batches', { query: { date } });
      }
      replace(rules, `打单时间 ${day.times.join('、')}（北京时间）；${day.cutoff} 以后付款的订单第二天发货。`);
      const time =
        day.batches.find((b) => b.time === chosen)?.time ??
        (day.next.date === date ? day.next.time : (day.batches[0]?.time ?? null));
      chosen = time;
      replace(
        tabs,
        day.batches.map((b) => {
          const tab = h(
            'button',
            {
              type: 'button',
              class: b.time === time ? null : 'secondary',
              'aria-pressed': String(b.time === time),
              dataset: { time: b.time },
            },
            `${b.time}（${printStateLabel('to_print')} ${b.counts.to_print}）`,
          );
          tab.addEventListener('click', () => {
            chosen = b.time;
            void loadDay();
          });
          return tab;
        }),
      );
      if (time) await loadBatch({ date, time });
    } catch (err) {
      replace(
        body,
        errorBox(err, () => void loadDay()),
      );
    }
  }

  async function loadBatch(key) {
    const b = await request('GET', pathOf(key));
    const orders = b.groups.flatMap((g) => g.orders);
    const toPrint = orders.filter((o) => o.state === 'to_print').map((o) => o.tid);
    const printed = h('button', { type: 'button', disabled: toPrint.length === 0 }, '已打印');
    printed.addEventListener('click', () => void markPrinted(b, toPrint, printed));
    const csv = h('button', { type: 'button', class: 'secondary' }, '下载 CSV');
    csv.addEventListener('click', async () => {
      csv.disabled = true;
      try {
        await download(`${pathOf(b)}/csv`, undefined, `打单-${b.date}-${b.time.replace(':', '')}.csv`);
      } catch (err) {
        replace(status, errorBox(err));
      } finally {
        csv.disabled = false;
      }
    });
    const when = b.builtAt
      ? `${shanghaiTime(b.builtAt)} 生成`
      : b.next
        ? '还没到时间：下面是现在付款、会进这一批的订单'
        : '这一批没有生成，订单进了下一批';
    replace(
      body,
      h(
        'p',
        { class: 'summary' },
        `${b.date} ${b.time} 批次${b.cutoff ? '（当天最后一批）' : ''}：${countsText(b.counts)}`,
      ),
      h('p', { class: 'muted small' }, when),
      b.counts.warnings ? h('p', { class: 'warning' }, `${b.counts.warnings} 单需要核对，见下方提醒`) : null,
      h('div', { class: 'form-actions' }, printed, csv),
      b.groups.length
        ? b.groups.map(group)
        : h('p', { class: 'muted', dataset: { testid: 'print-empty' } }, '这一批没有要打的订单'),
      b.held.length ? heldSection(b.held) : null,
    );
  }

  function group(g) {
    const name = g.courier ? courierName(g.courier) : noCourierLabel();
    return h(
      'section',
      { dataset: { testid: 'print-group', courier: g.courier } },
      h('h2', {}, `${name}（${g.orders.length} 单）`),
      h('ul', { class: 'task-list' }, g.orders.map(orderRow)),
    );
  }

  function orderRow(o) {
    return h(
      'li',
      { class: 'task', dataset: { tid: o.tid, state: o.state } },
      h(
        'div',
        { class: 'order-line' },
        h('a', { href: `#/orders/${o.tid}`, class: 'tid' }, o.tid),
        h('span', { class: o.state === 'to_print' ? 'badge' : 'badge tone-done' }, printStateLabel(o.state)),
      ),
      h(
        'ul',
        { class: 'plain-list small' },
        o.lines.map((l) => h('li', {}, [l.outerIid, l.colour, l.size, `×${l.num}`].filter(Boolean).join(' '))),
      ),
      o.holds.length ? h('p', { class: 'late small' }, o.holds.map(printHoldLabel).join('、')) : null,
      o.warnings.map((w) => h('p', { class: 'warning small', dataset: { warning: w } }, printWarningLabel(w))),
      o.sellerMemo ? h('p', { class: 'muted small memo-text' }, `备注：${o.sellerMemo}`) : null,
    );
  }

  function heldSection(held) {
    return h(
      'section',
      { dataset: { testid: 'print-held' } },
      h('h2', {}, `${printStateLabel('held')}（${held.length} 单）`),
      h('ul', { class: 'task-list' }, held.map(orderRow)),
    );
  }

  async function markPrinted(b, tids, button) {
    button.disabled = true;
    replace(status, h('p', {}, '正在写“已打单”备注…'));
    try {
      const { results } = await request('POST', `${pathOf(b)}/printed`, { body: { tids } });
      const written = results.filter((r) => ['written', 'pending', 'already_present'].includes(r.outcome));
      const skipped = results.filter((r) => !written.includes(r));
      replace(
        status,
        h('p', { dataset: { testid: 'print-result' } }, `已写入 ${written.length} 单，跳过 ${skipped.length} 单`),
        skipped.length
          ? h(
              'ul',
              { class: 'plain-list small' },
              skipped.map((r) => h('li', {}, `${r.tid}：${r.error ?? printStateLabel(r.outcome)}`)),
            )
          : null,
        written.some((r) => r.outcome === 'pending') ? h('p', { class: 'small' }, remarkWriteOutcome('pending')) : null,
      );
      await loadDay();
    } catch (err) {
      replace(status, errorBox(err));
      button.disabled = false;
    }
  }

  await loadDay();
}
