/**
 * The buyer's number for an SMS, read from the platform at send time. The store keeps only the masked receiver and
 * its `oaid`; the number is decrypted (taobao.top.oaid.decrypt, 20 receivers a call, under the scene of the message's
 * kind) for the send that asked and handed back in memory, never written anywhere. A buyer under privacy protection
 * gets a privacy number that stays valid until its expiry: that one is kept in memory until then, so the next message
 * to the same order does not spend a decrypt on it.
 *
 * When there is no number to send to (no oaid on the order, the receiver does not match or has no mobile, the scene is
 * refused, the day's quota is spent, a privacy number that only works with an extension) the answer says why, and the
 * dispatcher puts the message in the chat queue for a person: a message is never lost for want of a number.
 */
import {
  DecryptQuotaError,
  type DecryptedReceiver,
  type DecryptQuery,
  type PlatformCallOptions,
  type ShopPlatform,
} from '../../platform/index.js';
import { UpstreamError, ValidationError, type AppError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { maskText } from '../../shared/mask.js';
import { DAY, parseInstant, shanghaiDate, startOfShanghaiDay, type Clock } from '../../shared/time.js';
import { sceneFor, type MessageScene } from './decrypt-scenes.js';

/** The platform's limit per taobao.top.oaid.decrypt call. */
export const DECRYPT_BATCH = 20;

/** No number to text: why the message goes to the chat queue instead (reason-labels.ts names each reason). */
export interface NoPhone {
  kind: 'chat';
  reason:
    | 'decrypt_quota'
    | 'no_oaid'
    | 'no_phone'
    | 'overseas_number'
    | 'privacy_number'
    | 'scene_refused'
    | 'decrypt_refused';
  /** The platform's words (masked), for the log and the console's detail line. */
  detail?: string;
}
export type ChatReason = NoPhone['reason'];

export type PhoneAnswer =
  | { kind: 'phone'; phone: string }
  | NoPhone
  /** The platform did not answer (network, its own fault): worth another try later. */
  | { kind: 'retry'; error: string };

export interface PhoneRequest {
  /** The message id: answers are keyed by it. */
  id: string;
  kind: string;
  tid: string | null;
  buyerNick: string;
}

export interface ReceiverPhonesDeps {
  platform: Pick<ShopPlatform, 'decryptReceivers'>;
  /** The order to decrypt for a message: its own, or the buyer's newest one with an oaid (order-facts.ts). */
  receiverOf(tid: string | null, nick: string): DecryptQuery | undefined;
  clock: Clock;
  logger: Logger;
}

const MOBILE = /^1\d{10}$/;
/** A refusal naming the scene: the app may not decrypt for this purpose, whichever receiver is asked. */
const SCENE_WORDS = /scene|场景/i;
/**
 * A refusal naming a receiver or an order (isv.oaid-invalid, isv.trade-not-exist): about one item of the call, found
 * by asking for halves.
 */
const ITEM_WORDS = /\b(oaid|tid)\b|trade|receiver|收件人|订单|交易/i;

/** Refused on its merits (not a fault worth trying again): a bad argument, the scene, the session. */
function isRefusal(err: unknown): err is AppError {
  return (err instanceof UpstreamError && !err.retriable) || err instanceof ValidationError;
}

/** A platform instant, or `fallback` when it is not one (the quota's next day, no reuse of a privacy number). */
function instantOr(text: string, fallback: number): number {
  try {
    return parseInstant(text);
  } catch {
    return fallback;
  }
}

interface Wanted {
  query: DecryptQuery;
  ids: string[];
}

export function createReceiverPhones(deps: ReceiverPhonesDeps) {
  /** tid:oaid → a privacy number and the instant it stops working. Memory only. */
  const privacy = new Map<string, { phone: string; extension: string; until: number }>();
  /** Once the platform said the day's quota is spent, no decrypt is asked before this instant. */
  let quotaUntil = 0;
  let quotaRetryAt = '';
  let calls = 0;

  const keyOf = (q: DecryptQuery) => `${q.tid}:${q.oaid}`;
  const chat = (reason: ChatReason, detail?: string): PhoneAnswer => ({
    kind: 'chat',
    reason,
    ...(detail ? { detail: maskText(detail) } : {}),
  });
  const fromPrivacy = (p: { phone: string; extension: string }): PhoneAnswer =>
    // An SMS cannot dial an extension: a number that needs one does not reach the buyer by text.
    p.extension ? chat('privacy_number') : { kind: 'phone', phone: p.phone };

  function answerOf(r: DecryptedReceiver): PhoneAnswer {
    if (!r.matched) return chat('no_phone', 'receiver not matched');
    // Aliyun's domestic SMS reaches mainland mobiles only: a buyer abroad (+65 …) is written to in 旺旺.
    const mobile = r.mobile.replace(/^\+86[- ]?/, '');
    if (mobile.startsWith('+')) return chat('overseas_number');
    if (!MOBILE.test(mobile)) return chat('no_phone', mobile ? 'mobile not a plain number' : 'no mobile');
    if (!r.privacyProtection) return { kind: 'phone', phone: mobile };
    const number = { phone: mobile, extension: r.extension };
    const until = r.secretNoExpireAt ? instantOr(r.secretNoExpireAt, 0) : 0;
    if (until > deps.clock.now()) privacy.set(keyOf(r), { ...number, until });
    return fromPrivacy(number);
  }

  /** One call for up to 20 receivers; a refusal that is about one of them is narrowed down by halves. */
  async function decryptChunk(
    scene: MessageScene,
    chunk: readonly Wanted[],
    answers: Map<string, PhoneAnswer>,
    options: PlatformCallOptions | undefined,
  ): Promise<void> {
    const setAll = (a: PhoneAnswer) => chunk.forEach((w) => w.ids.forEach((id) => answers.set(id, a)));
    if (deps.clock.now() < quotaUntil) return setAll(chat('decrypt_quota', quotaRetryAt));
    let receivers: DecryptedReceiver[];
    try {
      calls++;
      receivers = await deps.platform.decryptReceivers(
        chunk.map((w) => w.query),
        scene,
        options,
      );
    } catch (err) {
      if (err instanceof DecryptQuotaError) {
        quotaUntil = instantOr(err.retryAt, startOfShanghaiDay(shanghaiDate(deps.clock.now())) + DAY);
        quotaRetryAt = err.retryAt;
        deps.logger.warn({ scene, retryAt: err.retryAt }, 'decrypt quota spent: buyer messages go to the chat queue');
        return setAll(chat('decrypt_quota', err.retryAt));
      }
      if (isRefusal(err)) {
        const what = `${err.code}: ${err.message}`;
        if (SCENE_WORDS.test(what)) return setAll(chat('scene_refused', what));
        if (!ITEM_WORDS.test(what)) return setAll(chat('decrypt_refused', what));
        // One receiver's fault (an oaid that does not belong to its order) must not keep the others from their SMS.
        if (chunk.length > 1) {
          const half = Math.ceil(chunk.length / 2);
          await decryptChunk(scene, chunk.slice(0, half), answers, options);
          await decryptChunk(scene, chunk.slice(half), answers, options);
          return;
        }
        return setAll(chat('no_phone', what));
      }
      return setAll({ kind: 'retry', error: maskText(err instanceof Error ? err.message : String(err)) });
    }
    const byKey = new Map(receivers.map((r) => [keyOf(r), r]));
    for (const w of chunk) {
      const r = byKey.get(keyOf(w.query));
      const a = r ? answerOf(r) : chat('no_phone', 'not in the answer');
      w.ids.forEach((id) => answers.set(id, a));
    }
  }

  /**
   * Numbers for these messages, by message id: one decrypt call per scene and 20 receivers (two messages about the
   * same order share one), none for a privacy number still valid or a message with no oaid.
   */
  async function phonesFor(
    requests: readonly PhoneRequest[],
    options?: PlatformCallOptions,
  ): Promise<Map<string, PhoneAnswer>> {
    const answers = new Map<string, PhoneAnswer>();
    const now = deps.clock.now();
    const wanted = new Map<MessageScene, Map<string, Wanted>>();
    for (const r of requests) {
      const query = deps.receiverOf(r.tid, r.buyerNick);
      if (!query) {
        answers.set(r.id, chat('no_oaid'));
        continue;
      }
      const key = keyOf(query);
      const kept = privacy.get(key);
      if (kept && kept.until > now) {
        answers.set(r.id, fromPrivacy(kept));
        continue;
      }
      if (kept) privacy.delete(key);
      const scene = sceneFor(r.kind);
      const byKey = wanted.get(scene) ?? new Map<string, Wanted>();
      wanted.set(scene, byKey);
      const w = byKey.get(key) ?? { query: { tid: query.tid, oaid: query.oaid }, ids: [] };
      w.ids.push(r.id);
      byKey.set(key, w);
    }
    for (const [scene, byKey] of wanted) {
      const all = [...byKey.values()];
      for (let i = 0; i < all.length; i += DECRYPT_BATCH)
        await decryptChunk(scene, all.slice(i, i + DECRYPT_BATCH), answers, options);
    }
    return answers;
  }

  return {
    phonesFor,
    /** Decrypt calls this process made for messages (the benchmark's figure). */
    calls: () => calls,
  };
}

export type ReceiverPhones = ReturnType<typeof createReceiverPhones>;
