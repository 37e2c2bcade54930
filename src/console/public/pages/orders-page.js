/**
 * 订单: search by buyer nick or tid, filter by status group, newest first, paged. The search lives
 * in the hash (#/orders?q=…&status=…&page=…), so back, reload and the detail page's back link keep it.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { shortShanghaiTime, yuan } from '../format.js';
import { loadLabels, statusGroups } from '../labels.js';
import { hashWith } from '../router.js';
import { errorBox, flagMarker, loading, statusBadge } from '../widgets.js';
import { debounced, onLive } from '../live.js';

const PAGE_SIZE = 20;
/** Taobao tids are 19 digits; a nick is rarely a long run of digits. */
const looksLikeTid = (q) => /^\d{12,25}$/.test(q);

function readSearch(query) {
  const page = Number.parseInt(query.get('page') ?? '1', 10);
  return {
    q: (query.get('q') ?? '').trim(),
    status: statusGroups().some((g) => g.key === query.get('status')) ? query.get('status') : '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export async function render({ view, query, navigate }) {
  // The status filter and the badges are named by the service (GET /api/labels).
  const heading = h('h1', { tabindex: '-1' }, '订单');
  replace(view, heading, loading());
  try {
    await loadLabels();
  } catch (err) {
    replace(
      view,
      heading,
      errorBox(err, () => void render({ view, query, navigate })),
    );
    return;
  }
  const search = readSearch(query);
  // A new search or filter starts again at page 1; only the pager passes a page.
  const go = (next) => {
    const s = { ...search, ...next };
    navigate(hashWith('/orders', { q: s.q, status: s.status, page: next.page > 1 ? next.page : undefined }));
  };

  const input = h('input', {
    id: 'order-search',
    type: 'search',
    name: 'q',
    value: search.q,
    placeholder: '买家昵称或订单号',
    autocomplete: 'off',
    dataset: { shortcut: 'search' },
    'aria-describedby': 'order-search-error',
  });
  const status = h(
    'select',
    { id: 'order-status', name: 'status', onchange: () => go({ q: input.value.trim(), status: status.value }) },
    h('option', { value: '' }, '全部状态'),
    statusGroups().map((g) => h('option', { value: g.key, selected: g.key === search.status }, g.label)),
  );
  const fieldError = h('p', { id: 'order-search-error', class: 'form-error', role: 'alert' });
  const form = h(
    'form',
    {
      class: 'search-form',
      role: 'search',
      onsubmit: (e) => {
        e.preventDefault();
        go({ q: input.value.trim(), status: status.value });
      },
    },
    h('label', { for: 'order-search', class: 'visually-hidden' }, '搜索订单'),
    input,
    h('label', { for: 'order-status', class: 'visually-hidden' }, '订单状态'),
    status,
    h('button', { type: 'submit', class: 'primary' }, '搜索'),
  );
  const results = h('div', { class: 'results', 'aria-live': 'polite' }, loading());
  replace(view, heading, form, fieldError, results);

  const group = statusGroups().find((g) => g.key === search.status);
  // `again`: a live refresh of the rows shown; a failed one keeps them (the next change tries again).
  const fill = async (again) => {
    try {
      const data = await api.orders({
        [looksLikeTid(search.q) ? 'tid' : 'buyerNick']: search.q || undefined,
        status: group?.statuses.join(','),
        page: search.page,
        pageSize: PAGE_SIZE,
      });
      replace(
        results,
        summary(data, search),
        orderList(data.orders),
        pager(data, (page) => go({ page })),
      );
    } catch (err) {
      if (again) return;
      if (err.status === 400) {
        replace(fieldError, err.message);
        input.setAttribute('aria-invalid', 'true');
        replace(results);
      } else
        replace(
          results,
          errorBox(err, () => void render({ view, query, navigate })),
        );
    }
  };
  await fill(false);
  // Orders the platform changed: the same search again, rows replaced in place (the search box and the scroll stay);
  // one fetch for a burst of changes.
  const refill = debounced(() => view.isConnected && void fill(true), 500);
  const stop = onLive('order', refill);
  return () => {
    stop();
    refill.cancel();
  };
}

function summary(data, search) {
  const what = search.q ? `“${search.q}”的` : '';
  return h(
    'p',
    { class: 'summary', dataset: { testid: 'orders-total', total: String(data.total) } },
    data.total ? `共 ${data.total} 单${what ? `（${what}搜索结果）` : ''}，最新的在前` : `没有找到${what}订单`,
  );
}

function orderList(orders) {
  if (!orders.length) return null;
  return h(
    'ul',
    { class: 'order-list' },
    orders.map((o) =>
      h(
        'li',
        { class: 'order-row', dataset: { tid: o.tid } },
        h(
          'a',
          { class: 'order-card', href: `#/orders/${o.tid}` },
          h(
            'div',
            { class: 'order-line' },
            statusBadge(o.status),
            flagMarker(o.sellerFlag),
            h('span', { class: 'amount' }, yuan(o.paymentYuan)),
          ),
          h(
            'div',
            { class: 'order-title' },
            o.title,
            o.itemCount > 1 ? h('span', { class: 'muted' }, ` 等 ${o.itemCount} 件`) : null,
          ),
          h(
            'div',
            { class: 'order-line muted' },
            h('span', { class: 'buyer-nick' }, o.buyerNick),
            h('span', {}, o.receiverCity),
            h('time', { datetime: o.createdAt }, shortShanghaiTime(o.createdAt)),
          ),
          h(
            'div',
            { class: 'order-line muted small' },
            h('span', { class: 'tid' }, `订单号 ${o.tid}`),
            o.waybills.length ? h('span', { class: 'waybills' }, o.waybills.join('、')) : null,
          ),
          o.sellerMemo ? h('div', { class: 'memo-line' }, `备注：${o.sellerMemo}`) : null,
        ),
      ),
    ),
  );
}

function pager(data, goTo) {
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  if (pages <= 1) return null;
  const button = (label, page) =>
    h(
      'button',
      { type: 'button', class: 'secondary', disabled: page < 1 || page > pages, onclick: () => goTo(page) },
      label,
    );
  return h(
    'nav',
    { class: 'pager', 'aria-label': '翻页' },
    button('上一页', data.page - 1),
    h('span', { class: 'page-of' }, `第 ${data.page} / ${pages} 页`),
    button('下一页', data.page + 1),
  );
}
