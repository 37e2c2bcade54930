/**
 * One mask for a stored receiver on the domain side (shared/mask maskAsPlatform): the order page, the buyer page and
 * store migration 4 show a receiver kept plain from before the way the platform hands it out, and leave one the
 * platform already masked as it came. (Before, the two pages had their own copies: 欧阳** and the first six
 * characters of the address, a mask the platform never gives.)
 */
import { describe, expect, it } from 'vitest';
import { buyerStory, type BuyerSources } from '../../src/buyers/buyer-story.js';
import type { StoredOrder } from '../../src/orders/index.js';
import { maskReceiver } from '../../src/orders/order-view.js';
import { maskAsPlatform, maskOnce } from '../../src/shared/mask.js';

const plain = {
  name: '欧阳娜娜',
  mobile: '13912345678',
  phone: '0571-88886666',
  state: '浙江省',
  city: '杭州市',
  district: '西湖区',
  town: '文新街道',
  address: '文三路90号东部软件园3幢501',
  zip: '310000',
};
const masked = { ...plain, name: '王*', mobile: '138****5678', phone: '', address: '西湖区****' };

function storyOf(receiver: typeof plain): { name: string; mobile: string; address: string } {
  const order = {
    tid: '1',
    buyerNick: 'tb_娜娜',
    createdAt: '2026-11-23T10:00:00.000+08:00',
    payment: 100,
    items: [],
    receiver,
  };
  const none = () => [];
  const src = {
    tidsOf: () => ['1'],
    order: () => order as unknown as StoredOrder,
    parcels: none,
    remarks: none,
    tasks: none,
    messages: none,
    optOut: () => null,
    complaints: none,
    intents: none,
    revisits: none,
    account: () => ({ balance: 0, movements: [] }),
    refunds: none,
    transfers: none,
    followUps: none,
    openItems: none,
    profile: () => undefined,
  } as unknown as BuyerSources;
  return buyerStory(src, 'tb_娜娜').orders[0]!.receiver;
}

describe('a stored receiver on the order and buyer pages', () => {
  it('when it was kept plain, then both pages mask it as the platform does (name 欧*, 139****5678, 西湖区****)', () => {
    const page = maskReceiver(plain as never);
    expect([page.name, page.mobile, page.phone, page.address]).toEqual([
      '欧*',
      '139****5678',
      '0571-****6666',
      '西湖区****',
    ]);
    expect(page).toMatchObject({ name: maskAsPlatform(plain).name, address: maskAsPlatform(plain).address });
    // The town is not personal: the platform sends it plain, and so does the page.
    expect(page.town).toBe('文新街道');
    expect(storyOf(plain)).toEqual({ name: '欧*', mobile: '139****5678', address: '浙江省杭州市西湖区****' });
  });

  it('when the platform masked it, then it is shown as it came (the mobile keeps its tail)', () => {
    expect(maskReceiver(masked as never)).toMatchObject({ name: '王*', mobile: '138****5678', address: '西湖区****' });
    expect(storyOf(masked)).toEqual({ name: '王*', mobile: '138****5678', address: '浙江省杭州市西湖区****' });
    expect([maskOnce('', () => 'x'), maskOnce('138****5678', () => 'x'), maskOnce('13812345678', () => 'x')]).toEqual([
      '',
      '138****5678',
      'x',
    ]);
  });
});
