import pg from 'pg';
import type { Logger } from '../../../shared/logger.js';

export interface FollowOptions {
  url: string;
  channel: string;
  pollMs: number;
  logger?: Logger;
}

/**
 * Calls `onChange` when another instance commits: on its NOTIFY (a dedicated connection LISTENs), and every
 * `pollMs` besides, since a notification sent while this connection was down is never delivered again.
 */
export function followChanges(
  opts: FollowOptions,
  onChange: (notifiedSeq?: number) => void,
): { stop(): Promise<void> } {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  async function listen(): Promise<void> {
    if (stopped) return;
    const c = new pg.Client({ connectionString: opts.url, application_name: 'xiaoer listener' });
    c.on('notification', (n) => onChange(n.payload ? Number(n.payload) : undefined));
    c.on('error', (err) => {
      opts.logger?.warn({ err }, 'the PostgreSQL change listener lost its connection; reconnecting');
      if (client === c) client = null;
      void c.end().catch(() => undefined);
      schedule();
    });
    try {
      await c.connect();
      await c.query(`listen ${opts.channel}`);
      if (stopped) {
        await c.end();
        return;
      }
      client = c;
      // Whatever was committed while this connection was being made.
      onChange();
    } catch (err) {
      opts.logger?.warn({ err }, 'could not listen for other instances’ changes; retrying');
      void c.end().catch(() => undefined);
      schedule();
    }
  }

  function schedule(): void {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void listen();
    }, 1000);
    retry.unref();
  }

  const poll = setInterval(() => onChange(), opts.pollMs);
  poll.unref();
  void listen();

  return {
    async stop() {
      stopped = true;
      clearInterval(poll);
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
