/**
 * The transfer orders (汇款订单) with their state, claims and the next action: staff record the
 * buyer's claim (申报); the keeper cancels, enters the waybill (发货) or takes a payment back (撤销匹配).
 * For staff the service masks the buyer's real name, the address and the payer (汇款人).
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { fenToYuan, shanghaiTime, shanghaiToday, yuanToFen } from '../format.js';
import { transferStateLabel } from '../labels.js';
import { clearFieldErrors, fieldRow, setFieldError } from '../forms.js';
import { errorBox, loading } from '../widgets.js';

const TONES = {
  awaiting: 'tone-unpaid',
  claimed: 'tone-to-ship',
  paid: 'tone-shipped',
  shipped: 'tone-done',
  cancelled: 'tone-closed',
};

export function transferList({ keeper, canCancel, state }) {
  const status = h('div', { role: 'status', class: 'task-status' });
  const list = h('div', { 'aria-live': 'polite', dataset: { testid: 'transfer-list' } }, loading());
  async function load() {
    try {
      const { transfers } = await api.transfers({ state });
      const newest = [...transfers].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
      replace(
        list,
        newest.length ? h('ul', { class: 'task-list' }, newest.map(row)) : h('p', { class: 'muted' }, '没有汇款订单'),
      );
    } catch (err) {
      replace(
        list,
        errorBox(err, () => void load()),
      );
    }
  }
  const done = async (text) => {
    replace(status, h('p', {}, text));
    await load();
  };

  /** A one-field action form (reason, waybill): Enter submits, the API's error shows under the field. */
  function actionForm(t, { name, label, button, call, message }) {
    const input = h('input', { id: `t-${t.id}-${name}`, name, autocomplete: 'off' });
    const submit = h('button', { type: 'submit', class: 'secondary' }, button);
    return h(
      'form',
      {
        class: 'task-form',
        novalidate: true,
        onsubmit: async (e) => {
          e.preventDefault();
          setFieldError(input, input.value.trim() ? '' : `请填写${label}`);
          if (!input.value.trim()) return void input.focus();
          submit.disabled = true;
          try {
            await call(input.value.trim());
            await done(message);
          } catch (err) {
            setFieldError(input, err.message);
            submit.disabled = false;
          }
        },
      },
      fieldRow({ label, control: input }),
      submit,
    );
  }

  function claimForm(t) {
    const c = {
      date: h('input', { id: `t-${t.id}-date`, name: 'date', type: 'date', value: shanghaiToday() }),
      method: h('input', { id: `t-${t.id}-method`, name: 'method', autocomplete: 'off', value: '银行转账' }),
      payerName: h('input', { id: `t-${t.id}-payer`, name: 'payerName', autocomplete: 'off' }),
      amount: h('input', {
        id: `t-${t.id}-amount`,
        name: 'amount',
        inputmode: 'decimal',
        autocomplete: 'off',
        value: fenToYuan(t.amountDueFen),
      }),
    };
    const submit = h('button', { type: 'submit', class: 'secondary' }, '登记申报');
    const form = h(
      'form',
      {
        class: 'task-form',
        novalidate: true,
        onsubmit: async (e) => {
          e.preventDefault();
          clearFieldErrors(form);
          const amountFen = yuanToFen(c.amount.value);
          if (amountFen === null || amountFen < 1)
            return void (setFieldError(c.amount, '金额以元为单位，最多两位小数'), c.amount.focus());
          submit.disabled = true;
          try {
            await api.claimTransfer(t.id, {
              date: c.date.value,
              method: c.method.value.trim(),
              amountFen,
              ...(c.payerName.value.trim() ? { payerName: c.payerName.value.trim() } : {}),
            });
            await done(`已登记 ${t.buyerNick} 的汇款申报`);
          } catch (err) {
            const target =
              { date: c.date, method: c.method, payerName: c.payerName, amountFen: c.amount }[err.field] ?? c.amount;
            setFieldError(target, err.message);
            submit.disabled = false;
          }
        },
      },
      fieldRow({ label: '汇款日期', control: c.date }),
      fieldRow({ label: '方式', control: c.method }),
      fieldRow({ label: '汇款人', control: c.payerName }),
      fieldRow({ label: '金额（元）', control: c.amount }),
      submit,
    );
    return h('details', {}, h('summary', {}, '买家说已汇款：登记申报'), form);
  }

  function row(t) {
    const open = t.state === 'awaiting' || t.state === 'claimed';
    return h(
      'li',
      { class: 'task transfer', dataset: { id: t.id, state: t.state } },
      h(
        'div',
        { class: 'order-line' },
        h('span', { class: ['badge', TONES[t.state]] }, transferStateLabel(t.state)),
        h('strong', {}, t.id),
        h('span', { class: 'buyer-nick' }, t.buyerNick),
        h('strong', { class: 'amount' }, `¥${fenToYuan(t.amountDueFen)}`),
      ),
      h(
        'p',
        { class: 'small muted' },
        t.items.map((i) => `${i.itemNo}${i.size ? ` ${i.size}` : ''}×${i.quantity}`).join('，'),
        t.uniqueHeld && t.uniqueAmountFen !== null ? ` · 唯一金额 ¥${fenToYuan(t.uniqueAmountFen)}` : '',
        t.reference ? ` · 参考码 ${t.reference}` : '',
        ` · ${t.staff.displayName} ${shanghaiTime(t.createdAt)}`,
      ),
      t.claims.map((c) =>
        h(
          'p',
          { class: 'small' },
          `申报：${c.date} ${c.method} ${c.payerName ?? ''} ¥${fenToYuan(c.amountFen)}（${c.staff.displayName}）`,
        ),
      ),
      t.paidAt
        ? h(
            'p',
            { class: 'small' },
            `${shanghaiTime(t.paidAt)} 到账${t.verifiedBy ? `，${t.verifiedBy.displayName} 确认` : '，自动匹配'}`,
          )
        : null,
      t.waybill ? h('p', { class: 'small' }, `运单号 ${t.waybill}`) : null,
      open ? claimForm(t) : null,
      open && canCancel
        ? h(
            'details',
            {},
            h('summary', {}, '取消订单'),
            actionForm(t, {
              name: 'reason',
              label: '取消原因',
              button: '取消汇款订单',
              call: (v) => api.cancelTransfer(t.id, v),
              message: `已取消 ${t.id}`,
            }),
          )
        : null,
      keeper && t.state === 'paid'
        ? actionForm(t, {
            name: 'waybill',
            label: '运单号',
            button: '发货',
            call: (v) => api.shipTransfer(t.id, { waybill: v }),
            message: `${t.id} 已发货`,
          })
        : null,
      keeper && t.state === 'paid'
        ? h(
            'details',
            {},
            h('summary', {}, '撤销匹配'),
            actionForm(t, {
              name: 'unmatch',
              label: '撤销原因',
              button: '撤销匹配',
              call: (v) => api.unmatchTransfer(t.id, { reason: v }),
              message: `已撤销 ${t.id} 的到账，流水回到待确认`,
            }),
          )
        : null,
    );
  }

  void load();
  return { element: h('div', {}, status, list), reload: load };
}
