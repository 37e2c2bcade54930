/**
 * The outbox: for platforms with no send API the message is kept for staff to paste into the
 * chat, and they mark it sent. Delivering to the outbox is only a state change of the stored
 * message, so doing it again after a crash changes nothing: the channel is idempotent by nature.
 */
import type { BuyerChannel } from '../../outbound/channel-port.js';

export function createOutboxChannel(): BuyerChannel {
  return {
    kind: 'outbox',
    needsPhone: false,
    supports: () => true,
    send: async () => ({ outcome: 'outbox' }),
    resolve: async () => ({ outcome: 'not_sent' }),
  };
}
