import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import {
  confirmFrame,
  connectFrame,
  decodeFrame,
  encodeFrame,
  failedFrame,
  pullFrame,
  readData,
  type TmcFrame,
  type TmcMessage,
} from '../../../src/platform/tmc/index.js';

/**
 * A bare third-party TMC consumer for tests: it signs the connect itself (md5 of secret + sorted name+value +
 * secret, as tmc.js does), confirms nothing on its own, and hands every frame to the test.
 */
export interface TestConsumer {
  ack: TmcFrame;
  /** The next pushed message matching `pred` (already received ones first); rejects after `ms`. */
  next(pred?: (m: TmcMessage) => boolean, ms?: number): Promise<TmcMessage>;
  received: TmcMessage[];
  confirm(id: bigint): void;
  fail(id: bigint): void;
  pull(): void;
  close(): Promise<void>;
}

export function sign(secret: string, p: Record<string, string>): string {
  const text = Object.keys(p)
    .sort()
    .map((k) => k + p[k])
    .join('');
  return createHash('md5')
    .update(secret + text + secret)
    .digest('hex')
    .toUpperCase();
}

export async function connectConsumer(
  url: string,
  o: { appKey?: string; secret?: string; group?: string } = {},
): Promise<TestConsumer> {
  const appKey = o.appKey ?? '10000001';
  const secret = o.secret ?? 'xiaoer-sandbox-secret';
  const group = o.group ?? 'default';
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const received: TmcMessage[] = [];
  const waiters: (() => void)[] = [];
  let ackResolve: (f: TmcFrame) => void = () => undefined;
  const ackP = new Promise<TmcFrame>((r) => (ackResolve = r));
  ws.on('message', (data: Buffer) => {
    const f = decodeFrame(data);
    if (f.type === 1) return ackResolve(f);
    const m = readData(f);
    if (m) received.push(m);
    waiters.splice(0).forEach((w) => w());
  });
  const timestamp = String(Date.now());
  const s = sign(secret, { app_key: appKey, group_name: group, timestamp });
  ws.send(encodeFrame(connectFrame({ appKey, groupName: group, timestamp, sign: s, sdk: 'test-consumer' })));
  const ack = await ackP;
  const token = ack.token ?? '';
  let seen = 0;
  return {
    ack,
    received,
    next(pred = () => true, ms = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching TMC message in time')), ms);
        const look = () => {
          while (seen < received.length) {
            const m = received[seen++]!;
            if (pred(m)) {
              clearTimeout(timer);
              return resolve(m);
            }
          }
          waiters.push(look);
        };
        look();
      });
    },
    confirm: (id) => ws.send(encodeFrame(confirmFrame(token, id))),
    fail: (id) => ws.send(encodeFrame(failedFrame(token, id, 'test'))),
    pull: () => ws.send(encodeFrame(pullFrame(token))),
    close: () =>
      new Promise<void>((resolve) => {
        if (ws.readyState === ws.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.close();
      }),
  };
}
