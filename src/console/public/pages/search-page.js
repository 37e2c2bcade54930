/**
 * 找买家 (#/search?q=): what the header's box found, one card per buyer, best match first, each saying why it
 * matched (订单号, 运单号, 昵称开头, 收货人, 手机尾号 — the service's words) with a link to the buyer's page and the
 * order it came from. Names and phones arrive masked.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { shanghaiTime } from '../format.js';
import { loadLabels } from '../labels.js';
import { hashWith } from '../router.js';
import { errorBox, loading, statusBadge } from '../widgets.js';

const buyerHref = (nick) => `#/buyers/${encodeURIComponent(nick)}`;

export async function render(ctx) {
  const { view, query, navigate } = ctx;
  const q = (query.get('q') ?? '').trim();
  const heading = h('h1', { tabindex: '-1' }, '找买家');
  const input = h('input', {
    type: 'search',
    id: 'search-q',
    name: 'q',
    value: q,
    autocomplete: 'off',
    maxlength: '64',
    'aria-label': '搜索内容',
    placeholder: '昵称、订单号、运单号、收货人或手机尾号',
    dataset: { shortcut: 'search' },
  });
  const form = h(
    'form',
    {
      class: 'search-form',
      role: 'search',
      onsubmit: (event) => {
        event.preventDefault();
        if (input.value.trim()) navigate(hashWith('/search', { q: input.value.trim() }));
      },
    },
    input,
    h('button', { type: 'submit', class: 'primary' }, '搜索'),
  );
  if (!q) {
    replace(
      view,
      heading,
      form,
      h('p', { class: 'muted' }, '输入买家昵称的一部分、订单号、运单号、收货人姓名或手机后四位'),
    );
    return;
  }
  replace(view, heading, form, loading());
  let answer;
  try {
    [answer] = await Promise.all([api.searchBuyers(q), loadLabels()]);
  } catch (err) {
    replace(
      view,
      heading,
      form,
      errorBox(err, () => void render(ctx)),
    );
    return;
  }
  const summary = h(
    'p',
    { class: 'muted small', role: 'status', dataset: { testid: 'search-summary' } },
    answer.total
      ? `找到 ${answer.total} 位买家${answer.total > answer.buyers.length ? `，显示前 ${answer.buyers.length} 位` : ''}`
      : `没有找到与“${q}”有关的买家`,
  );
  replace(view, heading, form, summary, h('ul', { class: 'plain-list search-results' }, answer.buyers.map(buyerCard)));
}

function buyerCard(b) {
  return h(
    'li',
    { class: 'card search-hit', dataset: { testid: 'search-hit', nick: b.nick } },
    h('h2', { class: 'buyer-nick' }, h('a', { href: buyerHref(b.nick) }, b.nick)),
    h(
      'ul',
      { class: 'plain-list small why' },
      b.matches.map((m) =>
        h(
          'li',
          { dataset: { kind: m.kind } },
          h('span', { class: 'badge' }, m.label),
          ' ',
          m.value,
          m.tid && m.kind !== 'tid' ? [' · ', h('a', { href: `#/orders/${m.tid}` }, `订单 ${m.tid}`)] : null,
        ),
      ),
    ),
    b.lastOrder
      ? h(
          'p',
          { class: 'small muted order-line' },
          `共 ${b.orderCount} 笔订单，最近 ${shanghaiTime(b.lastOrder.createdAt)} `,
          statusBadge(b.lastOrder.status),
        )
      : null,
  );
}
