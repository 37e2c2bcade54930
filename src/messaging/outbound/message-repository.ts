/**
 * Outbound messages, buyer opt-outs and the append-only attempt log. Documents are keyed by the
 * message id (derived from the idempotency key), so "already queued" is one lookup, and every state
 * change is a compare-and-set inside one synchronous transaction: two runs can never both claim
 * a message for sending.
 */
import { parseInstant, shanghaiDate } from '../../shared/time.js';
import type { Store } from '../../storage/index.js';
import type { MessageState, OutboundMessage, SendAttempt } from './message.js';

export const MESSAGES = 'messages';
export const BUYER_OPT_OUTS = 'buyer-opt-outs';
export const MESSAGE_ATTEMPTS_LOG = 'message-attempts';

export interface OptOut {
  nick: string;
  at: string;
  by: string;
  source: 'staff' | 'buyer-reply';
}

export interface MessageFilter {
  state?: readonly MessageState[];
  kind?: string;
  tid?: string;
  buyer?: string;
  audience?: 'buyer' | 'staff';
}

/** States in which a message has (or may have) reached its buyer: they count against the daily cap. */
const REACHED: ReadonlySet<MessageState> = new Set(['sending', 'outbox', 'sent', 'held']);

export interface MessageRepository {
  get(id: string): OutboundMessage | undefined;
  /** Stores the message unless one with its id exists; answers the stored one either way. */
  insertNew(message: OutboundMessage): Promise<{ created: boolean; message: OutboundMessage }>;
  /**
   * Applies `change` only while the message is in one of `from` and passes `when` (checked and written in one
   * transaction); undefined when it had moved on meanwhile. `when` tells one claim from another: a message may leave
   * `sending` and be claimed again by another instance while an earlier answer is still on its way.
   */
  transition(
    id: string,
    from: readonly MessageState[],
    change: (m: OutboundMessage) => OutboundMessage,
    when?: (current: OutboundMessage) => boolean,
  ): Promise<OutboundMessage | undefined>;
  list(filter: MessageFilter): OutboundMessage[];
  /** Queued messages due at `now`, oldest due first. */
  due(now: number): OutboundMessage[];
  inState(state: MessageState): OutboundMessage[];
  /** Buyer messages that left (or may have) for this buyer on the Shanghai day of `at`. */
  reachedBuyerOn(nick: string, at: number): number;
  optOut(nick: string): OptOut | undefined;
  addOptOut(o: OptOut): Promise<OptOut>;
  appendAttempt(a: SendAttempt): Promise<void>;
  attempts(messageId: string): Promise<SendAttempt[]>;
}

const byInstant = (a: string, b: string) => parseInstant(a) - parseInstant(b);

export function createMessageRepository(store: Store): MessageRepository {
  const log = store.log<SendAttempt>(MESSAGE_ATTEMPTS_LOG);
  const all = () => [...store.all<OutboundMessage>(MESSAGES)];
  return {
    get: (id) => store.get<OutboundMessage>(MESSAGES, id),
    insertNew: (message) =>
      store.transact((tx) => {
        const existing = tx.get<OutboundMessage>(MESSAGES, message.id);
        if (existing) return { created: false, message: existing };
        tx.put(MESSAGES, message.id, message);
        return { created: true, message };
      }),
    transition: (id, from, change, when) =>
      store.transact((tx) => {
        const current = tx.get<OutboundMessage>(MESSAGES, id);
        if (!current || !from.includes(current.state) || (when && !when(current))) return undefined;
        const next = change(current);
        tx.put(MESSAGES, id, next);
        return next;
      }),
    list(filter) {
      const states = filter.state?.length ? new Set(filter.state) : null;
      return all()
        .filter(
          (m) =>
            (!states || states.has(m.state)) &&
            (!filter.kind || m.kind === filter.kind) &&
            (!filter.tid || m.tid === filter.tid) &&
            (!filter.buyer || m.buyerNick === filter.buyer) &&
            (!filter.audience || m.audience === filter.audience),
        )
        .sort((a, b) => byInstant(b.createdAt, a.createdAt) || (a.id < b.id ? -1 : 1));
    },
    due: (now) =>
      all()
        .filter((m) => m.state === 'queued' && parseInstant(m.dueAt) <= now)
        .sort((a, b) => byInstant(a.dueAt, b.dueAt)),
    inState: (state) => all().filter((m) => m.state === state),
    reachedBuyerOn(nick, at) {
      const day = shanghaiDate(at);
      return all().filter(
        (m) =>
          m.audience === 'buyer' &&
          m.buyerNick === nick &&
          REACHED.has(m.state) &&
          m.sendingSince !== undefined &&
          shanghaiDate(parseInstant(m.sendingSince)) === day,
      ).length;
    },
    optOut: (nick) => store.get<OptOut>(BUYER_OPT_OUTS, nick),
    addOptOut: (o) =>
      store.transact((tx) => {
        const existing = tx.get<OptOut>(BUYER_OPT_OUTS, o.nick);
        if (existing) return existing;
        tx.put(BUYER_OPT_OUTS, o.nick, o);
        return o;
      }),
    appendAttempt: (a) => log.append(a),
    async attempts(messageId) {
      const found: SendAttempt[] = [];
      for await (const a of log.read()) if (a.messageId === messageId) found.push(a);
      return found;
    },
  };
}
