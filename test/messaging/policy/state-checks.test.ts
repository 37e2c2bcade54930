/** The per-kind state re-check: no reminder for a paid order, no "stuck" notice for a delivered parcel. */
import { describe, expect, it } from 'vitest';
import type { Parcel } from '../../../src/logistics/parcel-repository.js';
import { checkState } from '../../../src/messaging/policy/state-checks.js';
import type { MessageKind } from '../../../src/messaging/templates/metadata.js';
import type { Order } from '../../../src/orders/order.js';
import { parseInstant } from '../../../src/shared/time.js';
import { fixedOrder } from '../templates/fixtures.js';

const now = parseInstant('2026-11-23T10:00:00.000+08:00');
const parcel = (state: Parcel['state']): Parcel => ({
  company: 'shunfeng',
  waybill: 'SF1',
  tid: '1',
  state,
  subState: null,
  events: [],
  checkedAt: null,
  polledAt: null,
  final: ['signed', 'returned', 'refused'].includes(state),
});
const check = (kind: MessageKind, order: Order | undefined, parcels: Parcel[] = [], hasTid = true) =>
  checkState(kind, { ...(order ? { order } : {}), hasTid, parcels, now });

describe('state re-check per kind', () => {
  const table: [string, MessageKind, Order | undefined, Parcel[], ReturnType<typeof check>][] = [
    ['an unpaid order gets its first reminder', 'payment-reminder-first', fixedOrder(), [], { ok: true }],
    [
      'an order paid a minute ago gets no reminder',
      'payment-reminder-first',
      fixedOrder({ status: 'WAIT_SELLER_SEND_GOODS', paidAt: '2026-11-23T09:59:00.000+08:00' }),
      [],
      { ok: false, reason: 'already_paid' },
    ],
    [
      'a closed order gets no reminder',
      'payment-reminder-last',
      fixedOrder({ status: 'TRADE_CLOSED_BY_TAOBAO' }),
      [],
      { ok: false, reason: 'order_closed' },
    ],
    [
      'a last reminder after the deadline is pointless',
      'payment-reminder-last',
      fixedOrder({ payDeadlineAt: '2026-11-23T09:00:00.000+08:00' }),
      [],
      { ok: false, reason: 'deadline_passed' },
    ],
    ['a last reminder before the deadline goes', 'payment-reminder-last', fixedOrder(), [], { ok: true }],
    [
      'a parcel still in transit gets its stuck notice',
      'logistics-stuck',
      fixedOrder({ status: 'WAIT_BUYER_CONFIRM_GOODS' }),
      [parcel('in_transit')],
      { ok: true },
    ],
    [
      'a parcel delivered since gets no stuck notice',
      'logistics-stuck',
      fixedOrder({ status: 'WAIT_BUYER_CONFIRM_GOODS' }),
      [parcel('signed')],
      { ok: false, reason: 'delivered_since' },
    ],
    [
      'a returned parcel gets no stuck notice',
      'logistics-stuck',
      fixedOrder({ status: 'WAIT_BUYER_CONFIRM_GOODS' }),
      [parcel('returned')],
      { ok: false, reason: 'parcel_final' },
    ],
    [
      'a refused parcel (final) still gets its refused notice',
      'logistics-refused',
      fixedOrder({ status: 'WAIT_BUYER_CONFIRM_GOODS' }),
      [parcel('refused')],
      { ok: true },
    ],
    [
      'a returning parcel the buyer signed for after all gets no returning notice',
      'logistics-returning',
      fixedOrder({ status: 'WAIT_BUYER_CONFIRM_GOODS' }),
      [parcel('signed')],
      { ok: false, reason: 'delivered_since' },
    ],
    [
      'a delivered notice needs a signed parcel',
      'logistics-delivered',
      fixedOrder({ status: 'WAIT_BUYER_CONFIRM_GOODS' }),
      [parcel('dispatching')],
      { ok: false, reason: 'not_delivered' },
    ],
    [
      'a shipped notice for a parcel already signed is stale',
      'logistics-shipped',
      fixedOrder({ status: 'WAIT_BUYER_CONFIRM_GOODS' }),
      [parcel('signed')],
      { ok: false, reason: 'delivered_since' },
    ],
    [
      'an order that is not known any more gets nothing',
      'review-repair',
      undefined,
      [],
      { ok: false, reason: 'order_not_found' },
    ],
  ];
  for (const [story, kind, order, parcels, expected] of table) {
    it(`when ${story}, then the check answers ${expected.ok ? 'ok' : expected.reason}`, () => {
      expect(check(kind, order, parcels)).toEqual(expected);
    });
  }

  it('when a buyer message has no order at all (birthday), then there is nothing to re-check', () => {
    expect(check('birthday', undefined, [], false)).toEqual({ ok: true });
  });
});
