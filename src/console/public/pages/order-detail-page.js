/**
 * 订单详情: items, amounts, receiver (masked for roles that do not need it), memo and flag, the remark
 * actions and history, quick replies and messages for this order, and the logistics timeline of every parcel. After a
 * remark is written the
 * memo and flag are read again from the service, so the page shows what the platform now holds.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { flagLabel, shanghaiTime, yuan } from '../format.js';
import { loadLabels, roleLabel, tmcWord } from '../labels.js';
import { errorBox, facts, flagMarker, loading, statusBadge } from '../widgets.js';
import { onLive, refreshWhenIdle, watchInput } from '../live.js';
import { logisticsSection } from './order-logistics.js';
import { orderRemarks } from './order-remarks.js';
import { orderReviews } from './order-reviews.js';
import { orderTools } from './order-tools.js';
import { revealPanel } from './order-receiver-reveal.js';
import { suggestPanel } from './suggest-panel.js';

/**
 * The page follows its order live: when the platform changes it (a memo from the back office, a payment, a refund)
 * it is drawn again, or, while the person has typed something not yet sent, a notice offers the redraw.
 */
export async function render(ctx) {
  const redraw = () => draw(ctx, true);
  watchInput(ctx.view);
  const stop = onLive('order', (e) => {
    if (e.tid === ctx.params.tid) void refreshWhenIdle(ctx.view, redraw, '订单已更新，点此刷新');
  });
  await draw(ctx, false);
  return stop;
}

/** `again`: a redraw of the page already shown: no loading line in between, and a failure keeps what is shown. */
async function draw(ctx, again) {
  const { view, params, backHref, session } = ctx;
  const back = h('a', { class: 'back-link', href: backHref('/orders') }, '← 返回订单列表');
  const heading = h('h1', { tabindex: '-1' }, `订单 ${params.tid}`);
  if (!again) replace(view, back, heading, loading());
  let order;
  try {
    // The message kinds, couriers and task names its sections show come with the labels.
    [order] = await Promise.all([api.order(params.tid), loadLabels()]);
  } catch (err) {
    if (!again) replace(view, back, heading, errorBox(err, err.status === 404 ? undefined : () => void draw(ctx)));
    return;
  }
  const title = h('div', { class: 'detail-title' }, heading, statusBadge(order.status), flagMarker(order.sellerFlag));
  const memo = memoSection(order);
  const refresh = async () => {
    try {
      const fresh = await api.order(params.tid);
      replace(title, heading, statusBadge(fresh.status), flagMarker(fresh.sellerFlag));
      replace(memo, ...memoSection(fresh).childNodes);
    } catch {
      // The remark result already says what was written; the next visit shows the memo.
    }
  };
  const remarks = orderRemarks({
    tid: params.tid,
    initialKind: ctx.query.get('kind') ?? undefined,
    onWritten: refresh,
  });
  replace(
    view,
    back,
    title,
    h(
      'div',
      { class: 'detail-grid' },
      // A pushed message showed the order before its lines were read; the live stream redraws it once they are.
      order.detailsPending
        ? h('p', { class: 'notice', role: 'status', dataset: { testid: 'details-pending' } }, tmcWord('detailsPending'))
        : null,
      overview(order),
      memo,
      orderReviews(params.tid, order.reviews),
      remarks.actions,
      suggestPanel(params.tid),
      orderTools(params.tid),
      remarks.history,
      receiverSection(order, session.user.role),
      itemsSection(order),
      amountsSection(order),
      logisticsSection(order),
    ),
  );
}

const section = (title, ...children) => h('section', { class: 'card' }, h('h2', {}, title), ...children);

function overview(o) {
  return section(
    '订单概况',
    facts([
      ['订单号', o.tid],
      [
        '买家',
        h('a', { href: `#/buyers/${encodeURIComponent(o.buyerNick)}`, dataset: { testid: 'buyer-link' } }, o.buyerNick),
      ],
      ['下单时间', shanghaiTime(o.createdAt)],
      ['付款时间', o.paidAt ? shanghaiTime(o.paidAt) : o.paid ? '' : '未付款'],
      ['发货时间', o.consignedAt ? shanghaiTime(o.consignedAt) : o.shipped ? '' : '未发货'],
      ['结束时间', o.endAt ? shanghaiTime(o.endAt) : ''],
      ['买家留言', o.buyerMessage],
    ]),
  );
}

function memoSection(o) {
  return h(
    'section',
    { class: 'card', dataset: { testid: 'memo-card' } },
    h('h2', {}, '卖家备注'),
    h(
      'p',
      { class: 'memo-flag' },
      o.sellerFlag ? flagMarker(o.sellerFlag) : h('span', { class: 'muted' }, flagLabel(0)),
    ),
    o.sellerMemo
      ? h('p', { class: 'memo-text', dataset: { testid: 'seller-memo' } }, o.sellerMemo)
      : h('p', { class: 'muted' }, '暂无备注'),
  );
}

function itemsSection(o) {
  return h(
    'section',
    { class: ['card', 'items'] },
    h('h2', {}, `商品（${o.items.length}）`),
    h(
      'ul',
      { class: 'item-list' },
      o.items.map((i) =>
        h(
          'li',
          { class: 'item' },
          h('div', { class: 'item-title' }, i.title),
          h(
            'div',
            { class: 'muted small' },
            [i.skuProperties, i.outerIid ? `货号 ${i.outerIid}` : ''].filter(Boolean).join(' · '),
          ),
          h(
            'div',
            { class: 'item-figures' },
            h('span', {}, `${yuan(i.priceYuan)} × ${i.num}`),
            h('span', { class: 'amount' }, `实付 ${yuan(i.paymentYuan)}`),
          ),
          i.invoiceNo ? h('div', { class: 'muted small' }, `${i.logisticsCompany} ${i.invoiceNo}`) : null,
        ),
      ),
    ),
  );
}

function amountsSection(o) {
  return section(
    '金额',
    facts([
      ['商品总额', yuan(o.totalFeeYuan)],
      ['运费', yuan(o.postFeeYuan)],
      ['优惠', o.discountFee ? `-${yuan(o.discountFeeYuan)}` : ''],
      ['实付', h('strong', { class: 'amount' }, yuan(o.paymentYuan))],
    ]),
  );
}

function receiverSection(o, role) {
  const r = o.receiver;
  const place = [r.state, r.city, r.district, r.town].filter(Boolean).join(' ');
  const shown = h('div', { dataset: { testid: 'receiver' } });
  return section(
    '收货信息',
    // The roles that may reveal it get 查看完整收件人 (logged, per look); the others are told who can.
    o.receiverMasked && !o.receiverRevealable
      ? h(
          'p',
          { class: 'notice', dataset: { testid: 'receiver-masked' } },
          `收货人信息已脱敏：${roleLabel(role)}账号看不到完整的姓名、电话和地址，需要时请找有权限的同事。`,
        )
      : null,
    o.receiverRevealable ? revealPanel(o.tid, shown, role) : null,
    replace(
      shown,
      facts([
        ['收货人', r.name],
        ['手机', r.mobile],
        ['电话', r.phone],
        ['地区', place],
        ['地址', r.address],
        ['邮编', r.zip],
      ]),
    ),
  );
}
