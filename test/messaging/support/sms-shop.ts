/** Messaging over Aliyun SMS for the decrypt tests: the config, many buyers' orders, the numbers texted. */
import type { MessagingConfigInput } from '../../../src/messaging/index.js';
import type { Order } from '../../../src/orders/order.js';
import { type fakeSms, SMS_ORIGIN } from '../channels/sms-support.js';
import { fixedOrder } from '../templates/fixtures.js';
import { unpaidOrder } from './world.js';

export const SMS_CONFIG: MessagingConfigInput = {
  buyerChannel: 'aliyun-sms',
  aliyunSms: {
    accessKeyId: 'testId',
    accessKeySecret: 'testSecret',
    signName: '拾光衣橱',
    templateCodes: {
      'payment-reminder-first': 'SMS_20261123',
      'transfer-received': 'SMS_20261124',
      'logistics-shipped': 'SMS_20261125',
    },
    endpoint: SMS_ORIGIN,
  },
};

/** Buyer i's unpaid order as the store keeps it, and the number only the platform knows. */
export function buyerOrder(i: number): { order: Order; mobile: string; oaid: string } {
  const tid = `3910000000${String(i).padStart(6, '0')}`;
  const mobile = `137${String(i).padStart(8, '0')}`;
  const oaid = `oaid-${tid}`;
  const base = fixedOrder();
  const order = unpaidOrder({ tid, buyerNick: `tb_buyer${i}`, receiver: { ...base.receiver, mobile, oaid } });
  return { order, mobile, oaid };
}

/** The numbers Aliyun was asked to text, in order. */
export const sentTo = (sms: ReturnType<typeof fakeSms>) =>
  sms.requests.filter((p) => p['Action'] === 'SendSms').map((p) => p['PhoneNumbers']);
