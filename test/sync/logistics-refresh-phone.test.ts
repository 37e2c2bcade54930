/**
 * Tracking with masked receivers (issue 18): Kuaidi100 checks SF and ZTO waybills against the last four digits of the
 * receiver's phone, which the platform's mask keeps (138****5678). The refresh sends those four digits and nothing
 * more, from the mobile, else from the landline (0571-****6666); no decrypt is needed to track a parcel.
 */
import { describe, expect, it } from 'vitest';
import type { LogisticsTracker, TrackingResult } from '../../src/logistics/index.js';
import type { Order } from '../../src/orders/index.js';
import type { OrderRepository } from '../../src/orders/index.js';
import { phoneLastFour } from '../../src/shared/mask.js';
import { silentLogger } from '../../src/shared/logger.js';
import { fixedClock } from '../../src/shared/time.js';
import { refreshLogistics } from '../../src/sync/logistics-refresh.js';

const shipped = (tid: string, mobile: string, phone = ''): Order =>
  ({
    tid,
    status: 'WAIT_BUYER_CONFIRM_GOODS',
    receiver: {
      name: '李*',
      mobile,
      phone,
      state: '浙江省',
      city: '杭州市',
      district: '西湖区',
      address: '西湖区****',
    },
    items: [{ invoiceNo: `SF${tid}`, logisticsCompany: 'shunfeng' }],
  }) as unknown as Order;

describe('the phone sent to the courier tracker', () => {
  it('when receivers are masked, then the tracker gets the last four digits of the mobile, else of the landline', async () => {
    const orders = [shipped('1', '138****5678'), shipped('2', '', '0571-****6666'), shipped('3', '')];
    const asked: [string, string | undefined][] = [];
    const tracker: LogisticsTracker = {
      kind: 'kuaidi100',
      track: async (_company, waybill, phone) => {
        asked.push([waybill, phone]);
        return { state: 'unknown' } as unknown as TrackingResult;
      },
    };
    const r = await refreshLogistics({
      tracker,
      orders: { all: () => orders } as unknown as OrderRepository,
      parcels: { get: () => undefined, save: async () => undefined } as never,
      clock: fixedClock('2026-11-23T10:00:00+08:00'),
      logger: silentLogger(),
      intervalMinutes: 30,
      concurrency: 1,
    });
    expect(r.errors).toEqual([]);
    expect(asked).toEqual([
      ['SF1', '5678'],
      ['SF2', '6666'],
      ['SF3', undefined],
    ]);
  });

  it('when a phone shows fewer than four digits after its stars, then there is no tail to send', () => {
    expect(phoneLastFour('13812345678')).toBe('5678');
    expect(phoneLastFour('138****5678')).toBe('5678');
    expect(phoneLastFour('0571-****6666')).toBe('6666');
    expect(phoneLastFour('12****78')).toBeUndefined();
    expect(phoneLastFour('')).toBeUndefined();
  });
});
