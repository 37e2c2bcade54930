/**
 * 提成: one month's real sales per staff member in 元, the names read in memos that no account has yet (the keeper
 * maps each to a colleague), the green-flagged orders without a name, the sale records that do not count and why,
 * and the month's CSV. The keeper and the admin see everyone and may correct one order's attribution with a note;
 * a colleague sees her own sales (the service narrows the answer; the page only hides buttons it may not use).
 */
import { download, request } from '../api.js';
import { h, replace } from '../dom.js';
import { shanghaiTime, shanghaiToday } from '../format.js';
import { errorBox, loading } from '../widgets.js';

export async function render({ view, session }) {
  const keeper = session.can.includes('POST /api/sales/names');
  let month = shanghaiToday().slice(0, 7);
  let colleagues = [];
  const picker = h('input', { id: 'commission-month', type: 'month', name: 'month', value: month });
  const status = h('div', { role: 'status', class: 'task-status', dataset: { testid: 'commission-status' } });
  const body = h('div', { 'aria-live': 'polite', dataset: { testid: 'commission' } }, loading());
  const exportButton = h('button', { type: 'button', class: 'secondary' }, '导出 CSV');
  exportButton.addEventListener('click', async () => {
    exportButton.disabled = true;
    replace(status);
    try {
      await download('/api/sales/commission/export', { month }, `提成-${month}.csv`);
    } catch (err) {
      replace(status, errorBox(err));
    } finally {
      exportButton.disabled = false;
    }
  });
  picker.addEventListener('change', () => {
    if (!picker.value) return;
    month = picker.value;
    void load();
  });
  replace(
    view,
    h('h1', { tabindex: '-1' }, '提成'),
    h(
      'p',
      { class: 'muted small' },
      '只算买家已付款、没有关闭、没有全额退款的订单；按付款月份统计。后台插小绿旗并备注名字的订单也算在内。',
    ),
    h('div', { class: 'search-form' }, h('label', { for: 'commission-month' }, '月份'), picker, exportButton),
    status,
    body,
  );

  async function load() {
    replace(body, loading());
    try {
      const [m, names] = await Promise.all([
        request('GET', '/api/sales/commission', { query: { month } }),
        keeper ? request('GET', '/api/sales/names') : Promise.resolve(null),
      ]);
      if (names) colleagues = names.colleagues;
      replace(
        body,
        h('p', { class: 'summary' }, `${m.month} 共 ${m.totals.orders} 单，合计 ¥${m.totals.amountYuan}`),
        m.staff.length
          ? h('ul', { class: 'task-list', dataset: { testid: 'commission-staff' } }, m.staff.map(staffRow))
          : h('p', { class: 'muted' }, '这个月还没有算进提成的订单'),
        m.unknownNames.length ? unknownSection(m.unknownNames) : null,
        m.unnamed.length ? unnamedSection(m.unnamed) : null,
        m.excluded.length ? excludedSection(m.excluded) : null,
      );
    } catch (err) {
      replace(
        body,
        errorBox(err, () => void load()),
      );
    }
  }

  function colleagueSelect(id) {
    return h(
      'select',
      { id, name: 'username', required: true },
      h('option', { value: '' }, '选择同事'),
      colleagues.map((c) => h('option', { value: c.username }, c.displayName)),
    );
  }

  async function act(button, call, done) {
    button.disabled = true;
    try {
      await call();
      replace(status, h('p', {}, done));
      await load();
    } catch (err) {
      replace(status, errorBox(err));
      button.disabled = false;
    }
  }

  function correctionForm(sale) {
    const id = `correct-${sale.tid}`;
    const select = colleagueSelect(`${id}-who`);
    const note = h('input', { id: `${id}-note`, name: 'note', type: 'text', required: true, placeholder: '更正原因' });
    const button = h('button', { type: 'submit', class: 'secondary' }, '更正');
    const form = h(
      'form',
      { class: 'search-form', dataset: { testid: 'commission-correct' } },
      h('label', { for: `${id}-who` }, '算给'),
      select,
      h('label', { for: `${id}-note` }, '原因'),
      note,
      button,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void act(
        button,
        () =>
          request('POST', `/api/sales/corrections/${sale.tid}`, { body: { username: select.value, note: note.value } }),
        `订单 ${sale.tid} 已更正`,
      );
    });
    return h('details', {}, h('summary', { class: 'small' }, '更正归属'), form);
  }

  function saleLine(sale) {
    const c = sale.correction;
    return h(
      'li',
      { class: 'small', dataset: { tid: sale.tid } },
      h(
        'div',
        { class: 'order-line' },
        h('a', { href: `#/orders/${sale.tid}` }, `订单 ${sale.tid}`),
        h('strong', { class: 'amount' }, `¥${sale.amountYuan}`),
        h('span', { class: 'muted' }, sale.sourceLabel),
        sale.memoName ? h('span', { class: 'muted' }, `备注：${sale.memoName}`) : null,
      ),
      sale.paidAt ? h('div', { class: 'muted' }, `付款 ${shanghaiTime(sale.paidAt)}`) : null,
      c ? h('div', {}, `${c.byName} ${shanghaiTime(c.at)} 更正：${c.note}`) : null,
      keeper ? correctionForm(sale) : null,
    );
  }

  function staffRow(s) {
    return h(
      'li',
      { class: 'task', dataset: { username: s.username } },
      h(
        'details',
        {},
        h('summary', {}, h('strong', {}, s.staffName), ` · ${s.orders} 单 · `, h('strong', {}, `¥${s.amountYuan}`)),
        h('ul', { class: 'task-list' }, s.sales.map(saleLine)),
      ),
    );
  }

  function unknownSection(unknown) {
    return h(
      'section',
      { class: 'card', dataset: { testid: 'commission-unknown' } },
      h('h2', {}, '名字未对应'),
      h('p', { class: 'muted small' }, '备注里的这些名字还没有对应到同事账号。对应之后，这些订单算给这位同事。'),
      h('ul', { class: 'task-list' }, unknown.map(unknownRow)),
    );
  }

  function unknownRow(u) {
    const id = `map-${u.name}`;
    const select = colleagueSelect(id);
    const button = h('button', { type: 'submit', class: 'secondary' }, '对应');
    const form = h('form', { class: 'search-form' }, h('label', { for: id }, '是'), select, button);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void act(
        button,
        () => request('POST', '/api/sales/names', { body: { name: u.name, username: select.value } }),
        `“${u.name}”已对应`,
      );
    });
    return h(
      'li',
      { class: 'task', dataset: { name: u.name } },
      h('div', { class: 'order-line' }, h('strong', {}, u.name), ` · ${u.orders} 单 · ¥${u.amountYuan}`),
      h('ul', { class: 'task-list' }, u.sales.map(saleLine)),
      keeper ? form : null,
    );
  }

  function unnamedSection(sales) {
    return h(
      'section',
      { class: 'card', dataset: { testid: 'commission-unnamed' } },
      h('h2', {}, '插了绿旗但备注里没有名字'),
      h('ul', { class: 'task-list' }, sales.map(saleLine)),
    );
  }

  function excludedSection(excluded) {
    return h(
      'section',
      { class: 'card', dataset: { testid: 'commission-excluded' } },
      h('h2', {}, '不算提成的销售记录'),
      h(
        'ul',
        { class: 'task-list small' },
        excluded.map((e) =>
          h(
            'li',
            { dataset: { tid: e.tid } },
            h('a', { href: `#/orders/${e.tid}` }, `订单 ${e.tid}`),
            ` · ${e.staffName || '没有名字'} · ${e.reasonLabel}`,
          ),
        ),
      ),
    );
  }

  await load();
}
