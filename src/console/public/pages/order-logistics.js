/** The logistics part of 订单详情: one timeline per parcel, newest event first. */
import { h } from '../dom.js';
import { shanghaiTime } from '../format.js';
import { courierName, parcelStateLabel, subStateLabel } from '../labels.js';

export function logisticsSection(order) {
  const parcels = order.logistics ?? [];
  const body = parcels.length
    ? parcels.map(parcelCard)
    : h('p', { class: 'muted' }, order.shipped ? '已发货，尚未查到物流信息（下次同步时查询）' : '尚未发货');
  return h('section', { class: ['card', 'logistics'], dataset: { testid: 'logistics' } }, h('h2', {}, '物流'), body);
}

function parcelCard(p) {
  // Sorted here too: the timeline must read newest first whatever order a courier reported.
  const events = [...(p.events ?? [])].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const sub = subStateLabel(p.subState);
  return h(
    'article',
    { class: 'parcel', dataset: { waybill: p.waybill, state: p.state } },
    h(
      'header',
      { class: 'parcel-head' },
      h('span', { class: 'parcel-courier' }, `${courierName(p.company)} ${p.waybill}`),
      h(
        'span',
        { class: ['badge', `parcel-${p.state}`], dataset: { testid: 'parcel-state' } },
        parcelStateLabel(p.state),
      ),
      sub ? h('span', { class: 'badge parcel-problem' }, sub) : null,
    ),
    p.checkedAt ? h('p', { class: 'muted small' }, `查询于 ${shanghaiTime(p.checkedAt)}`) : null,
    events.length
      ? h(
          'ol',
          { class: 'timeline', 'aria-label': '物流轨迹（最新在前）' },
          events.map((e) =>
            h(
              'li',
              { class: ['event', `event-${e.state}`] },
              h(
                'div',
                { class: 'event-head' },
                h('time', { datetime: e.at }, shanghaiTime(e.at)),
                h('span', { class: 'event-state' }, parcelStateLabel(e.state)),
              ),
              h('p', { class: 'event-text' }, e.description),
            ),
          ),
        )
      : h('p', { class: 'muted' }, '暂无轨迹'),
  );
}
