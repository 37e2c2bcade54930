import { createHash } from 'node:crypto';
import { KIND_KEY, MessageKind, MessageType, frameKind, type TmcFrame, type TmcValue } from './frame.js';

/**
 * The frames of the TMC conversation, built and read in one place for both ends (the sandbox publisher and
 * xiaoer's consumer). Field names are the wire's own (app_key, group_name, id, topic, content, time, nick …).
 */

/**
 * The connect signature: md5 of secret + every parameter (app_key, group_name, timestamp) sorted by name as
 * name+value + secret, upper-case hex; the same rule as the TOP gateway's md5 signature (tmc.js lib/consumer.js).
 */
export function tmcSign(secret: string, params: { app_key: string; group_name: string; timestamp: string }): string {
  const s = Object.entries(params)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => k + v)
    .join('');
  return createHash('md5')
    .update(secret + s + secret, 'utf8')
    .digest('hex')
    .toUpperCase();
}

const frame = (type: MessageType, content: [string, TmcValue][], extra: Partial<TmcFrame> = {}): TmcFrame => ({
  type,
  ...extra,
  content: new Map(content),
});

export interface ConnectRequest {
  appKey: string;
  groupName: string;
  /** Epoch ms as decimal text, as the SDKs send it. */
  timestamp: string;
  sign: string;
  sdk: string;
  intranetIp?: string;
}

export function connectFrame(c: ConnectRequest): TmcFrame {
  const content: [string, TmcValue][] = [
    ['app_key', c.appKey],
    ['group_name', c.groupName],
    ['timestamp', c.timestamp],
    ['sign', c.sign],
    ['sdk', c.sdk],
  ];
  if (c.intranetIp) content.push(['intranet_ip', c.intranetIp]);
  return frame(MessageType.CONNECT, content);
}

/** Reads a CONNECT frame's fields; undefined ones were absent or not text. */
export function readConnect(f: TmcFrame): Partial<ConnectRequest> {
  const s = (k: string) => {
    const v = f.content.get(k);
    return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : undefined;
  };
  return {
    appKey: s('app_key'),
    groupName: s('group_name'),
    timestamp: s('timestamp'),
    sign: s('sign'),
    sdk: s('sdk'),
    intranetIp: s('intranet_ip'),
  };
}

/** The accepted connection: flag 1 and the token every later frame carries (as the real service answers). */
export const connectAckFrame = (token: string): TmcFrame => frame(MessageType.CONNECTACK, [], { flag: 1, token });

/** A refused connection: a non-zero status code and its phrase, no token; the service then closes the socket. */
export const connectRefusedFrame = (statusCode: number, statusPhrase: string): TmcFrame =>
  frame(MessageType.CONNECTACK, [], { statusCode, statusPhrase });

export const pullFrame = (token: string): TmcFrame =>
  frame(MessageType.SEND, [[KIND_KEY, MessageKind.PullRequest]], { token });

export const confirmFrame = (token: string, id: bigint): TmcFrame =>
  frame(
    MessageType.SEND,
    [
      [KIND_KEY, MessageKind.Confirm],
      ['id', id],
    ],
    { token },
  );

/** Asks the service to push the message again (the SDK's status.fail()). */
export const failedFrame = (token: string, id: bigint, reason: string): TmcFrame =>
  frame(
    MessageType.SENDACK,
    [
      [KIND_KEY, MessageKind.Failed],
      ['id', id],
      ['msg', reason],
    ],
    { token },
  );

/** One message of a topic as the service pushes it. */
export interface TmcMessage {
  /** 64-bit: kept exact as bigint. */
  id: bigint;
  topic: string;
  /** The topic's fields as JSON text, as the wire carries them (see parseContent for exact big ids). */
  content: string;
  /** Publish time, epoch ms. */
  time: number;
  /** The seller's nick. */
  nick: string;
  userId?: bigint;
  /** How many times it was pushed before (0 the first time). */
  retried: number;
}

export function dataFrame(m: TmcMessage): TmcFrame {
  const content: [string, TmcValue][] = [
    [KIND_KEY, MessageKind.Data],
    ['id', m.id],
    ['topic', m.topic],
    ['content', m.content],
    ['time', new Date(m.time)],
    ['nick', m.nick],
    ['retried', m.retried],
  ];
  if (m.userId !== undefined) content.push(['userid', m.userId]);
  return frame(MessageType.SEND, content);
}

const asBigInt = (v: TmcValue | undefined): bigint | undefined =>
  typeof v === 'bigint'
    ? v
    : typeof v === 'number' && Number.isSafeInteger(v)
      ? BigInt(v)
      : typeof v === 'string' && /^\d+$/.test(v)
        ? BigInt(v)
        : undefined;

/** The pushed message of a SEND frame, or undefined when the frame is not one (or lacks its id or topic). */
export function readData(f: TmcFrame): TmcMessage | undefined {
  if (f.type !== MessageType.SEND) return undefined;
  const kind = frameKind(f);
  if (kind !== MessageKind.Data && kind !== MessageKind.None) return undefined;
  const id = asBigInt(f.content.get('id'));
  const topic = f.content.get('topic');
  if (id === undefined || typeof topic !== 'string') return undefined;
  const content = f.content.get('content');
  const time = f.content.get('time');
  const nick = f.content.get('nick');
  const retried = f.content.get('retried');
  const userId = asBigInt(f.content.get('userid'));
  return {
    id,
    topic,
    content: typeof content === 'string' ? content : '',
    time: time instanceof Date ? time.getTime() : typeof time === 'string' ? Date.parse(time) : Date.now(),
    nick: typeof nick === 'string' ? nick : '',
    retried: typeof retried === 'number' ? retried : 0,
    ...(userId !== undefined ? { userId } : {}),
  };
}

/** The id of a confirm or failed frame (a number, a bigint or decimal text, as different SDKs send it). */
export const readMessageId = (f: TmcFrame): bigint | undefined => asBigInt(f.content.get('id'));

/**
 * Parses a message's content JSON keeping every integer beyond 2^53 exact: such a number becomes its decimal text
 * (tid, oid, refund_id are 64-bit and JSON.parse would round them).
 */
export function parseContent(text: string): Record<string, unknown> {
  const quoted = text.replace(
    /("(?:[^"\\]|\\.)*")|(?<=[:,[]\s*)(-?\d{16,})(?=\s*[,}\]])/g,
    (m, str: string | undefined, num) => (str !== undefined ? m : `"${num as string}"`),
  );
  const v: unknown = JSON.parse(quoted);
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new SyntaxError('消息内容不是一个 JSON 对象');
  return v as Record<string, unknown>;
}
