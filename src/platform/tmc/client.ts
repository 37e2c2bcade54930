import WebSocket from 'ws';
import { silentLogger, type Logger } from '../../shared/logger.js';
import { decodeFrame, encodeFrame, MessageType, type TmcFrame } from './frame.js';
import { confirmFrame, connectFrame, failedFrame, pullFrame, readData, tmcSign, type TmcMessage } from './messages.js';

/**
 * One consumer connection to the message channel for one app and group: it signs the connect, keeps the token,
 * answers pushed messages with confirm or failed ack once the handler has decided, asks for pending messages now and
 * then (pull), checks the link with WebSocket pings, and reconnects after any loss with a capped, jittered backoff
 * (full jitter: a random wait up to min(cap, base·2^attempt)), so many shops restarting together do not reconnect in
 * step. Messages are handed over with their 64-bit ids as bigint.
 */

export interface TmcClientOptions {
  url: string;
  appKey: string;
  appSecret: string;
  groupName?: string;
  /** Decides each message: 'confirm' once its change is durable, 'fail' to have it pushed again later. */
  onMessage(m: TmcMessage): Promise<'confirm' | 'fail'>;
  onStatus?(connected: boolean): void;
  logger?: Logger;
  /** Ping interval; a ping not answered by the next one ends the connection (default 30 s). */
  heartbeatMs?: number;
  /** How often to ask for messages not pushed yet (default 10 s). */
  pullMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** For tests: the random draw of the jitter. */
  random?: () => number;
}

export interface TmcClientStatus {
  connected: boolean;
  /** Epoch ms of the last change between connected and not (the start counts as a change). */
  since: number;
  connects: number;
  received: number;
  lastError: string | null;
}

export interface TmcClient {
  start(): void;
  stop(): Promise<void>;
  status(): TmcClientStatus;
  /** Drops the current connection as a network loss would (it reconnects). */
  drop(): void;
}

export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 20)));
}

export function createTmcClient(o: TmcClientOptions): TmcClient {
  const logger = o.logger ?? silentLogger();
  const group = o.groupName ?? 'default';
  const heartbeatMs = o.heartbeatMs ?? 30_000;
  const pullMs = o.pullMs ?? 10_000;
  const random = o.random ?? Math.random;
  let ws: WebSocket | null = null;
  let token: string | null = null;
  let stopped = true;
  let attempt = 0;
  let retry: NodeJS.Timeout | null = null;
  let timers: NodeJS.Timeout[] = [];
  const st: TmcClientStatus = { connected: false, since: Date.now(), connects: 0, received: 0, lastError: null };

  const setConnected = (c: boolean) => {
    if (st.connected === c) return;
    st.connected = c;
    st.since = Date.now();
    o.onStatus?.(c);
  };
  const send = (socket: WebSocket, f: TmcFrame) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(encodeFrame(f), { binary: true });
  };

  const scheduleReconnect = () => {
    if (stopped || retry) return;
    const wait = backoffDelay(attempt++, o.backoffBaseMs ?? 1000, o.backoffMaxMs ?? 30_000, random);
    retry = setTimeout(() => {
      retry = null;
      connect();
    }, wait);
    retry.unref();
  };

  const onData = (socket: WebSocket, sockToken: string, m: TmcMessage) => {
    st.received++;
    o.onMessage(m).then(
      (verdict) => {
        // The answer goes on the connection the message came by; if that one is gone the service pushes it again.
        if (token !== sockToken) return;
        send(
          socket,
          verdict === 'confirm' ? confirmFrame(sockToken, m.id) : failedFrame(sockToken, m.id, '处理失败，稍后重推'),
        );
      },
      (err: unknown) => {
        logger.error({ err, id: String(m.id), topic: m.topic }, 'tmc: message handler failed');
        if (token === sockToken) send(socket, failedFrame(sockToken, m.id, '处理失败，稍后重推'));
      },
    );
  };

  function connect() {
    if (stopped) return;
    const socket = new WebSocket(o.url);
    ws = socket;
    let alive = true;
    socket.on('open', () => {
      const timestamp = String(Date.now());
      const sign = tmcSign(o.appSecret, { app_key: o.appKey, group_name: group, timestamp });
      send(socket, connectFrame({ appKey: o.appKey, groupName: group, timestamp, sign, sdk: 'xiaoer' }));
    });
    socket.on('pong', () => (alive = true));
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return;
      let f: TmcFrame;
      try {
        f = decodeFrame(data);
      } catch (err) {
        logger.warn({ err }, 'tmc: unreadable frame ignored');
        return;
      }
      if (f.type === MessageType.CONNECTACK) {
        if (f.statusCode || !f.token) {
          st.lastError = `${f.statusCode ?? 0} ${f.statusPhrase ?? ''}`.trim();
          logger.error({ status: f.statusCode, phrase: f.statusPhrase }, 'tmc: connect refused');
          socket.close();
          return;
        }
        token = f.token;
        attempt = 0;
        st.connects++;
        st.lastError = null;
        setConnected(true);
        const tok = f.token;
        timers = [
          setInterval(() => {
            if (!alive) return socket.terminate();
            alive = false;
            socket.ping();
          }, heartbeatMs),
          setInterval(() => send(socket, pullFrame(tok)), pullMs),
        ];
        timers.forEach((t) => t.unref());
        send(socket, pullFrame(tok));
        return;
      }
      const m = readData(f);
      if (m && token) onData(socket, token, m);
    });
    socket.on('error', (err) => {
      st.lastError = err.message;
      logger.warn({ err: err.message }, 'tmc: connection error');
    });
    socket.on('close', () => {
      timers.forEach(clearInterval);
      timers = [];
      if (ws === socket) {
        ws = null;
        token = null;
        setConnected(false);
        scheduleReconnect();
      }
    });
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      connect();
    },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      retry = null;
      const socket = ws;
      if (!socket) return;
      await new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.terminate();
      });
    },
    status: () => ({ ...st }),
    drop: () => ws?.terminate(),
  };
}
