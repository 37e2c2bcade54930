/**
 * The refund register (退款登记) of one Shanghai day for the keeper: each refund's register line,
 * 标记已登记 (writes 退款已登记 on the order) then 标记已打款, and the day's CSV/XLSX export.
 * Exports need the bearer token, so they are fetched and saved from a blob, not plain links.
 */
import { api, download } from '../api.js';
import { h, replace } from '../dom.js';
import { fenToYuan, shanghaiTime } from '../format.js';
import { loadLabels, refundStateLabel } from '../labels.js';
import { errorBox, loading } from '../widgets.js';

/** @param {{date: string, onDate: (date: string) => void}} opts */
export function refundRegister({ date, onDate }) {
  const picker = h('input', { id: 'refund-date', type: 'date', name: 'date', value: date });
  picker.addEventListener('change', () => picker.value && onDate(picker.value));
  const message = h('div', { role: 'status', class: 'refund-message' });
  const list = h('div', { 'aria-live': 'polite', dataset: { testid: 'refund-list' } }, loading());
  const exportButton = (format) => {
    const b = h('button', { type: 'button', class: 'secondary', dataset: { format } }, `导出 ${format.toUpperCase()}`);
    b.addEventListener('click', async () => {
      b.disabled = true;
      replace(message);
      try {
        await download('/api/refunds/export', { date, format }, `退款登记-${date}.${format}`);
      } catch (err) {
        replace(message, errorBox(err));
      } finally {
        b.disabled = false;
      }
    });
    return b;
  };
  const section = h(
    'section',
    { class: 'card refunds', dataset: { testid: 'refunds' } },
    h('h2', {}, '退款登记'),
    h(
      'div',
      { class: 'search-form' },
      h('label', { for: 'refund-date' }, '日期'),
      picker,
      exportButton('csv'),
      exportButton('xlsx'),
    ),
    message,
    list,
  );

  async function load() {
    try {
      const [{ refunds }] = await Promise.all([api.refunds({ date }), loadLabels()]);
      const total = refunds.reduce((s, r) => s + r.amountFen, 0);
      replace(
        list,
        h(
          'p',
          { class: 'summary' },
          refunds.length ? `${date} 共 ${refunds.length} 笔，合计 ¥${fenToYuan(total)}` : `${date} 没有退款登记`,
        ),
        refunds.length ? h('ul', { class: 'refund-list' }, refunds.map(row)) : null,
      );
    } catch (err) {
      replace(
        list,
        errorBox(err, () => void load()),
      );
    }
  }

  function row(r) {
    const act = (label, call) => {
      const b = h('button', { type: 'button', class: 'secondary' }, label);
      b.addEventListener('click', async () => {
        b.disabled = true;
        try {
          const res = await call();
          replace(message, h('p', {}, res?.answer ? `已登记，请回复买家“${res.answer}”` : `${label}：完成`));
          await load();
        } catch (err) {
          replace(message, errorBox(err));
          b.disabled = false;
        }
      });
      return b;
    };
    return h(
      'li',
      { class: 'refund', dataset: { id: r.id, state: r.state } },
      h(
        'div',
        { class: 'order-line' },
        h(
          'span',
          {
            class: [
              'badge',
              r.state === 'open' ? 'tone-unpaid' : r.state === 'registered' ? 'tone-to-ship' : 'tone-done',
            ],
          },
          refundStateLabel(r.state),
        ),
        h('strong', { class: 'amount' }, `¥${fenToYuan(r.amountFen)}`),
        h('a', { href: `#/orders/${r.tid}` }, `订单 ${r.tid}`),
      ),
      h('p', { class: 'register-line' }, r.line),
      h(
        'div',
        { class: 'order-line small muted' },
        h('time', { datetime: r.createdAt }, shanghaiTime(r.createdAt)),
        r.registeredBy ? h('span', {}, `${r.registeredBy} 登记`) : null,
        r.paidBy ? h('span', {}, `${r.paidBy} 打款`) : null,
        r.state === 'open' ? act('标记已登记', () => api.refundRegistered(r.id)) : null,
        r.state === 'registered' ? act('标记已打款', () => api.refundPaid(r.id)) : null,
      ),
    );
  }

  void load();
  return section;
}
