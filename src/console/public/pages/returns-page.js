/**
 * 退货: the returns being followed back to the warehouse, newest first, with where each stands (names from GET
 * /api/labels). The warehouse (助理) confirms what came back and its condition; customer service marks an exchange
 * and, once the goods are checked, writes the new item's waybill (it goes into the memo with the yellow flag). Who
 * sees which action is the service's role table (the session's `can`). One column: it reads at 400 px.
 */
import { request } from '../api.js';
import { h, replace } from '../dom.js';
import { fenToYuan, shanghaiTime } from '../format.js';
import { loadLabels } from '../labels.js';
import { errorBox, facts, loading } from '../widgets.js';

const enc = encodeURIComponent;
const CONFIRMABLE = new Set(['in_transit', 'returned']);
const SETTLED = new Set(['refunded', 'exchanged', 'closed']);

export async function render({ view, session, query, navigate }) {
  const can = (route) => session.can.includes(route);
  const state = query.get('state') || 'open';
  const status = h('div', { role: 'status', class: 'task-status', dataset: { testid: 'returns-status' } });
  const list = h('div', { 'aria-live': 'polite', dataset: { testid: 'return-list' } }, loading());
  const filter = h('select', { 'aria-label': '退货状态', dataset: { testid: 'returns-filter' } });
  filter.addEventListener('change', () => navigate(`#/returns?state=${enc(filter.value)}`));
  replace(
    view,
    h('h1', { tabindex: '-1' }, '退货'),
    h(
      'p',
      { class: 'muted small' },
      '买家寄回的包裹：到了仓库由助理验收，验收后交给汇款负责人退款，换货则登记新单号。',
    ),
    h('div', { class: 'search-form' }, filter),
    status,
    list,
  );

  let names;
  async function load() {
    try {
      const [labels, { returns }] = await Promise.all([
        loadLabels(),
        request('GET', '/api/returns', { query: { state } }),
      ]);
      names = labels;
      const states = { open: '未完结', ...labels.returnStates, all: '全部' };
      replace(
        filter,
        ...Object.entries(states).map(([code, name]) => h('option', { value: code, selected: code === state }, name)),
      );
      replace(
        list,
        returns.length
          ? h('ul', { class: 'task-list' }, returns.map(row))
          : h('p', { class: 'muted' }, '没有这样的退货'),
      );
    } catch (err) {
      replace(
        list,
        errorBox(err, () => void load()),
      );
    }
  }

  /** Runs one action, says what happened, and draws the list again. */
  async function act(button, work, done) {
    button.disabled = true;
    try {
      await work();
      replace(status, h('p', {}, done));
      await load();
    } catch (err) {
      button.disabled = false;
      replace(status, errorBox(err));
    }
  }

  function receiptForm(r) {
    const condition = h(
      'select',
      { 'aria-label': '验收结果', dataset: { testid: 'receipt-condition' } },
      ...Object.entries(names.returnConditions).map(([code, name]) => h('option', { value: code }, name)),
    );
    const note = h('input', {
      type: 'text',
      maxlength: 200,
      placeholder: '验收备注（可不填）',
      'aria-label': '验收备注',
    });
    const button = h('button', { type: 'submit', dataset: { testid: 'receipt-confirm' } }, '确认收货');
    const form = h('form', { class: 'item-form' }, condition, note, button);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void act(
        button,
        () =>
          request('POST', `/api/returns/${enc(r.id)}/receipt`, {
            body: { condition: condition.value, note: note.value || undefined },
          }),
        `已确认收到 ${r.buyerNick} 的退货`,
      );
    });
    return form;
  }

  function exchangeForm(r) {
    const courier = h('input', { type: 'text', maxlength: 20, placeholder: '快递公司', 'aria-label': '快递公司' });
    const waybill = h('input', { type: 'text', maxlength: 30, placeholder: '新运单号', 'aria-label': '运单号' });
    const button = h('button', { type: 'submit', dataset: { testid: 'exchange-ship' } }, '登记换货单号');
    const form = h('form', { class: 'item-form' }, courier, waybill, button);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void act(
        button,
        () =>
          request('POST', `/api/returns/${enc(r.id)}/exchange`, {
            body: { courier: courier.value, waybill: waybill.value },
          }),
        '换货单号已写进备注（黄旗）',
      );
    });
    return form;
  }

  function purposeButton(r) {
    const next = r.purpose === 'refund' ? 'exchange' : 'refund';
    const button = h('button', { type: 'button', class: 'secondary' }, `改为${names.returnPurposes[next]}`);
    button.addEventListener('click', () =>
      act(button, () => request('POST', `/api/returns/${enc(r.id)}/purpose`, { body: { purpose: next } }), '已改'),
    );
    return button;
  }

  function row(r) {
    const p = r.parcel;
    return h(
      'li',
      { class: `task return${r.stuck ? ' late' : ''}`, dataset: { id: r.id, state: r.state } },
      h(
        'div',
        { class: 'order-line' },
        h('strong', {}, r.buyerNick),
        h('span', { class: 'badge', dataset: { testid: 'return-state' } }, names.returnStates[r.state] ?? r.state),
        r.stuck ? h('span', { class: 'late small' }, '已超过3天没有动静') : null,
      ),
      facts([
        ['订单', h('a', { href: `#/orders/${enc(r.tid)}` }, r.tid)],
        ['商品', r.title],
        ['买家要的', names.returnPurposes[r.purpose] ?? r.purpose],
        ['退款', `¥${fenToYuan(r.refundFeeFen)}`],
        ['原因', r.reason],
        ['退货包裹', p ? `${r.companyName} ${p.waybill}` : '买家还没寄出'],
        ['最新物流', p?.lastEvent ? `${shanghaiTime(p.lastEvent.at)} ${p.lastEvent.description}` : '—'],
        [
          '验收',
          r.receipt ? `${r.receipt.byName} ${names.returnConditions[r.receipt.condition]} ${r.receipt.note}` : '—',
        ],
        ['换货单号', r.exchange ? `${r.exchange.courier} ${r.exchange.waybill}` : '—'],
      ]),
      h(
        'div',
        { class: 'item-actions' },
        CONFIRMABLE.has(r.state) && can('POST /api/returns/:id/receipt') ? receiptForm(r) : null,
        !r.receipt && !SETTLED.has(r.state) && can('POST /api/returns/:id/purpose') ? purposeButton(r) : null,
        r.state === 'awaiting_exchange' && can('POST /api/returns/:id/exchange') ? exchangeForm(r) : null,
      ),
    );
  }

  await load();
}
