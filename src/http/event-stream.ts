import type { Request, Response } from 'express';

/**
 * Server-Sent Events written by hand: the format is four kinds of line (event, data, retry, comment), and a
 * library would add a dependency for less code than this. One stream per open console tab.
 */

export interface EventStream {
  /** Sends one named event whose data is `data` as JSON (JSON has no newline, so it is one `data:` line). */
  send(event: string, data: unknown): void;
  /** A comment line: keeps proxies and the browser from closing an idle stream. */
  ping(): void;
  end(): void;
}

/** Turns `res` into an event stream; `onClose` runs once when the browser goes away or the stream is ended. */
export function openEventStream(req: Request, res: Response, onClose: () => void): EventStream {
  res.status(200);
  res.set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    // no-transform: a compressing proxy would hold events back until its buffer fills.
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    // nginx buffers responses unless told not to; a shop may put one in front of the service.
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  // The browser reconnects by itself after a drop; 3 s rather than its default so a restart is noticed quickly.
  res.write('retry: 3000\n\n');
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    onClose();
  };
  req.on('close', close);
  res.on('error', close);
  const write = (text: string) => {
    if (!closed && !res.writableEnded) res.write(text);
  };
  return {
    send: (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    ping: () => write(': ping\n\n'),
    end() {
      if (!res.writableEnded) res.end();
      close();
    },
  };
}
