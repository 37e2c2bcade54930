/**
 * 买家 (#/buyers/:nick): one buyer's whole story, the caller's card. At 400 px it opens with what is still open for
 * this buyer (the handover's open items naming them, late first), then the profile the staff keep, the orders with
 * their parcels, the complaints with their clocks, balance, and every other line of the history newest first.
 * Reached from the search, an order's 买家 and the handover's items.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { fenToYuan, shanghaiTime } from '../format.js';
import {
  complaintStageLabel,
  contactLabel,
  courierName,
  loadLabels,
  openItemKindLabel,
  parcelStateLabel,
} from '../labels.js';
import { errorBox, flagMarker, loading, statusBadge } from '../widgets.js';
import { profileCard } from './buyer-profile.js';

const section = (title, testid, ...children) =>
  h('section', { class: 'card', dataset: { testid } }, h('h2', {}, title), ...children);
const orderLink = (tid) => (tid ? h('a', { href: `#/orders/${tid}` }, `订单 ${tid}`) : null);

export async function render(ctx) {
  const { view, params, backHref } = ctx;
  const nick = params.nick;
  const back = h('a', { class: 'back-link', href: backHref('/search') }, '← 返回搜索');
  const heading = h('h1', { tabindex: '-1', class: 'buyer-nick' }, nick);
  replace(view, back, heading, loading());
  let b;
  try {
    [b] = await Promise.all([api.buyer(nick), loadLabels()]);
  } catch (err) {
    replace(view, back, heading, errorBox(err, err.status === 404 ? undefined : () => void render(ctx)));
    return;
  }
  const tags = h(
    'p',
    { class: 'buyer-tags' },
    b.optOut ? h('span', { class: 'badge tone-closed', dataset: { testid: 'opted-out' } }, '已退订消息') : null,
    b.profile?.contact ? h('span', { class: 'badge tone-shipped' }, contactLabel(b.profile.contact)) : null,
    h('span', { class: 'badge' }, `余额 ¥${fenToYuan(b.balance.balanceFen)}`),
    h('span', { class: 'badge' }, `${b.orders.length} 笔订单`),
  );
  replace(
    view,
    back,
    heading,
    tags,
    problems(b.openProblems),
    profileCard(b, () => void render(ctx)),
    orders(b.orders),
    complaints(b.complaints),
    timeline(b.timeline),
  );
}

function problems(items) {
  return section(
    `待处理（${items.length}）`,
    'buyer-problems',
    items.length
      ? h(
          'ul',
          { class: 'plain-list' },
          items.map((i) =>
            h(
              'li',
              { class: ['problem', i.late ? 'late-item' : null], dataset: { kind: i.kind } },
              h('span', { class: ['badge', i.late ? 'tone-unpaid' : 'tone-to-ship'] }, openItemKindLabel(i.kind)),
              ' ',
              i.title,
              i.detail ? h('p', { class: 'small item-detail' }, i.detail) : null,
              h(
                'span',
                { class: 'small muted order-line' },
                i.late ? h('span', { class: 'late' }, '已超时') : null,
                `负责人 ${i.ownerName}`,
                orderLink(i.tid),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, '没有未处理的问题'),
  );
}

function orders(list) {
  return section(
    '订单',
    'buyer-orders',
    list.length
      ? h(
          'ul',
          { class: 'plain-list' },
          list.map((o) =>
            h(
              'li',
              { class: 'buyer-order' },
              h(
                'p',
                { class: 'order-line' },
                h('a', { href: `#/orders/${o.tid}` }, o.tid),
                statusBadge(o.status),
                flagMarker(o.sellerFlag),
                h('span', { class: 'small muted' }, shanghaiTime(o.createdAt)),
              ),
              h(
                'p',
                { class: 'small' },
                `${o.items.map((i) => `${i.title} ${i.skuProperties}`).join('；')} ¥${fenToYuan(o.payment)}`,
              ),
              o.parcels.map((p) =>
                h(
                  'p',
                  { class: 'small muted' },
                  `${courierName(p.company)} ${p.waybill} · ${parcelStateLabel(p.state)}`,
                  p.lastEvent ? ` · ${p.lastEvent.description}` : '',
                ),
              ),
              o.sellerMemo ? h('p', { class: 'small memo' }, o.sellerMemo) : null,
            ),
          ),
        )
      : h('p', { class: 'muted' }, '没有订单'),
  );
}

function complaints(list) {
  if (!list.length) return null;
  return section(
    '投诉与时限',
    'buyer-complaints',
    h(
      'ul',
      { class: 'plain-list' },
      list.map((c) =>
        h(
          'li',
          { class: c.late ? 'late-item' : null },
          h('span', { class: 'badge' }, complaintStageLabel(c.stage)),
          ' ',
          c.content,
          h(
            'span',
            { class: 'small muted order-line' },
            `首次回复期限 ${shanghaiTime(c.respondBy)}`,
            `核实期限 ${shanghaiTime(c.verifyBy)}`,
            c.late ? h('span', { class: 'late' }, '已超时') : null,
            orderLink(c.tid),
          ),
        ),
      ),
    ),
  );
}

function timeline(lines) {
  return section(
    '往来记录',
    'buyer-timeline',
    h(
      'ol',
      { class: 'plain-list timeline' },
      lines.map((l) =>
        h(
          'li',
          { dataset: { kind: l.kind } },
          h('time', { class: 'small muted', datetime: l.at }, shanghaiTime(l.at)),
          ' ',
          h('span', { class: 'badge' }, l.label),
          ' ',
          l.text,
          l.tid ? [' · ', orderLink(l.tid)] : null,
        ),
      ),
    ),
  );
}
