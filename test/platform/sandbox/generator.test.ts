import { describe, expect, it } from 'vitest';
import { generateShop } from '../../../src/platform/sandbox/generator/index.js';
import { isValidIdNumber, idCheckDigit } from '../../../src/platform/sandbox/generator/id-number.js';
import { BANK_TRANSFER_MESSAGES } from '../../../src/platform/sandbox/generator/texts.js';
import { TRADE_STATUSES } from '../../../src/orders/order.js';
import { NOW } from './fixtures.js';

const shop = generateShop({ seed: 42, now: NOW, orders: 3000 });

describe('sandbox shop generator', () => {
  it('when generated twice with the same seed and time, then the shops are identical; another seed gives another shop', () => {
    const again = generateShop({ seed: 42, now: NOW, orders: 3000 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(shop));
    const other = generateShop({ seed: 43, now: NOW, orders: 3000 });
    expect(other.trades.map((t) => t.tid)).not.toEqual(shop.trades.map((t) => t.tid));
    expect(other.buyers[0]!.nick === shop.buyers[0]!.nick && other.buyers[1]!.nick === shop.buyers[1]!.nick).toBe(
      false,
    );
  });

  it('when buyers carry ID numbers, then each check digit is valid and digits 7–14 are the profile birthday', () => {
    const withId = shop.buyers.filter((b) => b.idNumber);
    expect(withId.length).toBeGreaterThan(20);
    for (const b of withId) {
      expect(isValidIdNumber(b.idNumber!)).toBe(true);
      if (b.birthday) expect(b.idNumber!.slice(6, 14)).toBe(b.birthday.replace(/-/g, ''));
    }
    // A known valid number from the GB 11643 examples.
    expect(idCheckDigit('11010519491231002')).toBe('X');
  });

  it('when generated, then every main trade status appears', () => {
    const present = new Set(shop.trades.map((t) => t.status));
    for (const s of [
      'WAIT_BUYER_PAY',
      'WAIT_SELLER_SEND_GOODS',
      'SELLER_CONSIGNED_PART',
      'WAIT_BUYER_CONFIRM_GOODS',
      'TRADE_FINISHED',
      'TRADE_CLOSED',
      'TRADE_CLOSED_BY_TAOBAO',
    ] as const) {
      expect(present.has(s), s).toBe(true);
      expect(TRADE_STATUSES).toContain(s);
    }
    expect(shop.trades.some((t) => t.lines.some((l) => l.refund === 'WAIT_SELLER_AGREE'))).toBe(true);
    expect(shop.trades.some((t) => t.lines.some((l) => l.refund === 'SUCCESS'))).toBe(true);
    expect(shop.rates.some((r) => r.result === 'bad') && shop.rates.some((r) => r.result === 'neutral')).toBe(true);
  });

  it('when generated, then money is integer fen, ids are unique 19-digit strings, and times whole seconds', () => {
    const tids = new Set<string>();
    for (const t of shop.trades) {
      expect(t.tid).toMatch(/^[1-9]\d{18}$/);
      tids.add(t.tid);
      expect(Number.isSafeInteger(t.postFee)).toBe(true);
      for (const l of t.lines) {
        expect(l.oid).toMatch(/^\d{19}$/);
        expect(Number.isSafeInteger(l.price) && Number.isSafeInteger(l.discount) && l.discount < l.price * l.num).toBe(
          true,
        );
      }
      expect(t.created % 1000).toBe(0);
      expect(t.modified).toBeGreaterThanOrEqual(t.created);
      expect(t.modified).toBeLessThanOrEqual(NOW);
    }
    expect(tids.size).toBe(shop.trades.length);
  });

  it('when generated, then fresh unpaid orders, bank-transfer candidates and shipped parcels with waybills exist', () => {
    const lastHour = shop.trades.filter((t) => t.status === 'WAIT_BUYER_PAY' && t.created > NOW - 3600_000);
    expect(lastHour.length).toBeGreaterThan(0);
    const candidates = shop.trades.filter(
      (t) => t.status === 'WAIT_BUYER_PAY' && BANK_TRANSFER_MESSAGES.includes(t.message),
    );
    expect(candidates.length + shop.trades.filter((t) => t.memo.startsWith('银行汇款订单')).length).toBeGreaterThan(0);
    const shipped = shop.trades.filter((t) => t.status === 'WAIT_BUYER_CONFIRM_GOODS');
    expect(shipped.every((t) => t.parcel && t.consigned)).toBe(true);
    expect(new Set(shipped.map((t) => t.parcel!.company)).size).toBeGreaterThanOrEqual(6);
    expect(
      shop.trades.filter((t) => t.parcel?.company === 'shunfeng').every((t) => /^SF\d{13}$/.test(t.parcel!.waybill)),
    ).toBe(true);
    expect(shop.buyers.some((b) => b.overseas && b.addresses[0]!.country)).toBe(true);
    expect(shop.buyers.filter((b) => !b.overseas).every((b) => /^1[3-9]\d{9}$/.test(b.mobile))).toBe(true);
  });

  it('when a small shop is generated at any minute of a day, then its newest orders are two unpaid and three to ship', () => {
    // 400 orders generated at 16:50 in Shanghai used to leave every order paid (nothing to nudge for payment), and 60
    // generated at 21:45 left two waiting for the warehouse, fewer than a day's stories write on.
    const start = Date.parse('2026-12-07T00:00:00+08:00');
    for (const orders of [20, 60, 400]) {
      for (let minute = 0; minute < 24 * 60; minute += 10) {
        const now = start + minute * 60_000;
        const small = generateShop({ seed: 20261123, now, orders });
        const at = `${orders} orders at ${new Date(now).toISOString()}`;
        const newest = small.trades.slice(-5);
        expect(
          newest.every((t) => t.created > now - 3660_000 && t.created <= now),
          at,
        ).toBe(true);
        expect(newest.slice(-2).every((t) => t.status === 'WAIT_BUYER_PAY' && t.paid === null)).toBe(true);
        const toShip = newest.slice(0, 3);
        expect(
          toShip.every((t) => t.status === 'WAIT_SELLER_SEND_GOODS'),
          at,
        ).toBe(true);
        expect(toShip.every((t) => t.paid !== null && t.paid <= now && t.paid >= t.created)).toBe(true);
        // Nobody has written on them yet: no memo, no flag, nothing holds them from printing.
        expect(toShip.every((t) => t.memo === '' && t.flag === 0)).toBe(true);
        // Still in the order they were placed.
        const created = small.trades.map((t) => t.created);
        expect(created).toEqual([...created].sort((a, b) => a - b));
      }
    }
  });
});
