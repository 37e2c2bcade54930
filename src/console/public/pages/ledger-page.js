/**
 * 余额与退款 (keeper and admin): a buyer's store balance with every movement, the keeper's credit
 * form, and the refund register of one day (refund-register.js). The buyer and the day live in the
 * hash (#/ledger?nick=…&date=…), so reload and back keep them.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { fenToYuan, shanghaiTime, shanghaiToday } from '../format.js';
import { clearFieldErrors, fieldRow, setFieldError, showFormError } from '../forms.js';
import { hashWith } from '../router.js';
import { may } from '../session.js';
import { errorBox, loading } from '../widgets.js';
import { refundRegister } from './refund-register.js';

const DATE = /^\d{4}-\d\d-\d\d$/;

export async function render({ view, query, navigate, session }) {
  const nick = (query.get('nick') ?? '').trim();
  const date = DATE.test(query.get('date') ?? '') ? query.get('date') : shanghaiToday();
  const go = (next) => navigate(hashWith('/ledger', { nick, date: query.get('date') ?? undefined, ...next }));

  const input = h('input', {
    id: 'ledger-nick',
    type: 'search',
    name: 'nick',
    value: nick,
    placeholder: '买家昵称',
    autocomplete: 'off',
    dataset: { shortcut: 'search' },
  });
  const search = h(
    'form',
    {
      class: 'search-form',
      role: 'search',
      onsubmit: (e) => {
        e.preventDefault();
        go({ nick: input.value.trim() });
      },
    },
    h('label', { for: 'ledger-nick', class: 'visually-hidden' }, '买家昵称'),
    input,
    h('button', { type: 'submit', class: 'primary' }, '查余额'),
  );
  const account = h('div', { class: 'ledger-account', 'aria-live': 'polite', dataset: { testid: 'ledger-account' } });
  const keeper = may('GET /api/refunds', session);
  replace(
    view,
    h('h1', { tabindex: '-1' }, '余额与退款'),
    h(
      'div',
      { class: 'detail-grid ledger-grid' },
      h('section', { class: 'card ledger' }, h('h2', {}, '买家余额'), search, account),
      keeper ? refundRegister({ date, onDate: (d) => go({ date: d }) }) : null,
    ),
  );

  if (!nick) {
    replace(account, h('p', { class: 'muted' }, '输入买家昵称查看余额和每笔变动'));
    return;
  }
  replace(account, loading());
  async function load() {
    try {
      const data = await api.ledger(nick);
      replace(account, balanceView(data), keeper ? creditForm(nick, load) : null);
    } catch (err) {
      replace(
        account,
        errorBox(err, () => void load()),
      );
    }
  }
  await load();
}

function balanceView(a) {
  return h(
    'div',
    {},
    h(
      'p',
      { class: 'balance' },
      `${a.buyerNick} 的余额：`,
      h('strong', { class: 'amount', dataset: { testid: 'balance' } }, `¥${fenToYuan(a.balanceFen)}`),
    ),
    a.movements.length
      ? h(
          'ol',
          { class: 'movements', reversed: true },
          [...a.movements]
            .reverse()
            .map((m) =>
              h(
                'li',
                { class: ['movement', `movement-${m.type}`], dataset: { id: m.id } },
                h(
                  'div',
                  { class: 'order-line' },
                  h('span', { class: 'badge' }, m.type === 'credit' ? '入账' : '扣除'),
                  h(
                    'strong',
                    { class: 'movement-amount' },
                    `${m.type === 'credit' ? '+' : '-'}¥${fenToYuan(m.amountFen)}`,
                  ),
                  h('span', { class: 'muted small' }, `余 ¥${fenToYuan(m.balanceAfterFen)}`),
                ),
                h(
                  'div',
                  { class: 'order-line small muted' },
                  h('time', { datetime: m.at }, shanghaiTime(m.at)),
                  h('span', {}, m.staff),
                  m.tid ? h('a', { href: `#/orders/${m.tid}` }, `订单 ${m.tid}`) : null,
                ),
                m.reason ? h('p', { class: 'small movement-reason' }, m.reason) : null,
              ),
            ),
        )
      : h('p', { class: 'muted' }, '还没有余额变动'),
  );
}

/** The keeper registers a credit (compensation, an overpayment kept on account); with an order, 余额已登记 goes on it. */
function creditForm(nick, reload) {
  const amount = h('input', {
    id: 'credit-amount',
    name: 'amount',
    inputmode: 'decimal',
    autocomplete: 'off',
    placeholder: '元，如 20 或 8.5',
  });
  const reason = h('input', {
    id: 'credit-reason',
    name: 'reason',
    autocomplete: 'off',
    maxlength: '60',
    placeholder: '如 补偿运费',
  });
  const tid = h('input', {
    id: 'credit-tid',
    name: 'tid',
    inputmode: 'numeric',
    autocomplete: 'off',
    placeholder: '可不填',
  });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '入账');
  const controls = { amount, reason, tid };
  async function onSubmit(event) {
    event.preventDefault();
    clearFieldErrors(form);
    replace(error);
    if (!amount.value.trim()) return void (setFieldError(amount, '请填写金额'), amount.focus());
    if (!reason.value.trim()) return void (setFieldError(reason, '请填写入账原因'), reason.focus());
    submit.disabled = true;
    try {
      await api.credit(nick, {
        amount: amount.value.trim(),
        reason: reason.value.trim(),
        tid: tid.value.trim() || undefined,
      });
      await reload();
    } catch (err) {
      showFormError(err, controls, error);
      submit.disabled = false;
    }
  }
  const form = h(
    'form',
    { class: 'credit-form', novalidate: true, onsubmit: onSubmit, dataset: { testid: 'credit-form' } },
    h('h3', {}, '登记入账'),
    fieldRow({ label: '金额（元）', control: amount, required: true }),
    fieldRow({ label: '原因', control: reason, required: true }),
    fieldRow({ label: '订单号', control: tid, hint: '填了会在该订单备注“余额已登记”' }),
    error,
    submit,
  );
  return form;
}
