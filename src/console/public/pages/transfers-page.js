/**
 * 汇款: staff create transfer orders and record buyers' claims; the keeper (and admin) uploads bank
 * statements, confirms the credits waiting for a person, ships paid orders and downloads the day's
 * register. #/transfers?state=…&date=… keeps the filter and the day.
 */
import { api, download } from '../api.js';
import { h, replace } from '../dom.js';
import { fenToYuan, shanghaiTime, shanghaiToday } from '../format.js';
import { loadLabels, transferStateLabel, transferStates } from '../labels.js';
import { hashWith } from '../router.js';
import { may } from '../session.js';
import { errorBox, loading } from '../widgets.js';
import { createdView, transferCreateForm } from './transfer-create-form.js';
import { transferList } from './transfer-list.js';
import { matchQueue, statementUpload } from './transfer-statement.js';

const DATE = /^\d{4}-\d\d-\d\d$/;

export async function render({ view, query, navigate, session }) {
  // What the role table lets this person do (the session's `can`), not a list of roles kept here.
  const keeper = may('POST /api/transfers/statements', session);
  await loadLabels();
  // The filter offers the states the service names, in the order a transfer goes through them.
  const STATES = transferStates();
  const state = STATES.includes(query.get('state')) ? query.get('state') : '';
  const date = DATE.test(query.get('date') ?? '') ? query.get('date') : shanghaiToday();
  const go = (next) => navigate(hashWith('/transfers', { state, date: query.get('date') ?? undefined, ...next }));

  const list = transferList({ keeper, canCancel: may('POST /api/transfers/:id/cancel', session), state });
  const created = h('div', { role: 'status' });
  const filter = h(
    'select',
    { id: 'transfer-state', name: 'state' },
    h('option', { value: '' }, '全部状态'),
    STATES.map((s) => h('option', { value: s, selected: s === state }, transferStateLabel(s))),
  );
  filter.addEventListener('change', () => go({ state: filter.value }));
  const daily = keeper ? dailySection(date, (d) => go({ date: d })) : null;
  const queue = keeper
    ? matchQueue(async () => {
        await list.reload();
        await daily?.reload();
      })
    : null;

  replace(
    view,
    h('h1', { tabindex: '-1' }, '汇款'),
    h(
      'div',
      { class: 'detail-grid' },
      keeper
        ? statementUpload(async () => {
            await Promise.all([queue.reload(), list.reload(), daily.reload()]);
          })
        : null,
      h(
        'section',
        { class: 'card' },
        h('h2', {}, '新建汇款订单'),
        transferCreateForm(async (t) => {
          replace(created, createdView(t));
          await list.reload();
        }),
        created,
      ),
      queue?.section,
      h(
        'section',
        { class: ['card', 'wide'] },
        h('h2', {}, '汇款订单'),
        h('div', { class: 'search-form' }, h('label', { for: 'transfer-state' }, '状态'), filter),
        list.element,
      ),
      daily?.section,
    ),
  );
}

/** The keeper's day: paid orders waiting for a waybill, what shipped, and the register download. */
function dailySection(date, onDate) {
  const picker = h('input', { id: 'transfer-date', type: 'date', name: 'date', value: date });
  picker.addEventListener('change', () => picker.value && onDate(picker.value));
  const message = h('div', { role: 'status' });
  const body = h('div', { 'aria-live': 'polite', dataset: { testid: 'transfer-daily' } }, loading());
  const exportButton = (format) =>
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: async () => {
          replace(message);
          try {
            await download('/api/transfers/register', { date, format }, `汇款登记-${date}.${format}`);
          } catch (err) {
            replace(message, errorBox(err));
          }
        },
      },
      `下载登记簿 ${format.toUpperCase()}`,
    );
  const line = (t) =>
    h(
      'li',
      { class: 'task' },
      `${t.id} · ${t.buyerNick} · ¥${fenToYuan(t.amountDueFen)}`,
      t.waybill ? ` · ${t.waybill}` : '',
      ` · ${t.address}`,
    );
  async function reload() {
    try {
      const [ship, register] = await Promise.all([api.shippingList(date), api.transferRegister(date)]);
      replace(
        body,
        h('h3', {}, `待发货（${ship.toShip.length}）`),
        ship.toShip.length
          ? h('ul', { class: 'task-list', dataset: { testid: 'to-ship' } }, ship.toShip.map(line))
          : h('p', { class: 'muted' }, '没有待发货的汇款订单'),
        h('h3', {}, `${date} 已发货（${ship.shipped.length}）`),
        ship.shipped.length ? h('ul', { class: 'task-list' }, ship.shipped.map(line)) : null,
        h('h3', {}, '汇款登记簿'),
        h(
          'p',
          { class: 'summary' },
          `${date} 共 ${register.lines.length} 条`,
          register.reviewed ? `，${register.reviewed.by} 已于 ${shanghaiTime(register.reviewed.at)} 审核` : '，未审核',
        ),
      );
    } catch (err) {
      replace(
        body,
        errorBox(err, () => void reload()),
      );
    }
  }
  void reload();
  return {
    reload,
    section: h(
      'section',
      { class: ['card', 'wide'], dataset: { testid: 'transfer-day' } },
      h('h2', {}, '发货清单与登记簿'),
      h(
        'div',
        { class: 'search-form' },
        h('label', { for: 'transfer-date' }, '日期'),
        picker,
        exportButton('csv'),
        exportButton('xlsx'),
      ),
      message,
      body,
    ),
  };
}
